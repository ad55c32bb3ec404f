"""Flask-Login wiring: how a session cookie maps back to a user, through the server-side
session it names (users/sessions.py)."""

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import lazy_gettext as _l

from mediaplan.db import note_use_later, utcnow
from mediaplan.extensions import db, login_manager
from mediaplan.registries import registry
from mediaplan.users.models import User, UserSession
from mediaplan.users.sessions import (
    NOTE_USE_EVERY,
    hash_session_token,
    live_session_conditions,
    session_limits,
)

SESSION_USER_QUERY = "mediaplan.session_user_query"
# Longer than any token start_session makes, shorter than anything worth hashing.
TOKEN_MAX = 100


def configure_login_manager(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    # Flask-Login's "strong" mode would log a user out when their address changes (mobile).
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)


def _session_user_query(app: Flask) -> tuple[tuple[str, ...], sa.Select]:
    """The user of a live session with the registered figures (such as unread notifications)
    in one statement. Built once per app, after every package registered its figures: every
    request of a logged-in user runs it, and building it costs as much as running it."""
    try:
        return app.extensions[SESSION_USER_QUERY]
    except KeyError:
        figures = registry(app).user_figures
        live = live_session_conditions(sa.bindparam("started_after"), sa.bindparam("seen_after"))
        statement = (
            sa.select(
                User,
                UserSession.id,
                UserSession.last_seen_at,
                *(figure.expression(User.id) for figure in figures.values()),
            )
            .join(UserSession, UserSession.user_id == User.id)
            .where(UserSession.token_hash == sa.bindparam("token_hash"), User.is_active, *live)
        )
        built = app.extensions[SESSION_USER_QUERY] = (tuple(figures), statement)
        return built


def load_user(token: str) -> User | None:
    if not token or len(token) > TOKEN_MAX:
        return None
    app = current_app._get_current_object()
    names, statement = _session_user_query(app)
    limits, now = session_limits(app.config), utcnow()
    parameters = {
        "token_hash": hash_session_token(token),
        "started_after": now - limits.absolute,
        "seen_after": now - limits.idle,
    }
    row = db.session.execute(statement, parameters).one_or_none()
    if row is None:
        return None
    user, session_id, last_seen_at, *values = row
    user.session_token = token
    user.figures = dict(zip(names, values, strict=True))
    note_use_later(
        UserSession.__table__.c.last_seen_at, session_id, last_seen_at, every=NOTE_USE_EVERY
    )
    return user
