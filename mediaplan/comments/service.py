"""Reading and writing comments on plan items."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from mediaplan.comments.models import BODY_MAX, Comment
from mediaplan.comments.rights import can_comment
from mediaplan.errors import PermissionDenied, ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan.models import PlanItem
from mediaplan.signals import comment_added, send


def comments_for(item) -> list[Comment]:
    query = (
        sa.select(Comment)
        .where(Comment.item_id == item.id)
        .options(joinedload(Comment.author))
        .order_by(Comment.created_at, Comment.id)
    )
    return list(db.session.scalars(query))


def recent_comments(plan_id: int, *, agency_id: int | None, author_other_than: int, limit: int):
    """The latest comments on a plan's items, of those led by ``agency_id`` when given,
    leaving out the reader's own."""
    query = (
        sa.select(Comment)
        .join(PlanItem, PlanItem.id == Comment.item_id)
        .where(PlanItem.plan_id == plan_id, Comment.author_id != author_other_than)
        .options(joinedload(Comment.author), joinedload(Comment.item))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(limit)
    )
    if agency_id is not None:
        query = query.where(PlanItem.lead_agency_id == agency_id)
    return list(db.session.scalars(query))


def add_comment(item, body: str, *, actor) -> Comment:
    """Add ``actor``'s comment to ``item``; the caller commits.

    :raises PermissionDenied: if ``actor`` may not comment on this item.
    :raises ValidationFailed: for an empty or too long comment.
    """
    if not can_comment(actor, item):
        raise PermissionDenied(_l("You may not comment on this item."))
    body = (body or "").strip()
    if not body:
        raise ValidationFailed({"body": [str(_l("Write a comment first."))]})
    if len(body) > BODY_MAX:
        raise ValidationFailed({"body": [str(_l("At most %(n)d characters.", n=BODY_MAX))]})
    comment = Comment(item_id=item.id, author_id=actor.id, body=body)
    db.session.add(comment)
    db.session.flush()
    send(comment_added, comment=comment, actor=actor)
    return comment
