"""Fencing the scheduler's leadership (fencing.py): a job's transaction begun in a term that no
longer leads is refused, on both databases; on PostgreSQL a takeover waits for the transactions
of the previous term's jobs, the heartbeat does not, and every transaction of the scheduler
runs with a lock, statement and idle timeout. The frozen leader itself: test_processes.py."""

import logging
import threading
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from mediaplan.agencies.models import Agency
from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.notifications.models import OutboxMessage
from mediaplan.notifications.service import SmtpSettings, queue_message, send_queued
from mediaplan.scheduler import service
from mediaplan.scheduler.fencing import Guard, Timeouts, guarded
from mediaplan.scheduler.models import LEADER, SchedulerLeader
from mediaplan.scheduler.registry import JobKind, register
from mediaplan.scheduler.runner import job_store_engine
from tests.mediaplan.scheduler.test_runner import Running, wait_for

TIMEOUTS = ("lock_timeout", "statement_timeout", "idle_in_transaction_session_timeout")
# Short enough that a test sees a wait fail instead of hanging.
IMPATIENT = Guard(Timeouts(lock_ms=300, statement_ms=3000, idle_in_transaction_ms=3000))


@pytest.fixture
def postgres_only(live_url):
    if not live_url.startswith("postgresql"):
        pytest.skip("PostgreSQL's locks and timeouts")


def take_over(app, *, guard=None) -> int:
    """What another scheduler's runner does when it takes over; returns the new term."""
    with guarded(guard), app.app_context():
        term = service.take_over("elsewhere:1", now=utcnow())
        db.session.commit()
        return term


def heartbeat(app, term, *, guard=None) -> bool:
    with guarded(guard), app.app_context():
        beaten = service.record_heartbeat(term, now=utcnow())
        db.session.commit()
        return beaten


def current_term(app) -> int:
    with app.app_context():
        term = db.session.scalar(
            sa.select(SchedulerLeader.term).where(SchedulerLeader.name == LEADER)
        )
        db.session.rollback()
        return term


def add_agency(code: str) -> None:
    db.session.add(Agency(code=code, kind="security", name_ru=code))


def agency_codes(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(Agency.code).order_by(Agency.id)))


def job(app, name, func):
    register(app, JobKind(name=name, func=func, trigger="interval", trigger_args={"hours": 1}))
    return name


def run(app, name, term, trigger="schedule") -> tuple[str, str]:
    """Run a job as the scheduler leading in ``term`` does; its recorded status and error."""
    with app.app_context():
        recorded = service.run_kind(app, name, trigger=trigger, process="test:1", term=term)
        return recorded.status, recorded.error


def test_a_job_transaction_begun_in_a_term_that_no_longer_leads_is_refused(live_app):
    codes = iter(["refused", "fenced", "unfenced"])

    def write():
        add_agency(next(codes))
        db.session.commit()
        return "written"

    name = job(live_app, "test.write", write)
    stale = take_over(live_app)
    current = take_over(live_app)

    status, error = run(live_app, name, stale)
    assert status == "failed"
    assert "LeadershipLost" in error
    assert f"led in term {stale}, and term {current} leads now" in error
    assert agency_codes(live_app) == []

    assert run(live_app, name, current) == ("ok", "")
    # Outside the scheduler (`mediaplan jobs run`, "run now") nothing leads or is fenced.
    assert run(live_app, name, None, trigger="cli") == ("ok", "")
    assert agency_codes(live_app) == ["fenced", "unfenced"]


def test_each_transaction_of_a_job_proves_the_term_again(live_app):
    def write_twice():
        add_agency("before")
        db.session.commit()
        take_over(live_app)  # another scheduler takes over between the job's transactions
        add_agency("after")
        db.session.commit()
        return "both written"

    name = job(live_app, "test.write_twice", write_twice)
    status, error = run(live_app, name, take_over(live_app))
    assert status == "failed" and "LeadershipLost" in error
    assert agency_codes(live_app) == ["before"]


