"""Posting a comment from an item's page."""

from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mediaplan.comments.service import add_comment
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan import rights
from mediaplan.plan.forms import CommentForm
from mediaplan.plan.models import PlanItem
from mediaplan.web import get_or_404

bp = Blueprint("comments", __name__)


@bp.post("/plan/items/<int:item_id>/comments")
@login_required
def create(item_id: int):
    item = get_or_404(PlanItem, item_id)
    if not rights.can_comment(current_user, item):
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
