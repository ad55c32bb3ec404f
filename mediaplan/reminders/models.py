"""Reminders: a row per plan item with the moment its reminder is due."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediaplan.db import UTCDateTime
from mediaplan.extensions import db
from mediaplan.plan.models import PlanItem


class Reminder(db.Model):
    """Due at ``due_at`` (UTC); sent once by the dispatcher, moved when the item's dates move."""

    __tablename__ = "reminders"
    __table_args__ = (sa.Index("ix_reminders_state_due_at", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_items.id", ondelete="CASCADE"), unique=True
    )
    # "start" for an item with a date range, "due" for a deadline.
    kind: Mapped[str] = mapped_column(sa.String(10))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    state: Mapped[str] = mapped_column(sa.String(20), default="pending")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    recipients: Mapped[int] = mapped_column(default=0)

    item: Mapped[PlanItem] = relationship()
