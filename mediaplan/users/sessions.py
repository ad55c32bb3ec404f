"""Sessions kept on the server: a browser's cookie carries a random token, and the session it
names ends for good at logout, at a password change, when an admin ends it or when the user's
access changes, and by itself after a time without use or an absolute lifetime."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.users.models import UserSession

# How a session ended, as kept in user_sessions.end_reason.
LOGOUT, PASSWORD, ADMIN, ACCESS = "logout", "password", "admin", "access"
# A session's last use is noted to the minute, so idle sessions end within a minute of their
# time while reading pages writes nothing.
NOTE_USE_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class SessionLimits:
    idle: timedelta
    absolute: timedelta


def session_limits(config) -> SessionLimits:
    """The limits set by SESSION_LIFETIME_SECONDS (idle) and SESSION_ABSOLUTE_SECONDS."""
    return SessionLimits(
        idle=timedelta(seconds=int(config["SESSION_LIFETIME_SECONDS"])),
        absolute=timedelta(seconds=int(config["SESSION_ABSOLUTE_SECONDS"])),
    )


def hash_session_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user, *, address: str, user_agent: str, now: datetime | None = None) -> str:
    """Open a session for ``user`` and return its token, which only the cookie keeps; the
    caller commits."""
    token = secrets.token_urlsafe(32)
    now = now or utcnow()
    db.session.add(
        UserSession(
            user_id=user.id,
            token_hash=hash_session_token(token),
            created_at=now,
            last_seen_at=now,
            address=address[:64],
            user_agent=user_agent[:200],
        )
    )
    return token


def live_session_conditions(started_after, seen_after) -> list[sa.ColumnElement]:
    """What a session must meet to let its browser in: not ended, opened after
    ``started_after`` (the absolute lifetime ago) and used after ``seen_after`` (the idle
    lifetime ago); values or bound parameters."""
    return [
        UserSession.ended_at.is_(None),
        UserSession.created_at > started_after,
        UserSession.last_seen_at > seen_after,
    ]


def end_session(token: str, *, reason: str = LOGOUT, now: datetime | None = None) -> bool:
    """End the session of ``token``; the caller commits. False if it had ended already."""
    ended = db.session.execute(
        sa.update(UserSession)
        .where(UserSession.token_hash == hash_session_token(token), UserSession.ended_at.is_(None))
        .values(ended_at=now or utcnow(), end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return ended.rowcount == 1


def end_sessions_of(
    user_id: int, *, reason: str, keep_token: str | None = None, now: datetime | None = None
) -> int:
    """End every open session of a user, but the one of ``keep_token`` if given; the caller
    commits. Returns how many ended."""
    conditions = [UserSession.user_id == user_id, UserSession.ended_at.is_(None)]
    if keep_token:
        conditions.append(UserSession.token_hash != hash_session_token(keep_token))
    ended = db.session.execute(
        sa.update(UserSession)
        .where(*conditions)
        .values(ended_at=now or utcnow(), end_reason=reason)
        .execution_options(synchronize_session=False)
    )
    return ended.rowcount or 0


def open_sessions(user_id: int, limits: SessionLimits, now: datetime | None = None) -> int:
    """How many sessions of the user could still let a browser in."""
    now = now or utcnow()
    conditions = live_session_conditions(now - limits.absolute, now - limits.idle)
    count = sa.select(sa.func.count()).select_from(UserSession)
    return db.session.scalar(count.where(UserSession.user_id == user_id, *conditions)) or 0


def purge_sessions(older_than: datetime) -> int:
    """Delete the sessions opened before ``older_than``, which must lie beyond the absolute
    lifetime: ended or expired, they are kept until then to tell who was logged in when."""
    result = db.session.execute(sa.delete(UserSession).where(UserSession.created_at < older_than))
    return result.rowcount or 0
