"""The outbox: every notification Mediaplan gives, shown in the app and, unless it is for the
app only, delivered by e-mail by the sender job."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediaplan.db import UTCDateTime, utcnow
from mediaplan.extensions import db
from mediaplan.users.models import User

# "in_app": shown in the app, never e-mailed. Kept apart from "queued" so that the sender's
# look-up (state, next_attempt_at) never wades through in-app notices.
STATES = ("queued", "sending", "sent", "failed", "in_app")


class OutboxMessage(db.Model):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        sa.Index("ix_outbox_messages_state_next_attempt_at", "state", "next_attempt_at"),
        sa.Index("ix_outbox_messages_recipient_id_created_at", "recipient_id", "created_at"),
        sa.Index("ix_outbox_messages_related_type_related_id", "related_type", "related_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    email: Mapped[str] = mapped_column(sa.String(254))
    language: Mapped[str] = mapped_column(sa.String(8))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    # What the notifications page shows, so it never has to read the e-mail's text: what kind
    # of message this is (e.g. "comment"), who caused it and what happened, in one sentence.
    kind: Mapped[str | None] = mapped_column(sa.String(40))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    summary: Mapped[str] = mapped_column(sa.String(1000), default="", server_default="")
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

    recipient: Mapped[User] = relationship(foreign_keys=[recipient_id])

    @property
    def is_email(self) -> bool:
        """Is this message to be delivered by e-mail too?"""
        return self.state != "in_app"
