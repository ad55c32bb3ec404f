"""Personal access tokens: created once, shown once, stored as a SHA-256 hash."""

import hashlib
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from mediaplan.api.models import ApiToken
from mediaplan.db import utcnow
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db

TOKEN_PREFIX = "mpt_"  # noqa: S105 (a public marker, not a secret)
NAME_MAX = 100


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


def tokens_of(user) -> list[ApiToken]:
    query = sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at)
    return list(db.session.scalars(query))


def user_for_token(secret: str, *, now: datetime | None = None):
    """The active user a live token belongs to, or None; notes when the token was used."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    token.last_used_at = now or utcnow()
    return token.user
