"""The scheduler: job kinds, the database lock, the runner, its page and CLI commands."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.registries import (
        MenuEntry,
        add_background_service,
        add_health_check,
        add_menu_entry,
        add_vocabulary,
    )
    from mediaplan.scheduler import models
    from mediaplan.scheduler.background import health, start_beside_web_server
    from mediaplan.scheduler.cli import jobs_cli, scheduler_command
    from mediaplan.scheduler.fencing import install
    from mediaplan.scheduler.views import bp

    install()
    app.register_blueprint(bp)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(scheduler_command)
    add_background_service(app, "scheduler", start_beside_web_server)
    add_health_check(app, "scheduler", health)
    add_vocabulary(app, "job_trigger", models.TRIGGER_LABELS)
    add_vocabulary(app, "job_run_status", models.RUN_STATUS_LABELS)
    add_menu_entry(
        app,
        MenuEntry(
            endpoint="scheduler.index",
            label=_l("Scheduler"),
            order=80,
            roles=frozenset({"admin", "coordinator"}),
        ),
    )
