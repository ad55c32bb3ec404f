"""Comments on plan items."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.comments import models  # noqa: F401
    from mediaplan.comments.views import bp

    app.register_blueprint(bp)
