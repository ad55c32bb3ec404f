"""The comments section of a plan item's page, and posting a comment from it."""

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mediaplan.comments.forms import CommentForm
from mediaplan.comments.rights import can_comment
from mediaplan.comments.service import add_comment, comments_for, recent_comments
from mediaplan.db import writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan.models import PlanItem
from mediaplan.web import get_or_404

bp = Blueprint("comments", __name__)
# Comments shown on a home page.
RECENT = 8


def item_section(item, user) -> dict:
    """The comments under ``item`` on its page, with the form for those who may comment."""
    return {
        "item": item,
        "comments": comments_for(item),
        "can_comment": can_comment(user, item),
        "form": CommentForm(),
    }


def home_section(scope, user) -> dict:
    """The latest comments on the items a home page is about."""
    comments = recent_comments(
        scope.plan.id, agency_id=scope.agency_id, author_other_than=user.id, limit=RECENT
    )
    return {"comments": comments}


@bp.post("/plan/items/<int:item_id>/comments")
@writes
@login_required
def create(item_id: int):
    item = get_or_404(PlanItem, item_id)
    if not can_comment(current_user, item):
        abort(403)
    form = CommentForm()
    if form.validate_on_submit():
        try:
            add_comment(item, form.body.data, actor=current_user)
        except ValidationFailed as error:
            db.session.rollback()
            for messages in error.errors.values():
                flash(" ".join(messages), "danger")
        else:
            db.session.commit()
            flash(_("Comment added."), "success")
    else:
        for messages in form.errors.values():
            flash(" ".join(str(m) for m in messages), "danger")
    return redirect(url_for("plan.item", item_id=item.id) + "#comments")
