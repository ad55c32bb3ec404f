"""The outbox sender: delivers by SMTP once, retries with back-off, gives up after the last
attempt, leaves messages queued without SMTP; each user sees their own notifications."""

import smtplib
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mediaplan.notifications.models import OutboxMessage
from mediaplan.notifications.service import SmtpSettings, queue_message, send_queued

SETTINGS = SmtpSettings(
    host="smtp.example", port=587, sender="mediaplan@example.org", max_attempts=3
)


@pytest.fixture
def now():
    """The sender runs a minute after the test queued its messages."""
    return datetime.now(UTC) + timedelta(minutes=1)


class FakeSmtp:
    def __init__(self, refuse: int = 0):
        self.sent, self.refuse = [], refuse

    def __call__(self, settings):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_message(self, message):
        if self.refuse:
            self.refuse -= 1
            raise smtplib.SMTPRecipientsRefused({message["To"]: (550, b"no")})
        self.sent.append(message)


def queued(db, user, n=1):
    messages = [queue_message(user, f"Тема {i}", "Текст", language="ru") for i in range(n)]
    db.session.commit()
    return messages


def test_each_message_is_delivered_once(app, db, ctx, make_user, now):
    user = make_user(email="a@example.org")
    queued(db, user, 2)
    smtp = FakeSmtp()
    first = send_queued(SETTINGS, now=now, connect=smtp)
    second = send_queued(SETTINGS, now=now + timedelta(minutes=5), connect=smtp)
    assert (first.sent, second.sent) == (2, 0)
    assert [m["To"] for m in smtp.sent] == ["a@example.org"] * 2
    assert smtp.sent[0]["Subject"] == "Тема 0"
    states = db.session.scalars(sa.select(OutboxMessage.state)).all()
    assert states == ["sent", "sent"]


def test_refused_message_is_retried_with_back_off_then_fails(app, db, ctx, make_user, now):
    user = make_user()
    (message,) = queued(db, user)
    smtp = FakeSmtp(refuse=10)
    assert send_queued(SETTINGS, now=now, connect=smtp).retried == 1
    db.session.refresh(message)
    assert message.state == "queued" and message.attempts == 1
    assert message.next_attempt_at == now + timedelta(minutes=2)
    assert "SMTPRecipientsRefused" in message.last_error
    # Not yet due again: nothing happens.
    assert send_queued(SETTINGS, now=now + timedelta(minutes=1), connect=smtp).retried == 0
    send_queued(SETTINGS, now=now + timedelta(minutes=3), connect=smtp)
    result = send_queued(SETTINGS, now=now + timedelta(hours=1), connect=smtp)
    db.session.refresh(message)
    assert result.failed == 1
    assert (message.state, message.attempts) == ("failed", 3)
    assert smtp.sent == []


def test_unreachable_server_requeues_everything(app, db, ctx, make_user, now):
    queued(db, make_user(), 2)

    def down(settings):
        raise ConnectionRefusedError("connection refused")

    result = send_queued(SETTINGS, now=now, connect=down)
    assert result.retried == 2
    assert set(db.session.scalars(sa.select(OutboxMessage.state))) == {"queued"}


def test_a_message_claimed_by_another_sender_is_not_sent_again(app, db, ctx, make_user, now):
    (message,) = queued(db, make_user())
    message.state = "sending"  # another sender is delivering it right now
    db.session.commit()
    smtp = FakeSmtp()
    assert send_queued(SETTINGS, now=now, connect=smtp).sent == 0
    assert smtp.sent == []


def test_dedup_key_queues_a_message_once(app, db, ctx, make_user):
    user = make_user()
    assert queue_message(user, "s", "b", language="ru", dedup_key="digest:1") is not None
    db.session.flush()
    assert queue_message(user, "s", "b", language="ru", dedup_key="digest:1") is None


def test_without_smtp_the_job_leaves_messages_queued(app, db, runner, make_user):
    with app.app_context():
        queued(db, make_user())
    result = runner.invoke(args=["jobs", "run", "outbox.send"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalars(sa.select(OutboxMessage.state)).all() == ["queued"]


def test_users_see_only_their_own_notifications(app, db, client, login_as, make_user, post):
    me = login_as("press_officer")
    other = make_user("press_officer")
    with app.app_context():
        queue_message(me, "Для меня", "текст", language="ru")
        queue_message(other, "Не для меня", "текст", language="ru")
        db.session.commit()
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Для меня" in page and "Не для меня" not in page
    assert 'class="badge">1<' in client.get("/plan").get_data(as_text=True)
    assert post("/notifications/read").status_code == 302
    assert 'class="badge"' not in client.get("/plan").get_data(as_text=True)


def test_marking_as_read_needs_csrf(client, login_as):
    login_as("viewer")
    assert client.post("/notifications/read").status_code == 400


def test_messages_for_the_app_only_are_never_e_mailed(app, db, ctx, make_user, now):
    user = make_user(email="both@example.org")
    in_app = queue_message(user, "Только в приложении", "b", language="ru", by_email=False)
    queue_message(user, "И письмом", "b", language="ru")
    db.session.commit()
    smtp = FakeSmtp()
    assert send_queued(SETTINGS, now=now + timedelta(hours=1), connect=smtp).sent == 1
    assert [m["Subject"] for m in smtp.sent] == ["И письмом"]
    db.session.refresh(in_app)
    assert (in_app.state, in_app.attempts, in_app.is_email) == ("in_app", 0, False)


def test_a_message_keeps_what_its_card_shows(app, db, ctx, make_user):
    actor, user = make_user(), make_user()
    message = queue_message(
        user,
        "Новый комментарий",
        "Текст письма",
        language="ru",
        related=("plan_item", 7),
        kind="comment",
        actor_id=actor.id,
        summary="Эркин прокомментировал мероприятие 1.2.",
    )
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(OutboxMessage, message.id)
    assert (stored.kind, stored.actor_id, stored.summary) == (
        "comment",
        actor.id,
        "Эркин прокомментировал мероприятие 1.2.",
    )
    assert (stored.state, stored.is_email) == ("queued", True)
