"""User roles with labels in the user's language."""

from flask_babel import lazy_gettext as _l

ROLE_LABELS = {
    "admin": _l("Administrator"),
    "coordinator": _l("Coordinator"),
    "press_officer": _l("Press officer"),
    "trainer": _l("Trainer"),
    "methodologist": _l("Methodologist"),
    "viewer": _l("Viewer"),
}
