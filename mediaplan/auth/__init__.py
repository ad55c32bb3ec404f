"""Logging in and out, throttled login failures, how a session maps to its user, and password
reset links."""

from flask import Flask
from flask_babel import lazy_gettext as _l


def init_app(app: Flask) -> None:
    from mediaplan.auth import models  # noqa: F401
    from mediaplan.auth.jobs import purge_old_login_failures
    from mediaplan.auth.loader import configure_login_manager
    from mediaplan.auth.views import bp, reset_link_section
    from mediaplan.registries import MenuEntry, PageSection, add_menu_entry, add_page_section
    from mediaplan.scheduler.registry import JobKind, register

    configure_login_manager(app)
    app.register_blueprint(bp)
    add_menu_entry(
        app,
        MenuEntry(
            endpoint="auth.logout", label=_l("Log out"), area="account", order=900, method="post"
        ),
    )
    add_page_section(
        app,
        PageSection(
            page="users.edit",
            name="password_reset",
            template="auth/_reset_link_section.html",
            context=reset_link_section,
        ),
    )
    register(
        app,
        JobKind(
            name="auth.purge_login_failures",
            func=purge_old_login_failures,
            trigger="cron",
            trigger_args={"hour": 3, "minute": 30},
            misfire_grace_time=None,
            description=_l(
                "Deletes failed-login records and password reset requests that no longer "
                "count, and sessions and password reset links made more than 90 days ago."
            ),
            misfire_rule=_l("Runs once after downtime."),
        ),
    )
