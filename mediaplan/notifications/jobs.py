"""The outbox sender job."""

from flask import current_app

from mediaplan.db import utcnow
from mediaplan.notifications.service import SmtpSettings, send_queued
from mediaplan.scheduler.results import Phrase


def smtp_settings() -> SmtpSettings | None:
    config = current_app.config
    if not config["SMTP_HOST"]:
        return None
    return SmtpSettings(
        host=config["SMTP_HOST"],
        port=int(config["SMTP_PORT"]),
        sender=config["SMTP_SENDER"],
        username=config["SMTP_USERNAME"],
        password=config["SMTP_PASSWORD"],
        security=config["SMTP_SECURITY"],
        max_attempts=int(config["SMTP_MAX_ATTEMPTS"]),
    )


def send_outbox() -> list[Phrase]:
    settings = smtp_settings()
    if settings is None:
        return []  # no SMTP configured: messages stay queued and visible in the app
    result = send_queued(settings, now=utcnow())
    if not (result.sent or result.retried or result.failed):
        return []
    return [
        Phrase.ngettext("%(num)d message sent", "%(num)d messages sent", result.sent),
        Phrase.ngettext("%(num)d message to retry", "%(num)d messages to retry", result.retried),
        Phrase.ngettext("%(num)d message failed", "%(num)d messages failed", result.failed),
    ]
