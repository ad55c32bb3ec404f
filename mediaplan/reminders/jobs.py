"""The reminder dispatcher job and the hook that keeps reminders in step with their item."""

from flask import current_app

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.reminders.service import (
    ReminderSettings,
    dispatch_due_reminders,
    sync_item_reminder,
)
from mediaplan.scheduler.results import Phrase


def reminder_settings() -> ReminderSettings:
    config = current_app.config
    return ReminderSettings(
        hour=int(config["REMINDER_HOUR"]),
        timezone=config["DEFAULT_TIMEZONE"],
        base_url=config["BASE_URL"],
    )


def dispatch_reminders() -> list[Phrase]:
    result = dispatch_due_reminders(
        now=utcnow(),
        settings=reminder_settings(),
        default_language=current_app.config["DEFAULT_LOCALE"],
    )
    db.session.commit()
    if not (result.sent or result.expired):
        return []
    return [
        Phrase.ngettext("%(num)d reminder sent", "%(num)d reminders sent", result.sent),
        Phrase.ngettext("%(num)d message queued", "%(num)d messages queued", result.messages),
        Phrase.ngettext("%(num)d reminder expired", "%(num)d reminders expired", result.expired),
    ]


def on_plan_item_changed(_app, *, item, **_details) -> None:
    sync_item_reminder(item, reminder_settings())
