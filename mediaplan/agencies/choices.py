"""Kinds of implementing agency, with labels in the user's language."""

from flask_babel import lazy_gettext as _l

AGENCY_KINDS = {
    "state_body": _l("State body"),
    "security": _l("Law enforcement or security body"),
    "local_government": _l("Local self-government"),
    "ngo": _l("Non-governmental organisation"),
    "international": _l("International partner"),
    "media": _l("Media organisation"),
}
