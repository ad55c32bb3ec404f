"""Users: administration screens, the account page and the `users` CLI group."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.users import models  # noqa: F401
    from mediaplan.users.cli import users_cli
    from mediaplan.users.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(users_cli)
