"""How a package adds its resources to /api/v1/."""

from flask import Flask

from mediaplan.api.blueprint import ApiBlueprint
from mediaplan.extensions import api, csrf


def add_resource(app: Flask, blueprint: ApiBlueprint) -> None:
    """Serve ``blueprint`` under the API and describe it in /api/v1/openapi.json."""
    if not isinstance(blueprint, ApiBlueprint):
        # Only an ApiBlueprint checks the bearer token before every view.
        raise TypeError(f"{blueprint.name} must be an ApiBlueprint")
    if "flask-smorest" not in app.extensions:
        raise RuntimeError("mediaplan.api must be loaded before the packages adding resources")
    # A token, not a cookie, authenticates these requests, so there is no CSRF to guard.
    csrf.exempt(blueprint)
    api.register_blueprint(blueprint)
