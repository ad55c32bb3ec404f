"""Notifications: the outbox, the SMTP sender job and each user's notifications page."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.notifications import models  # noqa: F401
    from mediaplan.notifications.jobs import send_outbox
    from mediaplan.notifications.views import bp
    from mediaplan.scheduler.registry import JobKind, register

    app.register_blueprint(bp)
    register(
        app,
        JobKind(
            name="outbox.send",
            func=send_outbox,
            trigger="interval",
            trigger_args={"seconds": int(app.config["OUTBOX_SEND_SECONDS"])},
            misfire_grace_time=None,
            record_idle_runs=False,
            misfire_rule=_l("Runs once after downtime and sends everything queued."),
            description=_l("Delivers queued messages by SMTP, retrying with back-off."),
        ),
    )
