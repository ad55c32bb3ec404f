"""Personal access tokens: created once, shown once, stored as a SHA-256 hash."""

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from mediaplan.db import note_use_later, utcnow
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.users.models import ApiToken

TOKEN_PREFIX = "mpt_"  # noqa: S105 (a public marker, not a secret)
NAME_MAX = 100
# A token's last use is noted to the minute: often enough to tell a token in use from one not.
NOTE_USE_EVERY = timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``user``; returns the row and the secret, which is never stored.

    :raises ValidationFailed: for an empty or too long name.
    """
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX:
        raise ValidationFailed(
            {"name": [str(_l("Give the token a name of up to 100 characters."))]}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=hash_token(secret),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
    )
    db.session.add(token)
    db.session.flush()
    return token, secret


def revoke_token(token: ApiToken, *, now: datetime | None = None) -> None:
    if token.revoked_at is None:
        token.revoked_at = now or utcnow()


def revoke_tokens_of(user_id: int, *, now: datetime | None = None) -> int:
    """Revoke every live token of a user; the caller commits. Returns how many."""
    revoked = db.session.execute(
        sa.update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())
        .execution_options(synchronize_session=False)
    )
    return revoked.rowcount or 0


def live_token_count(user_id: int) -> int:
    query = sa.select(sa.func.count()).where(
        ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None)
    )
    return db.session.scalar(query) or 0


def tokens_of(user) -> list[ApiToken]:
    query = sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at)
    return list(db.session.scalars(query))


def user_for_token(secret: str):
    """The active user a live token belongs to, or None; the token's use is noted after the
    request, at most once a minute, so that reading through the API writes nothing."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    note_use_later(
        ApiToken.__table__.c.last_used_at, token.id, token.last_used_at, every=NOTE_USE_EVERY
    )
    return token.user
