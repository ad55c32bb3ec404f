"""Scheduled work of the plan package."""

from zoneinfo import ZoneInfo

from flask import current_app

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.plan.digest import queue_overdue_digests


def send_overdue_digest() -> str:
    config = current_app.config
    today = utcnow().astimezone(ZoneInfo(config["DEFAULT_TIMEZONE"])).date()
    queued = queue_overdue_digests(
        today=today, default_language=config["DEFAULT_LOCALE"], base_url=config["BASE_URL"]
    )
    db.session.commit()
    return f"{queued} digests queued"
