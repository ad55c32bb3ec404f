"""The demo media plans, last year's and this year's, and one demo account per role
(`mediaplan demo load`)."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.demo.cli import demo_cli

    app.cli.add_command(demo_cli)
