"""The notifications page shows every message as a card: title, what happened, when (in the
reader's time zone), a link to the item, and the e-mail's state only when it went wrong."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_datetime

from mediaplan.notifications.service import queue_message
from mediaplan.plan.digest import queue_overdue_digests
from mediaplan.reminders.service import ReminderSettings, dispatch_due_reminders
from tests.conftest import log_in_browser

pytestmark = pytest.mark.usefixtures("english")


def page_of(client) -> str:
    response = client.get("/notifications/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_reminder_is_a_card_linking_to_its_item(app, db, client, item, team):
    with app.app_context():
        # Three days before the item's start (1 February 2025), at nine in Bishkek.
        dispatch_due_reminders(
            now=datetime(2025, 1, 29, 3, 0, tzinfo=UTC),
            settings=ReminderSettings(hour=9, timezone="Asia/Bishkek"),
            default_language="en",
        )
        db.session.commit()
    log_in_browser(app, client, team["en"])
    page = page_of(client)
    assert f"Reminder: item {item.number} starts on February 1, 2025" in page
    assert page.count(f'href="/plan/items/{item.id}"') == 2
    # Not the e-mail's text, nor its absolute link.
    assert "Lead agency" not in page and "http://" not in page.split("<main", 1)[-1]


def test_the_overdue_digest_is_a_card_whose_items_link_to_their_pages(
    app, db, client, item, make_user
):
    coordinator = make_user("coordinator", locale="en")
    with app.app_context():
        queue_overdue_digests(
            today=date(2025, 6, 1), default_language="en", base_url="http://mediaplan.example"
        )
        db.session.commit()
    log_in_browser(app, client, coordinator)
    page = page_of(client)
    assert "<h2>Overdue plan items: 1</h2>" in page
    # Its list of items is the whole message, folded, with working links.
    assert f'<a href="http://mediaplan.example/plan/items/{item.id}"' in page
    assert "<details>" in page


@pytest.mark.parametrize(
    ("state", "attempts", "smtp_host", "note"),
    [
        ("failed", 8, "smtp.example", "The e-mail could not be delivered."),
        ("queued", 2, "smtp.example", "The e-mail is not delivered yet"),
        ("queued", 0, None, None),
        ("queued", 3, None, None),  # no SMTP server: nothing the reader can do about it
        ("sent", 1, "smtp.example", None),
        ("in_app", 0, "smtp.example", None),
    ],
)
def test_the_e_mail_is_mentioned_only_when_it_went_wrong(
    app, db, client, login_as, monkeypatch, state, attempts, smtp_host, note
):
    me = login_as("trainer")
    monkeypatch.setitem(app.config, "SMTP_HOST", smtp_host)
    with app.app_context():
        message = queue_message(me, "Заголовок", "Текст письма", language="en", summary="Итог.")
        message.state, message.attempts = state, attempts
        db.session.commit()
    page = page_of(client)
    assert "Заголовок" in page and "Итог." in page and "Текст письма" not in page
    if note:
        assert note in page
    else:
        assert "e-mail" not in page.lower()


def test_times_are_shown_in_the_readers_time_zone(app, db, client, login_as):
    me = login_as("trainer", timezone="Asia/Tashkent")
    at = datetime(2025, 3, 1, 22, 30, tzinfo=UTC)
    with app.app_context():
        queue_message(me, "S", "B", language="en", summary="Happened.").created_at = at
        db.session.commit()
    page = page_of(client)
    in_tashkent = format_datetime(at, "short", tzinfo=ZoneInfo("Asia/Tashkent"), locale="en")
    assert in_tashkent == "3/2/25, 3:30\u202fAM"
    assert in_tashkent in page
    assert f'datetime="{at.isoformat()}"' in page


def test_unread_cards_stand_out_until_read(app, db, client, login_as, post):
    me = login_as("trainer")
    with app.app_context():
        queue_message(me, "S", "B", language="en", summary="Happened.", by_email=False)
        db.session.commit()
    assert 'class="card notification unread"' in page_of(client)
    post("/notifications/read")
    assert 'class="card notification"' in page_of(client)
