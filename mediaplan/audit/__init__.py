"""The audit log: every change of a user, an agency or a plan item, with who made it, when,
and each field's old and new value. Other packages write to it through
``mediaplan.audit.service`` and show a record's history with ``mediaplan.audit.display`` and
templates/audit/_history.html."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.audit import models  # noqa: F401
    from mediaplan.audit.choices import ACTIONS
    from mediaplan.registries import add_vocabulary

    add_vocabulary(app, "audit_action", ACTIONS)
