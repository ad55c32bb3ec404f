"""Implementing agencies and their administration."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.agencies import models  # noqa: F401
    from mediaplan.agencies.choices import AGENCY_KINDS
    from mediaplan.agencies.views import bp
    from mediaplan.registries import MenuEntry, add_menu_entry, add_vocabulary

    app.register_blueprint(bp)
    add_vocabulary(app, "agency_kind", AGENCY_KINDS)
    add_menu_entry(
        app,
        MenuEntry(
            endpoint="agencies.index", label=_l("Agencies"), order=95, roles=frozenset({"admin"})
        ),
    )
