"""Failed login attempts, kept in the database so every worker counts the same failures."""

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
