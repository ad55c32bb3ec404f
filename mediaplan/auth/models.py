"""Failed login attempts and password reset requests, kept in the database so every worker
counts the same, and password reset links."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from mediaplan.db import UTCDateTime, utcnow
from mediaplan.extensions import db


class LoginFailure(db.Model):
    __tablename__ = "login_failures"
    __table_args__ = (
        sa.Index("ix_login_failures_account_failed_at", "account", "failed_at"),
        sa.Index("ix_login_failures_address_failed_at", "address", "failed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(sa.String(254))
    address: Mapped[str] = mapped_column(sa.String(64))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PasswordResetRequest(db.Model):
    """A request for a password reset link by e-mail address, counted per account and per
    address like a failed login, whether or not the account exists."""

    __tablename__ = "password_reset_requests"
    __table_args__ = (
        sa.Index("ix_password_reset_requests_account_requested_at", "account", "requested_at"),
        sa.Index("ix_password_reset_requests_address_requested_at", "address", "requested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(sa.String(254))
    address: Mapped[str] = mapped_column(sa.String(64))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PasswordResetLink(db.Model):
    """A link that sets a new password once, until it expires. The e-mail carries a random
    token; only its SHA-256 is kept here."""

    __tablename__ = "password_reset_links"
    __table_args__ = (sa.Index("ix_password_reset_links_user_id_ended_at", "user_id", "ended_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The administrator who sent it; None when the user asked for it.
    sent_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # "used" (it set the password) or "password" (another link of the user set it).
    end_reason: Mapped[str] = mapped_column(sa.String(20), default="")
