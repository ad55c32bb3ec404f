"""Reminders of plan items to their lead agency, kept in step with the item."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.reminders import models  # noqa: F401
    from mediaplan.reminders.jobs import dispatch_reminders, on_plan_item_changed
    from mediaplan.scheduler.registry import JobKind, register
    from mediaplan.signals import plan_item_changed

    plan_item_changed.connect(on_plan_item_changed, app)
    register(
        app,
        JobKind(
            name="reminders.dispatch",
            func=dispatch_reminders,
            trigger="interval",
            trigger_args={"seconds": int(app.config["REMINDER_DISPATCH_SECONDS"])},
            misfire_grace_time=None,
            record_idle_runs=False,
            misfire_rule=_l(
                "After downtime it runs once; every reminder still worth sending "
                "(its item not yet started or due, not done or cancelled) goes out once."
            ),
            description=_l("Sends due plan item reminders to the lead agency's users."),
        ),
    )
