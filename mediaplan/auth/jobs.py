"""Housekeeping of login failures and old sessions."""

from datetime import timedelta

from flask import current_app

from mediaplan.auth.service import purge_login_failures
from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.users.sessions import purge_sessions

# Ended and expired sessions are kept this long, to tell who was logged in when.
SESSIONS_KEPT = timedelta(days=90)


def purge_old_login_failures() -> str:
    now = utcnow()
    window = timedelta(seconds=int(current_app.config["LOGIN_FAILURE_WINDOW_SECONDS"]))
    failures = purge_login_failures(now - window)
    absolute = timedelta(seconds=int(current_app.config["SESSION_ABSOLUTE_SECONDS"]))
    sessions = purge_sessions(now - max(SESSIONS_KEPT, absolute))
    db.session.commit()
    return f"{failures} purged, {sessions} sessions purged"
