"""Housekeeping of login failures."""

from datetime import timedelta

from flask import current_app

from mediaplan.auth.service import purge_login_failures
from mediaplan.db import utcnow
from mediaplan.extensions import db


def purge_old_login_failures() -> str:
    window = timedelta(seconds=int(current_app.config["LOGIN_FAILURE_WINDOW_SECONDS"]))
    purged = purge_login_failures(utcnow() - window)
    db.session.commit()
    return f"{purged} purged"