def test_a_leader_whose_term_was_taken_steps_down_and_takes_a_new_one(live_app, caplog):
    caplog.set_level(logging.ERROR, logger="mediaplan.scheduler.runner")
    with Running(live_app) as process:
        first = current_term(live_app)
        take_over(live_app)
        assert wait_for(lambda: current_term(live_app) == first + 2, timeout=10)
        assert process.is_leading.wait(10)
    assert "a later term leads now; stopping" in caplog.text


def test_a_takeover_waits_for_a_job_of_the_previous_term_and_the_heartbeat_does_not(
    live_app, postgres_only
):
    began, finish = threading.Event(), threading.Event()

    def hold():
        add_agency("held")
        db.session.flush()
        began.set()
        assert finish.wait(20)
        db.session.commit()
        return "held"

    name = job(live_app, "test.hold", hold)
    term = take_over(live_app)
    runs = []
    thread = threading.Thread(target=lambda: runs.append(run(live_app, name, term)))
    thread.start()
    try:
        assert began.wait(10)
        assert heartbeat(live_app, term, guard=IMPATIENT) is True
        with pytest.raises(sa.exc.OperationalError, match="lock timeout"):
            take_over(live_app, guard=IMPATIENT)
    finally:
        finish.set()
        thread.join(20)
    assert runs == [("ok", "")]
    assert take_over(live_app, guard=IMPATIENT) == term + 1
    assert heartbeat(live_app, term) is False
    assert agency_codes(live_app) == ["held"]


def test_the_scheduler_transactions_run_with_timeouts(live_app, postgres_only):
    seen = []

    def show():
        seen.append({name: db.session.scalar(sa.text(f"SHOW {name}")) for name in TIMEOUTS})
        return ""

    register(
        live_app,
        JobKind(name="test.show", func=show, trigger="interval", trigger_args={"seconds": 1}),
    )
    with Running(live_app):
        assert wait_for(lambda: seen)
    # SCHEDULER_STALE_SECONDS is 5 in these tests: locks are waited for half as long.
    expected = {"lock_timeout": "2500ms", "statement_timeout": "5s"}
    assert seen[0] == {**expected, "idle_in_transaction_session_timeout": "5s"}

    seen.clear()
    service.run_kind(live_app, "test.show", trigger="cli")
    assert seen == [dict.fromkeys(TIMEOUTS, "0")]

    with job_store_engine(live_app) as engine, engine.connect() as connection:
        show_idle = "SHOW idle_in_transaction_session_timeout"
        assert connection.exec_driver_sql(show_idle).scalar() == "5s"


class SlowSmtp:
    """An SMTP server that takes ``seconds`` to answer the connection and each message."""

    def __init__(self, seconds):
        self.seconds, self.sent = seconds, []

    def __call__(self, settings):
        time.sleep(self.seconds)
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_message(self, message):
        time.sleep(self.seconds)
        self.sent.append(message["To"])


def test_the_outbox_sender_keeps_no_transaction_open_while_the_smtp_server_answers(
    live_app_factory, world, postgres_only
):
    # The scheduler's transactions end after a second of idling; the server takes longer.
    app = live_app_factory(SCHEDULER_STALE_SECONDS=1)
    smtp = SlowSmtp(1.5)
    settings = SmtpSettings(host="smtp.example", port=587, sender="mediaplan@example.org")
    name = job(
        app,
        "test.slow_outbox",
        lambda: str(send_queued(settings, now=utcnow() + timedelta(minutes=1), connect=smtp)),
    )
    with app.app_context():
        from mediaplan.users.models import User

        user = db.session.get(User, world["lead_user_ids"][0])
        queue_message(user, "Тема", "Текст", language="ru")
        db.session.commit()

    assert run(app, name, take_over(app)) == ("ok", "")
    assert len(smtp.sent) == 1
    with app.app_context():
        assert db.session.scalars(sa.select(OutboxMessage.state)).all() == ["sent"]
