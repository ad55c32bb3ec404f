"""Logging in and out, throttled login failures, and the access decorators."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.auth import models  # noqa: F401  (so Alembic sees the tables)
    from mediaplan.auth.loader import configure_login_manager
    from mediaplan.auth.views import bp

    configure_login_manager(app)
    app.register_blueprint(bp)
