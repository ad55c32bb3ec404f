"""Flask-Login wiring: how a session maps back to a user."""

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import lazy_gettext as _l

from mediaplan.extensions import db, login_manager
from mediaplan.registries import registry
from mediaplan.users.models import User

SESSION_USER_QUERY = "mediaplan.session_user_query"


def configure_login_manager(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    # Flask-Login's "strong" mode would log a user out when their address changes (mobile).
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)


def _session_user_query(app: Flask) -> tuple[tuple[str, ...], sa.Select]:
    """The user of a session with the registered figures (such as unread notifications) in one
    statement. Built once per app, after every package registered its figures: every request
    of a logged-in user runs it, and building it costs as much as running it."""
    try:
        return app.extensions[SESSION_USER_QUERY]
    except KeyError:
        figures = registry(app).user_figures
        statement = sa.select(
            User, *(figure.expression(User.id) for figure in figures.values())
        ).where(User.id == sa.bindparam("user_id"), User.session_version == sa.bindparam("version"))
        built = app.extensions[SESSION_USER_QUERY] = (tuple(figures), statement)
        return built


def load_user(session_id: str) -> User | None:
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    names, statement = _session_user_query(current_app)
    found = db.session.execute(statement, {"user_id": int(user_id), "version": int(version)})
    row = found.one_or_none()
    if row is None or not row[0].is_active:
        return None
    user = row[0]
    user.figures = dict(zip(names, row[1:], strict=True))
    return user
