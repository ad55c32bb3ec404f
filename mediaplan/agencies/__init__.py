"""Implementing agencies and their administration."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.agencies import models  # noqa: F401
    from mediaplan.agencies.views import bp

    app.register_blueprint(bp)
