"""Scheduled work of the plan package."""

from zoneinfo import ZoneInfo

from flask import current_app

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.plan.digest import queue_overdue_digests
from mediaplan.scheduler.results import Phrase


def send_overdue_digest() -> list[Phrase]:
    config = current_app.config
    today = utcnow().astimezone(ZoneInfo(config["DEFAULT_TIMEZONE"])).date()
    queued = queue_overdue_digests(
        today=today, default_language=config["DEFAULT_LOCALE"], base_url=config["BASE_URL"]
    )
    db.session.commit()
    return [Phrase.ngettext("%(num)d digest queued", "%(num)d digests queued", queued)]
