"""What can happen to a record, with labels in the reader's language."""

from flask_babel import lazy_gettext as _l

CREATED = "created"
EDITED = "edited"
DEACTIVATED = "deactivated"
REACTIVATED = "reactivated"
SESSIONS_ENDED = "sessions_ended"
PASSWORD_CHANGED = "password_changed"  # noqa: S105 an action, not a password
CLOSED = "closed"
REOPENED = "reopened"

# A package that records a new kind of action adds its label here.
ACTIONS = {
    CREATED: _l("Added"),
    EDITED: _l("Changed"),
    DEACTIVATED: _l("Deactivated"),
    REACTIVATED: _l("Reactivated"),
    SESSIONS_ENDED: _l("Sessions ended"),
    PASSWORD_CHANGED: _l("Password changed"),
    CLOSED: _l("Closed to edits"),
    REOPENED: _l("Opened again"),
}
