"""The scheduler in this process: jobs run and are recorded, failures do not stop it, reminders
due during downtime go out once after a restart, and schedules survive restarts. Stored jobs that
cannot run: test_orphaned_jobs.py."""

import threading
import time

import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.scheduler.models import JobRun, scheduler_jobs
from mediaplan.scheduler.registry import JobKind, register
from mediaplan.scheduler.runner import SchedulerProcess
from tests.mediaplan.scheduler.conftest import outbox_rows


def wait_for(condition, timeout=15.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


class Running:
    """A SchedulerProcess in a thread, stopped and joined on exit."""

    def __init__(self, app):
        self.process = SchedulerProcess(app)
        self.thread = threading.Thread(target=self.process.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        assert self.process.is_leading.wait(10), "the scheduler never took the lock"
        return self.process

    def __exit__(self, *exc):
        self.process.stop.set()
        self.thread.join(15)
        assert not self.thread.is_alive()


def runs(app, kind):
    with app.app_context():
        return db.session.execute(
            sa.select(JobRun.status, JobRun.error).where(JobRun.kind == kind)
        ).all()


def test_a_failing_job_is_recorded_and_the_scheduler_goes_on(live_app_factory, world):
    app = live_app_factory()
    beats = []

    def explode():
        raise ValueError("feed server said no")

    def tick():
        beats.append(1)
        return "tick"

    register(
        app,
        JobKind(name="test.explode", func=explode, trigger="interval", trigger_args={"seconds": 1}),
    )
    register(
        app, JobKind(name="test.tick", func=tick, trigger="interval", trigger_args={"seconds": 1})
    )
    with Running(app):
        assert wait_for(lambda: len(runs(app, "test.explode")) >= 2 and len(beats) >= 2)
    failures = runs(app, "test.explode")
    assert {status for status, _ in failures} == {"failed"}
    assert "ValueError: feed server said no" in failures[0][1]
    assert {status for status, _ in runs(app, "test.tick")} == {"ok"}


def test_reminders_due_during_downtime_go_out_once_after_restart(live_app, add_item, world):
    first, second = add_item(starts_in_days=1), add_item(starts_in_days=2)
    # Both reminders are already due: the scheduler was down when they fell due.
    with Running(live_app):
        assert wait_for(lambda: len(outbox_rows(live_app)) == 4)
    with Running(live_app):
        time.sleep(2.5)
    rows = outbox_rows(live_app)
    assert sorted((item, user) for item, user, *_ in rows) == sorted(
        (item, user) for item in (first, second) for user in world["lead_user_ids"]
    )


def test_periodic_jobs_keep_their_schedule_across_restarts(live_app):
    def next_runs():
        with live_app.app_context():
            return dict(
                db.session.execute(
                    sa.select(scheduler_jobs.c.id, scheduler_jobs.c.next_run_time)
                ).all()
            )

    with Running(live_app):
        pass
    before = next_runs()
    assert {"reminders.dispatch", "outbox.send", "plan.overdue_digest"} <= set(before)
    with Running(live_app):
        pass
    after = next_runs()
    assert after["plan.overdue_digest"] == before["plan.overdue_digest"]
    assert after["auth.purge_login_failures"] == before["auth.purge_login_failures"]
