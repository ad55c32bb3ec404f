"""Flask-Login wiring: how a session maps back to a user."""

import sqlalchemy as sa
from flask import Flask
from flask_babel import lazy_gettext as _l

from mediaplan.extensions import db, login_manager
from mediaplan.notifications.service import unread_count_of
from mediaplan.users.models import User


def configure_login_manager(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    # Flask-Login's "strong" mode would log a user out when their address changes (mobile).
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)


# Built once: every request of a logged-in user runs it, and building it costs as much as
# running it. The number of unread notifications comes along for the menu of every page.
_USER_IN_SESSION = sa.select(User, unread_count_of(User.id)).where(
    User.id == sa.bindparam("user_id"), User.session_version == sa.bindparam("version")
)


def load_user(session_id: str) -> User | None:
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    found = db.session.execute(
        _USER_IN_SESSION, {"user_id": int(user_id), "version": int(version)}
    ).one_or_none()
    if found is None or not found[0].is_active:
        return None
    user, user.unread_notifications = found
    return user
