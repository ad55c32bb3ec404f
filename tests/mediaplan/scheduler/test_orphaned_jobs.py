"""Stored jobs that cannot run (their kind is gone, or APScheduler cannot load them): the page
and `mediaplan jobs list` show them, the scheduler refuses to start and says how to fix it,
`mediaplan jobs prune` removes exactly them once confirmed, and the scheduler then starts."""

import logging
import pickle
import threading
import time

import pytest
import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.scheduler import service
from mediaplan.scheduler.models import JobRun, scheduler_jobs
from mediaplan.scheduler.registry import JobKind, job_kinds, register
from mediaplan.scheduler.runner import SchedulerProcess
from mediaplan.scheduler.service import (
    UNLOADABLE,
    UNREGISTERED_KIND,
    StoredJobError,
    check_stored_jobs,
    orphaned_jobs,
    prune_orphaned_jobs,
)
from tests.conftest import log_in_browser
from tests.mediaplan.scheduler.test_processes import holder, start_mediaplan, stop
from tests.mediaplan.scheduler.test_runner import Running, wait_for
from tests.servers import free_port, get

RETIRED = "retired.kind"
ADVICE = "mediaplan jobs prune"


@pytest.fixture
def retired_job(live_app, live_app_factory):
    """The stored job and one recorded run of a kind that this version no longer registers,
    written through APScheduler's job store by the scheduler of a version that registered it."""
    old = live_app_factory()
    register(
        old,
        JobKind(name=RETIRED, func=lambda: "done", trigger="interval", trigger_args={"hours": 1}),
    )
    service.run_kind(old, RETIRED, trigger="cli")
    with Running(old):
        pass
    return RETIRED


@pytest.fixture
def unloadable_job(live_app, retired_job):
    """A stored job whose function is gone, which APScheduler would fail to load and delete."""
    with live_app.app_context():
        state = pickle.loads(  # noqa: S301 (the state this test's scheduler just wrote)
            db.session.scalar(
                sa.select(scheduler_jobs.c.job_state).where(scheduler_jobs.c.id == retired_job)
            )
        )
        state.update(id="broken", func="mediaplan.retired.jobs:run")
        db.session.execute(
            scheduler_jobs.insert().values(
                id="broken", next_run_time=None, job_state=pickle.dumps(state)
            )
        )
        db.session.commit()
    return "broken"


def stored_ids(app) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(sa.select(scheduler_jobs.c.id)))


def registered(app) -> set[str]:
    return set(job_kinds(app))


def test_jobs_whose_kind_is_gone_or_that_cannot_load_are_orphans(live_app, unloadable_job):
    with live_app.app_context():
        orphans = orphaned_jobs(job_kinds(live_app))
    assert [(o.job_id, o.reason, o.kind) for o in orphans] == [
        ("broken", UNLOADABLE, None),
        (RETIRED, UNREGISTERED_KIND, RETIRED),
    ]
    assert "mediaplan.retired.jobs:run" in orphans[0].detail
    with pytest.raises(StoredJobError) as raised:
        check_stored_jobs(live_app)
    message = str(raised.value)
    assert "'broken' cannot be loaded" in message
    assert f"runs job kind '{RETIRED}', which is no longer registered" in message
    assert ADVICE in message


def test_no_orphans_when_every_stored_job_can_run(live_app):
    with Running(live_app):
        pass
    assert stored_ids(live_app) == registered(live_app)
    with live_app.app_context():
        assert orphaned_jobs(job_kinds(live_app)) == []
    check_stored_jobs(live_app)


def test_the_page_shows_each_orphan_why_and_how_to_fix_it(live_app, world, unloadable_job):
    client = logged_in(live_app, world["coordinator_id"])
    page = client.get("/admin/scheduler/").get_data(as_text=True)
    assert 'id="orphaned-jobs"' in page
    assert "The scheduler will not start until these jobs are removed" in page
    assert f"<code>{RETIRED}</code>" in page
    assert f"Its job kind {RETIRED} is no longer registered." in page
    assert "<code>broken</code>" in page and "Its saved state cannot be read." in page
    assert "mediaplan.retired.jobs:run" in page
    assert "“mediaplan jobs prune”" in page

    assert live_app.test_cli_runner().invoke(args=["jobs", "prune", "--yes"]).exit_code == 0
    page = client.get("/admin/scheduler/").get_data(as_text=True)
    assert 'id="orphaned-jobs"' not in page and RETIRED not in page


def test_jobs_list_shows_the_orphans_and_the_advice(live_app, unloadable_job):
    result = live_app.test_cli_runner().invoke(args=["jobs", "list"])
    assert result.exit_code == 0, result.output
    assert "reminders.dispatch" in result.output
    assert "The scheduler will not start while these stored jobs cannot run" in result.output
    assert f"stored job '{RETIRED}' runs job kind '{RETIRED}'" in result.output
    assert "stored job 'broken' cannot be loaded" in result.output
    assert ADVICE in result.output


def test_jobs_list_says_nothing_of_orphans_when_there_are_none(live_app):
    with Running(live_app):
        pass
    result = live_app.test_cli_runner().invoke(args=["jobs", "list"])
    assert result.exit_code == 0 and ADVICE not in result.output


