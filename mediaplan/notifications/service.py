"""Queueing messages in the outbox and delivering them by SMTP, each at most once."""

import logging
import smtplib
import socket
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

SEND_BATCH = 50
# The name of the user figure counting a user's unread messages (the menu's badge).
UNREAD = "unread_notifications"
SUBJECT_MAX = 300
SUMMARY_MAX = 1000


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    security: str = "starttls"  # "starttls", "ssl" or "none"
    timeout: float = 20.0
    max_attempts: int = 8


@dataclass
class SendResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retried} to retry, {self.failed} failed"


def queue_message(
    user,
    subject: str,
    body: str,
    *,
    language: str,
    related: tuple[str, int] | None = None,
    dedup_key: str | None = None,
    kind: str | None = None,
    actor_id: int | None = None,
    summary: str = "",
    by_email: bool = True,
) -> OutboxMessage | None:
    """Put a message for ``user`` in the outbox; the caller commits.

    ``subject`` is also the title of its card on the notifications page, ``summary`` the
    sentence under it; ``by_email`` False keeps it in the app. Returns None when a message
    with the same ``dedup_key`` was queued before.
    """
    if dedup_key and db.session.scalar(
        sa.select(OutboxMessage.id).where(OutboxMessage.dedup_key == dedup_key)
    ):
        return None
    message = OutboxMessage(
        recipient_id=user.id,
        email=user.email,
        language=language,
        subject=subject[:SUBJECT_MAX],
        body=body,
        kind=kind,
        actor_id=actor_id,
        summary=summary[:SUMMARY_MAX],
        related_type=related[0] if related else None,
        related_id=related[1] if related else None,
        dedup_key=dedup_key,
        state="queued" if by_email else "in_app",
    )
    db.session.add(message)
    return message


def send_queued(settings: SmtpSettings, *, now: datetime, connect=None) -> SendResult:
    """Deliver due queued messages through one SMTP connection.

    Each message is marked "sending" and committed before it goes out, so a crash during
    delivery can never make it go twice; a refused message goes back to the queue with an
    exponential back-off, and fails for good after ``max_attempts``. Messages for the app
    only (state "in_app") are never queued, so never sent.
    """
    result = SendResult()
    due = (
        sa.select(OutboxMessage.id)
        .where(OutboxMessage.state == "queued", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(SEND_BATCH)
    )
    ids = db.session.scalars(due).all()
    if not ids:
        return result
    # No transaction stays open while an SMTP server answers, which may take its whole timeout:
    # the scheduler's transactions end after SCHEDULER_STALE_SECONDS of idling.
    db.session.commit()
    try:
        smtp = (connect or _connect)(settings)
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("SMTP server unavailable: %s", error)
        for message_id in ids:
            if _claimed(message_id):
                _retry(message_id, error, settings, now, result)
        return result
    with smtp:
        for message_id in ids:
            if _claimed(message_id):
                _deliver(smtp, message_id, settings, now, result)
    return result


def _claimed(message_id: int) -> bool:
    claimed = (
        db.session.execute(
            sa.update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.state == "queued")
            .values(state="sending", attempts=OutboxMessage.attempts + 1)
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )
    db.session.commit()
    return claimed


def _deliver(smtp, message_id: int, settings: SmtpSettings, now, result: SendResult) -> None:
    message = db.session.get(OutboxMessage, message_id)
    db.session.refresh(message)
    email = _email(message, settings.sender)
    db.session.commit()  # before the SMTP server answers, as in send_queued
    try:
        smtp.send_message(email)
    except (OSError, smtplib.SMTPException) as error:
        _retry(message_id, error, settings, now, result)
        return
    message.state, message.sent_at, message.last_error = "sent", now, ""
    db.session.commit()
    result.sent += 1


def _retry(message_id: int, error: Exception, settings: SmtpSettings, now, result) -> None:
    message = db.session.get(OutboxMessage, message_id)
    db.session.refresh(message)
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    if message.attempts >= settings.max_attempts:
        message.state = "failed"
        result.failed += 1
    else:
        message.state = "queued"
        message.next_attempt_at = now + timedelta(minutes=2**message.attempts)
        result.retried += 1
    db.session.commit()


def _email(message: OutboxMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.email
    email["Subject"] = message.subject
    email["Message-ID"] = f"<outbox-{message.id}@{sender.rpartition('@')[2] or socket.getfqdn()}>"
    email.set_content(message.body)
    return email


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(
            settings.host,
            settings.port,
            timeout=settings.timeout,
            context=ssl.create_default_context(),
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        if settings.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
    if settings.username:
        smtp.login(settings.username, settings.password or "")
    return smtp


def unread_count_of(user_id: sa.ColumnElement[int]) -> sa.ScalarSelect[int]:
    """The number of unread messages of the user ``user_id`` stands for, as a subquery: the
    user loader reads it with the user, since every page's menu shows it."""
    return (
        sa.select(sa.func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.recipient_id == user_id, OutboxMessage.read_at.is_(None))
        .scalar_subquery()
    )


def messages_for(user, *, limit: int = 100) -> list[OutboxMessage]:
    query = (
        sa.select(OutboxMessage)
        .where(OutboxMessage.recipient_id == user.id)
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def mark_read(user, *, now: datetime) -> int:
    result = db.session.execute(
        sa.update(OutboxMessage)
        .where(OutboxMessage.recipient_id == user.id, OutboxMessage.read_at.is_(None))
        .values(read_at=now)
    )
    return result.rowcount or 0
