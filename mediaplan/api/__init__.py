"""The JSON API under /api/v1/, with personal access tokens."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.api import models  # noqa: F401
    from mediaplan.api.views import bp
    from mediaplan.extensions import api

    api.init_app(app)
    app.register_blueprint(bp)
