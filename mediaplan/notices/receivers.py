"""What notices do when an item changes or is commented on: the signals' receivers."""

import sqlalchemy as sa
from flask import current_app

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.notices.messages import Change
from mediaplan.notices.service import NoticeSettings, notify_agency
from mediaplan.plan.models import PlanItemStatusChange

# Which changes of plan_item_changed make a notice, and of which kind. A new item is news
# to nobody yet: its agency sees it in the plan.
NOTICE_KINDS = {"edited": "edit", "status": "status"}


def notice_settings() -> NoticeSettings:
    config = current_app.config
    return NoticeSettings(base_url=config["BASE_URL"], default_language=config["DEFAULT_LOCALE"])


def on_plan_item_changed(_app, *, item, actor, change, **_details) -> None:
    kind = NOTICE_KINDS.get(change)
    if kind is None:
        return
    if kind == "status":
        latest = _latest_status_change(item.id)
        happened = Change(kind, item, actor.name, status=item.status, text=latest.reason)
    else:
        happened = Change(kind, item, actor.name)
    notify_agency(happened, actor=actor, now=utcnow(), settings=notice_settings())


def on_comment_added(_app, *, comment, actor, **_details) -> None:
    happened = Change("comment", comment.item, actor.name, text=comment.body)
    notify_agency(happened, actor=actor, now=utcnow(), settings=notice_settings())


def _latest_status_change(item_id: int) -> PlanItemStatusChange:
    return db.session.scalars(
        sa.select(PlanItemStatusChange)
        .where(PlanItemStatusChange.item_id == item_id)
        .order_by(PlanItemStatusChange.id.desc())
        .limit(1)
    ).one()
