"""The JSON API under /api/v1/, with personal access tokens."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.api import models  # noqa: F401
    from mediaplan.api.auth import BEARER_AUTH, SECURITY_SCHEME
    from mediaplan.api.fields import DecimalString
    from mediaplan.api.resources import plan_items, reference
    from mediaplan.api.views import bp
    from mediaplan.extensions import api, csrf

    api.init_app(app)
    api.spec.components.security_scheme(SECURITY_SCHEME, BEARER_AUTH)
    api.register_field(DecimalString, "string", "decimal")
    app.register_blueprint(bp)
    for blueprint in (plan_items.blp, reference.plans, reference.agencies):
        # A token, not a cookie, authenticates these requests, so there is no CSRF to guard.
        csrf.exempt(blueprint)
        api.register_blueprint(blueprint)
