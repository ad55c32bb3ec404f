"""Two `mediaplan scheduler` processes on one database: one schedules, every due reminder goes
out once, and when the holder is killed the other takes over and still sends each once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.scheduler.models import JobRun, SchedulerLeader
from tests.mediaplan.scheduler.conftest import FAST_SCHEDULER, outbox_rows
from tests.mediaplan.scheduler.test_runner import wait_for

MEDIAPLAN = str(Path(sys.executable).parent / "mediaplan")


def start_scheduler(live_url, tmp_path, name):
    return start_mediaplan(live_url, tmp_path, name, "scheduler")


def start_mediaplan(live_url, tmp_path, name, *args):
    """Runs `mediaplan <args>` on the live database with a fast scheduler, logging to a file."""
    env = {
        **os.environ,
        "MEDIAPLAN_DATABASE_URL": live_url,
        "MEDIAPLAN_SECRET_KEY": "x",
        "MEDIAPLAN_INSTANCE_PATH": str(tmp_path / name),
    }
    env.update({f"MEDIAPLAN_{key}": str(value) for key, value in FAST_SCHEDULER.items()})
    log = open(tmp_path / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen([MEDIAPLAN, *args], env=env, stdout=log, stderr=log)
    process.log = log
    return process


def stop(process):
    if process.poll() is None:
        process.terminate()
        process.wait(10)
    process.log.close()


def holder(app):
    with app.app_context():
        row = db.session.get(SchedulerLeader, "scheduler")
        db.session.rollback()
        return row.holder if row and row.released_at is None else None


def test_two_schedulers_send_each_reminder_once_and_take_over(
    live_app, live_url, add_item, world, tmp_path
):
    first = start_scheduler(live_url, tmp_path, "first")
    second = None
    try:
        assert wait_for(lambda: holder(live_app) is not None)
        leader_pid = int(holder(live_app).rsplit(":", 1)[1])
        assert leader_pid == first.pid
        second = start_scheduler(live_url, tmp_path, "second")
        time.sleep(1)
        assert holder(live_app).endswith(f":{first.pid}")

        items = [add_item(starts_in_days=1) for _ in range(3)]
        assert wait_for(lambda: len(outbox_rows(live_app)) >= 6)
        time.sleep(2)
        assert_sent_once(live_app, items, world)
        assert run_processes(live_app) == {f":{first.pid}"}

        first.send_signal(signal.SIGKILL)
        first.wait(10)
        killed_at = time.monotonic()
        assert wait_for(lambda: (holder(live_app) or "").endswith(f":{second.pid}"), timeout=10)
        takeover = time.monotonic() - killed_at

        items += [add_item(starts_in_days=2) for _ in range(2)]
        assert wait_for(lambda: len(outbox_rows(live_app)) >= 10)
        time.sleep(2)
        assert_sent_once(live_app, items, world)
        assert takeover < 5
    finally:
        stop(first)
        if second is not None:
            stop(second)


def assert_sent_once(app, items, world):
    pairs = [(item, user) for item, user, *_ in outbox_rows(app)]
    expected = [(item, user) for item in items for user in world["lead_user_ids"]]
    assert sorted(pairs) == sorted(expected)


def run_processes(app) -> set[str]:
    with app.app_context():
        processes = db.session.scalars(sa.select(JobRun.process).distinct()).all()
    return {":" + p.rsplit(":", 1)[1] for p in processes}
