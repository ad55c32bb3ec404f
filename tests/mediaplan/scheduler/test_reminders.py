"""Reminders follow their item: computed in Asia/Bishkek, stored in UTC, moved with the dates,
gone when the item is cancelled, dispatched once."""

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from mediaplan.notifications.models import OutboxMessage
from mediaplan.reminders.models import Reminder
from mediaplan.reminders.service import ReminderSettings, dispatch_due_reminders

SETTINGS = ReminderSettings(hour=9, timezone="Asia/Bishkek")


def reminder_of(db, item_id):
    return db.session.scalar(sa.select(Reminder).where(Reminder.item_id == item_id))


def test_reminder_is_due_n_days_before_the_start_at_nine_in_bishkek(app, db, ctx, make_item):
    item = make_item(starts_on=date(2025, 3, 10), ends_on=date(2025, 3, 12), reminder_days=3)
    reminder = reminder_of(db, item.id)
    # 09:00 in Bishkek (UTC+6) on 7 March is 03:00 UTC.
    assert reminder.due_at == datetime(2025, 3, 7, 3, 0, tzinfo=UTC)
    assert reminder.kind == "start"


def test_reminder_crosses_the_day_boundary_into_utc(app, db, ctx, make_item):
    app.config["REMINDER_HOUR"] = 3
    try:
        item = make_item(starts_on=None, ends_on=date(2025, 3, 31), reminder_days=1)
    finally:
        app.config["REMINDER_HOUR"] = 9
    reminder = reminder_of(db, item.id)
    # 03:00 on 30 March in Bishkek is still 29 March in UTC.
    assert reminder.due_at == datetime(2025, 3, 29, 21, 0, tzinfo=UTC)
    assert reminder.kind == "due"


def test_editing_the_dates_moves_the_reminder(app, db, ctx, make_item):
    from mediaplan.plan.models import PlanItem
    from mediaplan.plan.service import PlanItemData, update_item
    from mediaplan.users.models import User

    item = make_item(starts_on=date(2025, 5, 10), ends_on=date(2025, 5, 12))
    reminder = reminder_of(db, item.id)
    reminder.state = "sent"
    db.session.commit()
    item = db.session.get(PlanItem, item.id)
    data = PlanItemData.from_item(item)
    data.starts_on, data.ends_on, data.reminder_days = date(2025, 6, 1), date(2025, 6, 2), 5
    update_item(item, data, actor=db.session.get(User, item.created_by_id))
    db.session.commit()
    moved = reminder_of(db, item.id)
    assert moved.due_at == datetime(2025, 5, 27, 3, 0, tzinfo=UTC)
    assert moved.state == "pending"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reminder)) == 1


@pytest.mark.parametrize("status", ["cancelled", "done"])
def test_cancelling_or_finishing_removes_the_reminder(app, db, ctx, make_item, status):
    item = make_item(status=status)
    assert reminder_of(db, item.id) is None


def test_no_reminder_when_the_item_asks_for_none(app, db, ctx, make_item):
    assert reminder_of(db, make_item(reminder_days=None).id) is None


def test_restoring_a_cancelled_item_brings_its_reminder_back(app, db, ctx, make_item):
    from mediaplan.plan.models import PlanItem
    from mediaplan.plan.service import change_status
    from mediaplan.users.models import User

    item = make_item(status="cancelled")
    item = db.session.get(PlanItem, item.id)
    change_status(item, "planned", actor=db.session.get(User, item.created_by_id), reason="снова")
    assert reminder_of(db, item.id).state == "pending"


def test_dispatch_sends_once_to_each_lead_agency_user_in_their_language(
    app, db, ctx, make_item, make_user, agency, other_agency
):
    ru = make_user("press_officer", agency=agency, locale="ru")
    ky = make_user("trainer", agency=agency, locale="ky")
    make_user("press_officer", agency=other_agency)
    make_user("viewer", agency=agency, is_active=False)
    item = make_item(starts_on=date(2025, 3, 10), ends_on=date(2025, 3, 12))
    now = datetime(2025, 3, 7, 3, 0, 1, tzinfo=UTC)

    first = dispatch_due_reminders(now=now, settings=SETTINGS, default_language="ru")
    second = dispatch_due_reminders(now=now, settings=SETTINGS, default_language="ru")

    assert (first.sent, second.sent) == (1, 0)
    messages = db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id)).all()
    # The coordinator who made the item belongs to the same agency in these fixtures.
    recipients = {m.recipient_id: m for m in messages}
    assert ru.id in recipients and ky.id in recipients
    assert len(messages) == len(recipients)
    assert "Напоминание" in recipients[ru.id].subject
    assert recipients[ky.id].language == "ky"
    assert "Эскертүү" in recipients[ky.id].subject
    assert all(m.related_type == "plan_item" and m.related_id == item.id for m in messages)
    assert reminder_of(db, item.id).state == "sent"


def test_nothing_is_sent_before_the_due_time(app, db, ctx, make_item, make_user):
    make_item(starts_on=date(2025, 3, 10), ends_on=date(2025, 3, 12))
    early = datetime(2025, 3, 7, 2, 59, tzinfo=UTC)
    assert dispatch_due_reminders(now=early, settings=SETTINGS, default_language="ru").sent == 0


def test_a_reminder_whose_day_passed_during_downtime_expires_unsent(app, db, ctx, make_item):
    item = make_item(starts_on=date(2025, 3, 10), ends_on=date(2025, 3, 12))
    after = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)
    result = dispatch_due_reminders(now=after, settings=SETTINGS, default_language="ru")
    assert (result.sent, result.expired) == (0, 1)
    assert reminder_of(db, item.id).state == "expired"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage)) == 0
