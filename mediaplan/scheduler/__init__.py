"""The scheduler: job kinds, the database lock, the runner, its page and CLI commands."""

from flask import Flask


def init_app(app: Flask) -> None:
    from mediaplan.scheduler import models  # noqa: F401
    from mediaplan.scheduler.cli import jobs_cli, scheduler_command
    from mediaplan.scheduler.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(scheduler_command)
