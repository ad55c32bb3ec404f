"""The outbox: every message Mediaplan sends, queued first, delivered by the sender job."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediaplan.db import UTCDateTime, utcnow
from mediaplan.extensions import db
from mediaplan.users.models import User

STATES = ("queued", "sent", "failed")


class OutboxMessage(db.Model):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        sa.Index("ix_outbox_messages_state_next_attempt_at", "state", "next_attempt_at"),
        sa.Index("ix_outbox_messages_recipient_id_created_at", "recipient_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    email: Mapped[str] = mapped_column(sa.String(254))
    language: Mapped[str] = mapped_column(sa.String(8))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    # What the message is about, e.g. ("plan_item", 42), so pages can link to it.
    related_type: Mapped[str | None] = mapped_column(sa.String(40))
    related_id: Mapped[int | None]
    # Makes a message that must go once per (thing, recipient, day) impossible to queue twice.
    dedup_key: Mapped[str | None] = mapped_column(sa.String(200), unique=True)
    state: Mapped[str] = mapped_column(sa.String(20), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(sa.Text, default="")
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    recipient: Mapped[User] = relationship()
