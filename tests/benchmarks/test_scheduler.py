"""Scheduler benchmark: with 10,000 pending reminders in the database, how long `mediaplan
scheduler` takes to start scheduling, and how late a due reminder reaches the outbox.

The start-up is reported against `mediaplan jobs list` (the same app and database, no
scheduling) measured in the same run; the delay against the dispatcher's interval."""

import datetime as dt
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.benchmarks import bulk
from tests.benchmarks.test_plan_list import bench_database  # noqa: F401 (fixture)
from tests.conftest import PASSWORD_HASH

pytestmark = pytest.mark.benchmark

REMINDERS = 10_000
PROBES = 20
MAX_STARTUP_SECONDS = 5.0
MAX_DELAY_SECONDS = 2.0
MEDIAPLAN = str(Path(sys.executable).parent / "mediaplan")


def test_scheduler_startup_and_reminder_delay(bench_database, tmp_path):  # noqa: F811
    env = {key: value for key, value in os.environ.items() if not key.startswith("MEDIAPLAN_")}
    env |= {
        "MEDIAPLAN_INSTANCE_PATH": str(tmp_path),
        "MEDIAPLAN_DATABASE_URL": bench_database,
        "MEDIAPLAN_SECRET_KEY": secrets.token_hex(16),
    }
    subprocess.run([MEDIAPLAN, "db", "upgrade"], env=env, check=True, capture_output=True)
    loaded = bulk.load_plan(bench_database, items=REMINDERS)
    engine = sa.create_engine(bench_database)
    try:
        _add_users_and_reminders(engine, loaded.plan_id)
        reference = _timed(
            lambda: subprocess.run(
                [MEDIAPLAN, "jobs", "list"], env=env, check=True, capture_output=True
            )
        )
        startup, delays = _run_scheduler(engine, env, tmp_path / "scheduler.log")
    finally:
        engine.dispose()

    print(f"\nscheduler on {engine.dialect.name} with {REMINDERS:,} pending reminders")
    print(
        f"  start-up until scheduling: {startup:.2f} s "
        f"(`mediaplan jobs list`: {reference:.2f} s, ratio {startup / reference:.2f})"
    )
    median = sorted(delays)[len(delays) // 2]
    print(
        f"  due time -> outbox, {len(delays)} probes: median {median:.2f} s, "
        f"max {max(delays):.2f} s (dispatch interval 1 s)"
    )
    assert len(delays) == PROBES
    assert startup < MAX_STARTUP_SECONDS
    assert max(delays) < MAX_DELAY_SECONDS


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _add_users_and_reminders(engine, plan_id: int) -> None:
    from mediaplan.agencies.models import Agency
    from mediaplan.plan.models import PlanItem
    from mediaplan.reminders.models import Reminder
    from mediaplan.users.models import User

    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        agencies = connection.scalars(sa.select(Agency.__table__.c.id)).all()
        connection.execute(
            sa.insert(User.__table__),
            [
                {
                    "email": f"press{n}@bench.example",
                    "name": f"Press {n}",
                    "role": "press_officer",
                    "agency_id": agency,
                    "password_hash": PASSWORD_HASH,
                    "is_active": True,
                    "session_version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for n, agency in enumerate(agencies)
            ],
        )
        items = connection.scalars(
            sa.select(PlanItem.__table__.c.id).where(PlanItem.__table__.c.plan_id == plan_id)
        ).all()
        # Today's date on every item, so the probes are still worth sending when they fire.
        connection.execute(
            sa.update(PlanItem.__table__).values(
                status="planned", starts_on=None, ends_on=now.date() + dt.timedelta(days=1)
            )
        )
        connection.execute(
            sa.insert(Reminder.__table__),
            [
                {
                    "item_id": item,
                    "kind": "due",
                    "state": "pending",
                    "recipients": 0,
                    "due_at": now + dt.timedelta(days=1, seconds=n),
                }
                for n, item in enumerate(items)
            ],
        )


def _run_scheduler(engine, env, log_path):
    from mediaplan.notifications.models import OutboxMessage
    from mediaplan.reminders.models import Reminder
    from mediaplan.scheduler.models import SchedulerLeader

    with open(log_path, "w") as log:
        started = time.perf_counter()
        process = subprocess.Popen([MEDIAPLAN, "scheduler"], env=env, stdout=log, stderr=log)
        try:
            while _scalar(engine, sa.select(SchedulerLeader.holder)) is None:
                assert process.poll() is None, log_path.read_text()
                assert time.perf_counter() - started < 30, "the scheduler did not start"
                time.sleep(0.01)
            startup = time.perf_counter() - started
            probe_ids = _make_probes_due(engine, Reminder)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                sent = _scalar(
                    engine,
                    sa.select(sa.func.count())
                    .select_from(Reminder)
                    .where(Reminder.id.in_(probe_ids), Reminder.state == "sent"),
                )
                if sent == len(probe_ids):
                    break
                time.sleep(0.2)
            return startup, _delays(engine, probe_ids, Reminder, OutboxMessage)
        finally:
            process.terminate()
            process.wait(15)


def _make_probes_due(engine, Reminder) -> list[int]:
    due_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3)
    with engine.begin() as connection:
        ids = connection.scalars(sa.select(Reminder.id).order_by(Reminder.id).limit(PROBES)).all()
        connection.execute(sa.update(Reminder).where(Reminder.id.in_(ids)).values(due_at=due_at))
    return ids


def _delays(engine, probe_ids, Reminder, OutboxMessage) -> list[float]:
    query = (
        sa.select(Reminder.due_at, sa.func.min(OutboxMessage.created_at))
        .join(
            OutboxMessage,
            sa.and_(
                OutboxMessage.related_type == "plan_item",
                OutboxMessage.related_id == Reminder.item_id,
            ),
        )
        .where(Reminder.id.in_(probe_ids))
        .group_by(Reminder.id, Reminder.due_at)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [(_aware(created) - _aware(due)).total_seconds() for due, created in rows]


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _scalar(engine, query):
    with engine.connect() as connection:
        return connection.execute(query).scalar()
