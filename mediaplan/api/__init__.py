"""The JSON API under /api/v1/: personal access tokens, the blueprint class every resource
uses, JSON errors and the OpenAPI document. Packages add resources with
``mediaplan.api.resources.add_resource``."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.api import models  # noqa: F401
    from mediaplan.api.auth import BEARER_AUTH, SECURITY_SCHEME
    from mediaplan.api.fields import DecimalString
    from mediaplan.api.views import bp
    from mediaplan.extensions import api

    api.init_app(app)
    api.spec.components.security_scheme(SECURITY_SCHEME, BEARER_AUTH)
    api.register_field(DecimalString, "string", "decimal")
    app.register_blueprint(bp)
