"""The media plan: plans, their items, status history, and the plan table."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.plan import models  # noqa: F401
    from mediaplan.plan.views import bp

    app.register_blueprint(bp)
