"""GET /healthz: whether the database answers, and the state packages report, for load
balancers and monitoring."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.health.views import bp

    app.register_blueprint(bp)
