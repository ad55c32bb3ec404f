"""The JSON API under /api/v1/: bearer-token authentication (the tokens are the users
package's), the blueprint class every resource uses, JSON errors and the OpenAPI document.
Packages add resources with ``mediaplan.api.resources.add_resource``."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.api.auth import BEARER_AUTH, SECURITY_SCHEME
    from mediaplan.api.fields import DecimalString
    from mediaplan.extensions import api

    api.init_app(app)
    api.spec.components.security_scheme(SECURITY_SCHEME, BEARER_AUTH)
    api.register_field(DecimalString, "string", "decimal")
