"""Authentication with login failures counted in the database, per account and per address."""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

import sqlalchemy as sa
from werkzeug.security import check_password_hash, generate_password_hash

from mediaplan.auth.models import LoginFailure
from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.users.models import User

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoginLimits:
    per_account: int
    per_address: int
    window: timedelta


class LoginThrottled(Exception):
    """Too many recent failures for this account or address."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def authenticate(
    email: str, password: str, *, address: str, limits: LoginLimits, now: datetime | None = None
) -> User | None:
    """Return the user for these credentials, or None; record a failure in the database.

    :raises LoginThrottled: when the account or the address failed too often recently;
        the password is then not checked at all.
    """
    now = now or utcnow()
    account = normalise_email(email)[:254]
    if _is_throttled(account, address, limits, now):
        logger.warning("Login throttled for account %r from %s", account, address)
        raise LoginThrottled
    user = db.session.execute(sa.select(User).where(User.email == account)).scalar_one_or_none()
    if user is None:
        _check_dummy(password)
    elif user.is_active and user.check_password(password):
        _clear_failures(account)
        user.last_login_at = now
        return user
    db.session.add(LoginFailure(account=account, address=address[:64], failed_at=now))
    return None


def _is_throttled(account: str, address: str, limits: LoginLimits, now: datetime) -> bool:
    since = now - limits.window
    recent = (
        sa.select(sa.func.count()).select_from(LoginFailure).where(LoginFailure.failed_at > since)
    )
    by_account = db.session.scalar(recent.where(LoginFailure.account == account))
    if by_account >= limits.per_account:
        return True
    by_address = db.session.scalar(recent.where(LoginFailure.address == address))
    return by_address >= limits.per_address


def _clear_failures(account: str) -> None:
    db.session.execute(sa.delete(LoginFailure).where(LoginFailure.account == account))


@cache
def _dummy_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))


def _check_dummy(password: str) -> None:
    # An unknown account costs the same hash check as a known one, so response times do not
    # tell which e-mail addresses have accounts.
    check_password_hash(_dummy_hash(), password)


def purge_login_failures(older_than: datetime) -> int:
    """Delete failure rows that no longer count; returns how many went."""
    result = db.session.execute(sa.delete(LoginFailure).where(LoginFailure.failed_at < older_than))
    return result.rowcount or 0