def test_prune_without_confirmation_removes_nothing(live_app, unloadable_job):
    before = stored_ids(live_app)
    result = live_app.test_cli_runner().invoke(args=["jobs", "prune"], input="n\n")
    assert result.exit_code == 1
    assert (
        f"stored job '{RETIRED}'" in result.output and "Remove these stored jobs?" in result.output
    )
    assert stored_ids(live_app) == before


@pytest.mark.parametrize(("args", "answer"), [(["--yes"], None), ([], "y\n")])
def test_prune_removes_exactly_the_orphans_and_keeps_their_runs(
    live_app, unloadable_job, args, answer
):
    result = live_app.test_cli_runner().invoke(args=["jobs", "prune", *args], input=answer)
    assert result.exit_code == 0, result.output
    assert f"Removed: broken, {RETIRED}." in result.output
    assert stored_ids(live_app) == registered(live_app)
    with live_app.app_context():
        assert db.session.scalars(
            sa.select(JobRun.trigger).where(JobRun.kind == RETIRED)
        ).all() == ["cli"]


def test_prune_with_nothing_to_prune_says_so(live_app):
    with Running(live_app):
        pass
    result = live_app.test_cli_runner().invoke(args=["jobs", "prune"])
    assert result.exit_code == 0
    assert "nothing to prune" in result.output
    assert stored_ids(live_app) == registered(live_app)


def test_prune_never_deletes_a_job_that_can_run(live_app, retired_job):
    kinds = job_kinds(live_app)
    with live_app.app_context():
        deleted = prune_orphaned_jobs(["reminders.dispatch", "outbox.send"], kinds)
        # The kind came back between the listing and the deletion.
        deleted += prune_orphaned_jobs([RETIRED], {**kinds, RETIRED: None})
        db.session.commit()
    assert deleted == []
    assert stored_ids(live_app) == registered(live_app) | {RETIRED}


def test_mediaplan_scheduler_exits_naming_the_jobs_and_the_fix(
    live_app, live_url, retired_job, tmp_path
):
    process = start_mediaplan(live_url, tmp_path, "scheduler", "scheduler")
    try:
        assert process.wait(30) == 1
    finally:
        stop(process)
    log = (tmp_path / "scheduler.log").read_text()
    assert "The scheduler will not start" in log
    assert f"stored job '{RETIRED}'" in log and ADVICE in log
    assert stored_ids(live_app) >= {RETIRED}


def test_a_blocked_scheduler_logs_once_retries_and_starts_once_pruned(
    live_app, unloadable_job, caplog
):
    caplog.set_level(logging.ERROR, logger="mediaplan.scheduler.runner")
    process = SchedulerProcess(live_app)
    thread = threading.Thread(target=process.run, daemon=True)
    thread.start()
    try:
        time.sleep(10 * process.poll_seconds)
        assert thread.is_alive() and not process.is_leading.is_set()
        refusals = [r.getMessage() for r in caplog.records if "will not start" in r.getMessage()]
        assert len(refusals) == 1
        assert f"stored job '{RETIRED}'" in refusals[0] and ADVICE in refusals[0]
        # Nothing was run or deleted: APScheduler never loaded the job it cannot load.
        assert {RETIRED, unloadable_job} <= stored_ids(live_app)

        assert live_app.test_cli_runner().invoke(args=["jobs", "prune", "--yes"]).exit_code == 0
        assert process.is_leading.wait(10)
    finally:
        process.stop.set()
        thread.join(15)
    assert not thread.is_alive()
    assert stored_ids(live_app) == registered(live_app)


def test_a_database_error_while_checking_is_retried(live_app, monkeypatch):
    calls = []
    check = service.check_stored_jobs

    def fails_once(app):
        calls.append(1)
        if len(calls) == 1:
            raise sa.exc.OperationalError("SELECT", {}, Exception("server closed the connection"))
        check(app)

    monkeypatch.setattr(service, "check_stored_jobs", fails_once)
    with Running(live_app):
        pass
    assert len(calls) == 2


def test_serve_keeps_serving_while_the_scheduler_waits_for_the_prune(
    live_app, live_url, retired_job, tmp_path
):
    port = free_port()
    server = start_mediaplan(live_url, tmp_path, "serve", "serve", "--port", str(port))
    try:
        assert wait_for(lambda: get(port, "/healthz")[0] == 200)
        log = tmp_path / "serve.log"
        assert wait_for(lambda: "will not start" in log.read_text())
        assert f"stored job '{RETIRED}'" in log.read_text() and ADVICE in log.read_text()
        assert holder(live_app) is None

        assert live_app.test_cli_runner().invoke(args=["jobs", "prune", "--yes"]).exit_code == 0
        assert wait_for(lambda: (holder(live_app) or "").endswith(f":{server.pid}"))
        assert get(port, "/healthz")[0] == 200
        assert log.read_text().count("will not start") == 1
    finally:
        stop(server)


def logged_in(app, user_id):
    from mediaplan.users.models import User

    with app.app_context():
        user = db.session.get(User, user_id)
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    log_in_browser(app, client, user)
    return client
