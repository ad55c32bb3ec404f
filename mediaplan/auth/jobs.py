"""Housekeeping of login failures, old sessions and password reset records."""

from datetime import timedelta

from flask import current_app

from mediaplan.auth.resets import purge_reset_records
from mediaplan.auth.service import purge_login_failures
from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.scheduler.results import Phrase
from mediaplan.users.sessions import purge_sessions

# Ended and expired sessions, and used or expired reset links, are kept this long, to tell who
# was logged in when and who set a password how.
SESSIONS_KEPT = timedelta(days=90)


def purge_old_login_failures() -> list[Phrase]:
    now = utcnow()
    config = current_app.config
    window = timedelta(seconds=int(config["LOGIN_FAILURE_WINDOW_SECONDS"]))
    failures = purge_login_failures(now - window)
    absolute = timedelta(seconds=int(config["SESSION_ABSOLUTE_SECONDS"]))
    sessions = purge_sessions(now - max(SESSIONS_KEPT, absolute))
    link_lifetime = timedelta(seconds=int(config["PASSWORD_RESET_LINK_SECONDS"]))
    resets = purge_reset_records(
        requests_before=now - window, links_before=now - max(SESSIONS_KEPT, link_lifetime)
    )
    db.session.commit()
    return [
        Phrase.ngettext("%(num)d failed login purged", "%(num)d failed logins purged", failures),
        Phrase.ngettext("%(num)d session purged", "%(num)d sessions purged", sessions),
        Phrase.ngettext(
            "%(num)d password reset record purged", "%(num)d password reset records purged", resets
        ),
    ]
