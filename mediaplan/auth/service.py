"""Logging in with failures counted in the database, per account and per address, under a
lock, so that the limits hold however many attempts arrive at once, on every worker."""

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
from mediaplan.locking import lock_name
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


@dataclass(frozen=True)
class LoginAttempt:
    """A login attempt counted against the limits, with what checking it needs: the account's
    stored password hash (None for an unknown e-mail address)."""

    account: str
    user_id: int | None
    password_hash: str | None
    is_active: bool


def begin_login(
    email: str, *, address: str, limits: LoginLimits, now: datetime | None = None
) -> LoginAttempt:
    """Count an attempt against the account's and the address's limits; the caller commits
    before the password is checked (``check_password``), so that no lock is held meanwhile.

    The attempt counts as a failure until ``finish_login`` clears it: however many attempts
    arrive at once, at most the limit of them get their password checked.

    :raises LoginThrottled: when the account or the address failed too often recently.
    """
    now = now or utcnow()
    account = normalise_email(email)[:254]
    address = address[:64]
    # Always account first, then address: two attempts never wait for each other in a cycle.
    lock_name("login", "account", account)
    lock_name("login", "address", address)
    if exceeds_limits(LoginFailure, LoginFailure.failed_at, account, address, limits, now):
        logger.warning("Login throttled for account %r from %s", account, address)
        raise LoginThrottled
    user = db.session.execute(
        sa.select(User.id, User.password_hash, User.is_active).where(User.email == account)
    ).one_or_none()
    db.session.add(LoginFailure(account=account, address=address, failed_at=now))
    if user is None:
        return LoginAttempt(account, None, None, False)
    return LoginAttempt(account, user.id, user.password_hash, user.is_active)


def check_password(attempt: LoginAttempt, password: str) -> bool:
    """Whether the password is right for an active account; slow on purpose (scrypt), so call
    it with no transaction open."""
    if attempt.password_hash is None:
        _check_dummy(password)
        return False
    return check_password_hash(attempt.password_hash, password) and attempt.is_active


def finish_login(attempt: LoginAttempt, *, now: datetime | None = None) -> User:
    """The user of an attempt whose password was right: their failures are forgotten and the
    login noted; the caller commits."""
    clear_login_failures(attempt.account)
    user = db.session.get(User, attempt.user_id)
    user.last_login_at = now or utcnow()
    return user


def exceeds_limits(
    model, at: sa.ColumnElement, account: str, address: str, limits: LoginLimits, now: datetime
) -> bool:
    """Whether the rows of ``model`` (with ``account`` and ``address`` columns) counted within
    the window before ``now`` (by their time column ``at``) reach a limit; call it under the
    locks of the account and the address."""
    recent = sa.select(sa.func.count()).select_from(model).where(at > now - limits.window)
    by_account = db.session.scalar(recent.where(model.account == account))
    if by_account >= limits.per_account:
        return True
    by_address = db.session.scalar(recent.where(model.address == address))
    return by_address >= limits.per_address


def clear_login_failures(account: str) -> None:
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
