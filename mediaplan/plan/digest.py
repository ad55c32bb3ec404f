"""The coordinators' daily digest of overdue plan items."""

from datetime import date

import sqlalchemy as sa
from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from mediaplan.extensions import db
from mediaplan.notifications.service import queue_message
from mediaplan.plan.models import PlanItem
from mediaplan.users.models import User

FINISHED = ("done", "cancelled")


def overdue_items(today: date) -> list[PlanItem]:
    """Items whose end or deadline has passed and that are neither done nor cancelled."""
    query = (
        sa.select(PlanItem)
        .where(PlanItem.ends_on < today, PlanItem.status.not_in(FINISHED))
        .options(joinedload(PlanItem.lead_agency))
        .order_by(PlanItem.ends_on, PlanItem.sort_key)
    )
    return list(db.session.scalars(query))


def queue_overdue_digests(*, today: date, default_language: str, base_url: str) -> int:
    """Queue one digest per active coordinator, at most once a day; the caller commits."""
    items = overdue_items(today)
    if not items:
        return 0
    coordinators = db.session.scalars(
        sa.select(User).where(User.role == "coordinator", User.is_active)
    ).all()
    queued = 0
    for user in coordinators:
        language = user.locale or default_language
        with force_locale(language):
            subject = _("Overdue plan items: %(n)d", n=len(items))
            body = render_template(
                "emails/overdue_digest.txt",
                items=items,
                today=today,
                language=language,
                base_url=base_url.rstrip("/"),
            )
        message = queue_message(
            user,
            subject,
            body,
            language=language,
            kind="overdue_digest",
            dedup_key=f"overdue-digest:{today.isoformat()}:{user.id}",
        )
        queued += message is not None
    return queued
