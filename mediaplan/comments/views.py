"""The comments section of a plan item's page, and posting a comment from it."""

from flask import Blueprint, abort, flash, g, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mediaplan.comments.forms import CommentForm
from mediaplan.comments.rights import can_comment
from mediaplan.comments.service import add_comment, comments_for, recent_comments
from mediaplan.db import writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan import queries
from mediaplan.plan.models import PlanItem
from mediaplan.plan.views import item_page
from mediaplan.web import get_or_404, show_errors

bp = Blueprint("comments", __name__)
# Comments shown on a home page.
RECENT = 8
# Where a refused comment form waits for the item page's comments section.
REFUSED_FORM = "mediaplan_refused_comment_form"


def item_section(item, user) -> dict:
    """The comments under ``item`` on its page, with the form for those who may comment (the
    one just refused, with its text and errors, when there is one)."""
    return {
        "item": item,
        "comments": comments_for(item),
        "can_comment": can_comment(user, item),
        "form": g.pop(REFUSED_FORM, None) or CommentForm(formdata=None),
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
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Comment added."), "success")
            return redirect(url_for("plan.item", item_id=item.id) + "#comments")
    # The page again with the comment as typed and the error at it: nothing typed is lost.
    g.setdefault(REFUSED_FORM, form)
    return item_page(queries.item_for_page(item.id)), 400
