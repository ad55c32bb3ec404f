"""The text of reminder messages, in the recipient's language."""

from flask import render_template
from flask_babel import force_locale, format_date
from flask_babel import gettext as _

from mediaplan.db import localized
from mediaplan.plan.models import PlanItem


def reminder_message(item: PlanItem, kind: str, language: str, base_url: str) -> tuple[str, str]:
    with force_locale(language):
        title = localized(item, "title", language)
        day = format_date(item.starts_on or item.ends_on, "long")
        if kind == "start":
            subject = _(
                "Reminder: item %(number)s starts on %(date)s", number=item.number, date=day
            )
        else:
            subject = _(
                "Reminder: item %(number)s is due by %(date)s", number=item.number, date=day
            )
        link = f"{base_url.rstrip('/')}/plan/items/{item.id}"
        body = render_template(
            "emails/reminder.txt", item=item, title=title, kind=kind, day=day, link=link
        )
    return subject, body
