"""What the notifications page shows of each message: a card made of the fields stored with
it, never of its e-mail text."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _

from mediaplan.navigation import object_url
from mediaplan.notifications.models import OutboxMessage


@dataclass(frozen=True)
class Card:
    id: int
    title: str
    summary: str
    at: datetime
    url: str | None
    is_unread: bool
    # Said only when the e-mail went wrong or is late; empty otherwise.
    email_note: str
    # The message's full text, for messages that store no summary and link to nothing (the
    # overdue digest lists its items only there); empty for every other message.
    full_text: str


def card_of(message: OutboxMessage, *, smtp_configured: bool) -> Card:
    url = object_url(message.related_type, message.related_id)
    return Card(
        id=message.id,
        title=message.subject,
        summary=message.summary,
        at=message.created_at,
        url=url,
        is_unread=message.read_at is None,
        email_note=email_note(message, smtp_configured=smtp_configured),
        full_text="" if message.summary or url else message.body,
    )


def email_note(message: OutboxMessage, *, smtp_configured: bool) -> str:
    """What the reader should know about the message's e-mail. Nothing for messages in the
    app only, nor for those waiting while no SMTP server is configured: the notice is here,
    and that is not the reader's to fix."""
    if message.state == "failed":
        return _("The e-mail could not be delivered.")
    if message.state == "queued" and message.attempts and smtp_configured:
        return _("The e-mail is not delivered yet; it will be tried again.")
    return ""
