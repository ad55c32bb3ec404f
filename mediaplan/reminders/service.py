"""Reminders of plan items: when they are due, keeping them in step with their item, and
dispatching the due ones to the outbox exactly once."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.notifications.service import queue_message
from mediaplan.plan.models import PlanItem
from mediaplan.reminders.models import Reminder
from mediaplan.users.models import User

logger = logging.getLogger(__name__)

# Only items still to be done are worth a reminder.
ACTIVE_STATUSES = ("planned", "in_progress")
BATCH_SIZE = 500


@dataclass(frozen=True)
class ReminderSettings:
    """Where reminders fall: ``hour`` o'clock in ``timezone`` on the reminder day."""

    hour: int
    timezone: str
    base_url: str = "http://127.0.0.1:5000"


@dataclass
class DispatchResult:
    sent: int = 0
    expired: int = 0
    messages: int = 0

    def __str__(self) -> str:
        return f"{self.sent} sent ({self.messages} messages), {self.expired} expired"


def event_day(item: PlanItem) -> date:
    """The day the reminder is about: the start of a date range, else the deadline."""
    return item.starts_on or item.ends_on


def reminder_due_at(item: PlanItem, settings: ReminderSettings) -> datetime | None:
    """The UTC moment ``item``'s reminder is due, or None when it needs none."""
    if item.reminder_days is None or item.status not in ACTIVE_STATUSES:
        return None
    day = event_day(item) - timedelta(days=item.reminder_days)
    local = datetime.combine(day, time(settings.hour), tzinfo=ZoneInfo(settings.timezone))
    return local.astimezone(ZoneInfo("UTC"))


def sync_item_reminder(item: PlanItem, settings: ReminderSettings) -> Reminder | None:
    """Create, move or remove ``item``'s reminder so it matches the item; the caller commits.

    A reminder already sent is sent again only if the item's date moved since.
    """
    due_at = reminder_due_at(item, settings)
    reminder = db.session.scalar(sa.select(Reminder).where(Reminder.item_id == item.id))
    if due_at is None:
        if reminder is not None:
            db.session.delete(reminder)
        return None
    kind = "start" if item.starts_on else "due"
    if reminder is None:
        reminder = Reminder(item_id=item.id, kind=kind, due_at=due_at, state="pending")
        db.session.add(reminder)
    elif reminder.due_at != due_at or reminder.kind != kind:
        reminder.kind, reminder.due_at = kind, due_at
        reminder.state, reminder.sent_at, reminder.recipients = "pending", None, 0
    return reminder


def dispatch_due_reminders(
    *, now: datetime, settings: ReminderSettings, default_language: str
) -> DispatchResult:
    """Turn every pending reminder due by ``now`` into outbox messages; the caller commits.

    Each reminder is claimed by a conditional UPDATE, so two dispatchers racing on the same
    rows send it once; its messages are written in the same transaction as its new state.
    """
    result = DispatchResult()
    due = sa.select(Reminder.id).where(Reminder.state == "pending", Reminder.due_at <= now)
    for reminder_id in db.session.scalars(due.order_by(Reminder.due_at).limit(BATCH_SIZE)).all():
        if not _claim(reminder_id, now):
            continue
        reminder = db.session.get(Reminder, reminder_id)
        if not _worth_sending(reminder.item, now, settings):
            reminder.state = "expired"
            result.expired += 1
            continue
        reminder.recipients = _send(reminder, default_language, settings.base_url)
        result.sent += 1
        result.messages += reminder.recipients
    db.session.flush()
    return result


def _claim(reminder_id: int, now: datetime) -> bool:
    claimed = db.session.execute(
        sa.update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.state == "pending")
        .values(state="sent", sent_at=now)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


def _worth_sending(item: PlanItem, now: datetime, settings: ReminderSettings) -> bool:
    """After downtime a reminder still goes out, once, unless its day has passed."""
    today = now.astimezone(ZoneInfo(settings.timezone)).date()
    return item.status in ACTIVE_STATUSES and event_day(item) >= today


def _send(reminder: Reminder, default_language: str, base_url: str) -> int:
    from mediaplan.reminders.messages import reminder_message

    item = reminder.item
    recipients = db.session.scalars(
        sa.select(User).where(User.agency_id == item.lead_agency_id, User.is_active)
    ).all()
    for user in recipients:
        language = user.locale or default_language
        subject, body = reminder_message(item, reminder.kind, language, base_url)
        queue_message(
            user,
            subject,
            body,
            language=language,
            related=("plan_item", item.id),
            kind="reminder",
            dedup_key=f"reminder:{reminder.id}:{reminder.due_at:%Y%m%dT%H%M}:{user.id}",
        )
    return len(recipients)
