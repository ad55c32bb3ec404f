"""Queueing notices to the users of an item's lead agency, without flooding them."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.locking import lock_name
from mediaplan.notices.messages import Change, NoticeText, notice_text
from mediaplan.notices.preferences import emailed_users
from mediaplan.notifications.links import object_site_url, site_url
from mediaplan.notifications.models import OutboxMessage
from mediaplan.notifications.service import SUBJECT_MAX, SUMMARY_MAX, queue_message
from mediaplan.users.models import User

# Changes of one item by one person, of one kind, closer together than this make one notice.
FLOOD_WINDOW = timedelta(minutes=15)
RELATED = "plan_item"


@dataclass(frozen=True)
class NoticeSettings:
    base_url: str
    default_language: str


def notify_agency(change: Change, *, actor, now: datetime, settings: NoticeSettings) -> int:
    """Tell every active user of the item's lead agency but ``actor`` about ``change``: in the
    app always, by e-mail if they chose this kind; the caller commits. Returns how many users
    were told.

    Within FLOOD_WINDOW of a notice about the same item, actor and kind, that notice is brought
    up to date (latest text, unread again, its time now) instead of adding another: a burst of
    changes makes one notice and at most one e-mail.
    """
    item = change.item
    recipients = db.session.scalars(
        sa.select(User).where(
            User.agency_id == item.lead_agency_id, User.is_active, User.id != actor.id
        )
    ).all()
    if not recipients:
        return 0
    # Two changes at once would both find no recent notice and add one each.
    lock_name("notices", change.kind, str(item.id), str(actor.id))
    recent = _recent_notices(change.kind, item.id, actor.id, since=now - FLOOD_WINDOW)
    emailed = emailed_users([change.kind], [user.id for user in recipients])[change.kind]
    links = {
        "item_link": object_site_url(settings.base_url, RELATED, item.id) or settings.base_url,
        "settings_link": site_url(settings.base_url, "users.account") + "#notices",
    }
    texts: dict[str, NoticeText] = {}
    for user in recipients:
        language = user.locale or settings.default_language
        if language not in texts:
            texts[language] = notice_text(change, language, **links)
        if user.id in recent:
            _bring_up_to_date(recent[user.id], texts[language], language, now)
        else:
            _queue(user, change, texts[language], language, actor, emailed)
    return len(recipients)


def _recent_notices(kind: str, item_id: int, actor_id: int, *, since: datetime) -> dict:
    query = (
        sa.select(OutboxMessage)
        .where(
            OutboxMessage.related_type == RELATED,
            OutboxMessage.related_id == item_id,
            OutboxMessage.kind == kind,
            OutboxMessage.actor_id == actor_id,
            OutboxMessage.created_at >= since,
        )
        .order_by(OutboxMessage.id)
    )
    return {message.recipient_id: message for message in db.session.scalars(query)}


def _queue(user, change: Change, text: NoticeText, language: str, actor, emailed) -> None:
    queue_message(
        user,
        text.subject,
        text.body,
        language=language,
        related=(RELATED, change.item.id),
        kind=change.kind,
        actor_id=actor.id,
        summary=text.summary,
        by_email=user.id in emailed,
    )


def _bring_up_to_date(message: OutboxMessage, text: NoticeText, language: str, now) -> None:
    # Its delivery state stays as it is: an e-mail not yet sent goes once with the new text;
    # one already sent is not sent again.
    message.subject, message.body = text.subject[:SUBJECT_MAX], text.body
    message.summary = text.summary[:SUMMARY_MAX]
    message.language = language
    message.created_at, message.read_at = now, None
