"""Notifications: the outbox, the SMTP sender job and each user's notifications page."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.notifications import models  # noqa: F401
    from mediaplan.notifications.jobs import send_outbox
    from mediaplan.notifications.service import UNREAD, unread_count_of
    from mediaplan.notifications.views import bp
    from mediaplan.registries import MenuEntry, UserFigure, add_menu_entry, add_user_figure
    from mediaplan.scheduler.registry import JobKind, register

    app.register_blueprint(bp)
    add_user_figure(app, UserFigure(UNREAD, unread_count_of))
    add_menu_entry(
        app,
        MenuEntry(
            endpoint="notifications.index",
            label=_l("Notifications"),
            area="account",
            order=100,
            badge=UNREAD,
        ),
    )
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
