"""Password reset links: asked for by e-mail address from the login page, or sent by an
administrator, a link sets a new password once, within a limited time.

The e-mail carries a random token and only its SHA-256 is stored. Asking is counted per
account and per address under a lock, like logging in, and never tells whether an account
exists: the caller answers the same whatever happened.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from mediaplan.auth.models import PasswordResetLink, PasswordResetRequest
from mediaplan.auth.service import (
    LoginLimits,
    clear_login_failures,
    exceeds_limits,
    normalise_email,
)
from mediaplan.db import utcnow
from mediaplan.errors import Conflict
from mediaplan.extensions import db
from mediaplan.locking import lock_name
from mediaplan.notifications.service import queue_message
from mediaplan.users.models import User
from mediaplan.users.service import set_password

logger = logging.getLogger(__name__)

# How a link ended, as kept in password_reset_links.end_reason: it set the password, or
# another link of the same user did.
USED, PASSWORD = "used", "password"
# Longer than any token send_reset_link makes, shorter than anything worth hashing.
TOKEN_MAX = 100


@dataclass(frozen=True)
class ResetSettings:
    """How long a link works, the absolute address its token is appended to, and the
    language of users who chose none."""

    lifetime: timedelta
    link_prefix: str
    default_language: str


class ResetThrottled(Exception):
    """Too many recent requests for this account or from this address."""


def hash_reset_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_reset(
    email: str,
    *,
    address: str,
    limits: LoginLimits,
    settings: ResetSettings,
    now: datetime | None = None,
) -> None:
    """Count a request for a link from ``address`` and send one to the active account of
    ``email``, if there is one; the caller commits, and answers the same either way.

    :raises ResetThrottled: when the account or the address asked too often recently.
    """
    now = now or utcnow()
    account = normalise_email(email)[:254]
    address = address[:64]
    # Always account first, then address, as the login does: no two requests wait in a cycle.
    lock_name("password_reset", "account", account)
    lock_name("password_reset", "address", address)
    requests = PasswordResetRequest
    if exceeds_limits(requests, requests.requested_at, account, address, limits, now):
        logger.warning("Password reset throttled for account %r from %s", account, address)
        raise ResetThrottled
    db.session.add(PasswordResetRequest(account=account, address=address, requested_at=now))
    user = db.session.scalar(sa.select(User).where(User.email == account, User.is_active))
    if user is not None:
        send_reset_link(user, settings=settings, now=now)


def send_reset_link(
    user: User, *, settings: ResetSettings, sent_by: User | None = None, now: datetime | None = None
) -> PasswordResetLink:
    """Make a link for ``user`` and queue the e-mail that carries it, in their language; the
    caller commits. ``sent_by`` is the administrator who sends it, if one does.

    :raises Conflict: for an inactive user, who gets no link.
    """
    if not user.is_active:
        raise Conflict(_l("An inactive user gets no link to set a new password."))
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    link = PasswordResetLink(
        user_id=user.id,
        token_hash=hash_reset_token(token),
        created_at=now,
        expires_at=now + settings.lifetime,
        sent_by_id=sent_by.id if sent_by else None,
    )
    db.session.add(link)
    language = user.locale or settings.default_language
    with force_locale(language):
        subject = _("Your link to set a new Mediaplan password")
        body = render_template(
            "emails/password_reset.txt",
            email=user.email,
            link=settings.link_prefix + token,
            minutes=whole_minutes(settings.lifetime),
            sent_by=sent_by.name if sent_by else None,
        )
        # The card on the notifications page says what was sent, never the link itself.
        summary = _("A link to set a new password was sent to %(email)s.", email=user.email)
    queue_message(user, subject, body, language=language, kind="password_reset", summary=summary)
    return link


def live_link(token: str, *, now: datetime | None = None) -> PasswordResetLink | None:
    """The link of ``token`` if it can still set a password: not used or ended, not expired,
    and its user active."""
    if not token or len(token) > TOKEN_MAX:
        return None
    query = (
        sa.select(PasswordResetLink)
        .join(User, User.id == PasswordResetLink.user_id)
        .where(PasswordResetLink.token_hash == hash_reset_token(token), User.is_active)
        .where(*_usable(now or utcnow()))
    )
    return db.session.scalar(query)


def reset_password(token: str, password_hash: str, *, now: datetime | None = None) -> User | None:
    """Give the user of the link ``token`` the password of ``password_hash`` (from
    users.service.new_password_hash, made with no transaction open), end every session and
    every other link of theirs; the caller commits.

    The link is claimed by a conditional update, so of two requests using it at once only
    one sets a password. Returns the user, or None when the link cannot be used (any more).
    """
    now = now or utcnow()
    link = live_link(token, now=now)
    if link is None or not _claim(link.id, now):
        return None
    user = db.session.get(User, link.user_id)
    set_password(user, password_hash)
    db.session.execute(
        sa.update(PasswordResetLink)
        .where(PasswordResetLink.user_id == user.id, PasswordResetLink.ended_at.is_(None))
        .values(ended_at=now, end_reason=PASSWORD)
        .execution_options(synchronize_session=False)
    )
    # The link proves the mailbox: the account's failed logins no longer keep its owner out.
    clear_login_failures(user.email)
    return user


def purge_reset_records(*, requests_before: datetime, links_before: datetime) -> int:
    """Delete the requests made before ``requests_before`` (which no longer count) and the
    links made before ``links_before`` (long unusable); returns how many rows went."""
    requests = db.session.execute(
        sa.delete(PasswordResetRequest).where(PasswordResetRequest.requested_at < requests_before)
    )
    links = db.session.execute(
        sa.delete(PasswordResetLink).where(PasswordResetLink.created_at < links_before)
    )
    return (requests.rowcount or 0) + (links.rowcount or 0)


def _claim(link_id: int, now: datetime) -> bool:
    claimed = db.session.execute(
        sa.update(PasswordResetLink)
        .where(PasswordResetLink.id == link_id, *_usable(now))
        .values(ended_at=now, end_reason=USED)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


def _usable(now: datetime) -> list[sa.ColumnElement[bool]]:
    return [PasswordResetLink.ended_at.is_(None), PasswordResetLink.expires_at > now]


def whole_minutes(lifetime: timedelta) -> int:
    """A link's lifetime as people are told it, rounded up to whole minutes."""
    return max(1, -(-int(lifetime.total_seconds()) // 60))
