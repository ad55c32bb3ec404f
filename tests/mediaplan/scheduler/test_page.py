"""The scheduler page, the jobs CLI, and the scheduler's state in /healthz."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from mediaplan.db import utcnow
from mediaplan.scheduler.models import JobRun, SchedulerLeader


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 200),
        ("coordinator", 200),
        ("press_officer", 403),
        ("trainer", 403),
        ("methodologist", 403),
        ("viewer", 403),
    ],
)
def test_only_admins_and_coordinators_see_the_scheduler(client, login_as, role, status):
    login_as(role)
    assert client.get("/admin/scheduler/").status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("admin", 302),
        ("coordinator", 302),
        ("press_officer", 403),
        ("methodologist", 403),
        ("viewer", 403),
        ("trainer", 403),
    ],
)
def test_run_now_is_refused_to_other_roles_and_records_nothing(
    app, db, client, login_as, post, role, status
):
    login_as(role)
    assert post("/admin/scheduler/jobs/plan.overdue_digest/run").status_code == status
    with app.app_context():
        runs = db.session.scalar(sa.select(sa.func.count()).select_from(JobRun))
    assert runs == (1 if status == 302 else 0)


def test_page_lists_every_job_with_its_last_result(app, db, client, english, login_as, post):
    login_as("coordinator")
    post("/admin/scheduler/jobs/auth.purge_login_failures/run")
    page = client.get("/admin/scheduler/").get_data(as_text=True)
    for kind in (
        "reminders.dispatch",
        "outbox.send",
        "plan.overdue_digest",
        "auth.purge_login_failures",
    ):
        assert kind in page
    assert "0 failed logins purged, 0 sessions purged, 0 password reset records purged" in page


def test_run_now_of_an_unknown_job_is_404_and_needs_csrf(client, login_as, post):
    login_as("admin")
    assert post("/admin/scheduler/jobs/no.such/run").status_code == 404
    assert client.post("/admin/scheduler/jobs/outbox.send/run").status_code == 400


def test_failed_run_is_shown_with_its_error(app, db, client, login_as, post, monkeypatch):
    from mediaplan.plan import jobs

    def broken():
        raise RuntimeError("digest template missing")

    monkeypatch.setattr(jobs, "queue_overdue_digests", lambda **kw: broken())
    login_as("admin")
    response = post("/admin/scheduler/jobs/plan.overdue_digest/run", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "digest template missing" in page


def test_jobs_cli_runs_a_kind_and_reports_failures(app, db, runner, monkeypatch):
    ok = runner.invoke(args=["jobs", "run", "auth.purge_login_failures"], env={"LANGUAGE": "en"})
    assert ok.exit_code == 0 and "0 failed logins purged" in ok.output
    unknown = runner.invoke(args=["jobs", "run", "no.such"])
    assert unknown.exit_code == 1 and "Unknown job kind" in unknown.output
    listing = runner.invoke(args=["jobs", "list"])
    assert "reminders.dispatch" in listing.output


def test_overdue_digest_goes_to_coordinators_once_a_day(app, db, runner, make_item, make_user):
    from mediaplan.notifications.models import OutboxMessage

    make_item(status="in_progress")  # its end date, February 2025, has passed
    coordinator = make_user("coordinator", locale="en")
    first = runner.invoke(args=["jobs", "run", "plan.overdue_digest"])
    runner.invoke(args=["jobs", "run", "plan.overdue_digest"])
    assert first.exit_code == 0, first.output
    with app.app_context():
        messages = db.session.scalars(
            sa.select(OutboxMessage).where(OutboxMessage.recipient_id == coordinator.id)
        ).all()
    assert len(messages) == 1
    assert messages[0].subject == "Overdue plan items: 1"
    assert "Publication 1" in messages[0].body


def test_healthz_reports_the_scheduler_and_its_heartbeat(app, db, client):
    assert client.get("/healthz").json["scheduler"] == {"status": "never_started"}
    with app.app_context():
        now = utcnow()
        db.session.add(
            SchedulerLeader(
                name="scheduler",
                holder="web1:42",
                acquired_at=now - timedelta(minutes=5),
                heartbeat_at=now - timedelta(seconds=1),
            )
        )
        db.session.commit()
    scheduler = client.get("/healthz").json["scheduler"]
    assert scheduler["status"] == "running"
    assert scheduler["holder"] == "web1:42"
    assert 0 <= scheduler["heartbeat_age_seconds"] < 5
    with app.app_context():
        row = db.session.get(SchedulerLeader, "scheduler")
        row.heartbeat_at = utcnow() - timedelta(minutes=2)
        db.session.commit()
    assert client.get("/healthz").json["scheduler"]["status"] == "stale"


def test_serve_starts_the_scheduler_unless_it_is_off(app, monkeypatch):
    import threading

    import waitress
    from click.testing import CliRunner
    from flask.cli import ScriptInfo

    from mediaplan import cli
    from mediaplan.scheduler import background

    processes = []

    class RecordingProcess:
        holder = "test:1"

        def __init__(self, scheduler_app):
            self.app, self.stop, self.ran = scheduler_app, threading.Event(), threading.Event()
            processes.append(self)

        def run(self):
            self.ran.set()

    monkeypatch.setattr(waitress, "create_server", lambda *a, **kw: _IdleServer())
    monkeypatch.setattr(cli, "_check_address", lambda host, port: None)
    monkeypatch.setattr(background, "SchedulerProcess", RecordingProcess)
    script = ScriptInfo(create_app=lambda: app)
    result = CliRunner().invoke(cli.main, ["serve"], obj=script)
    assert result.exit_code == 0
    assert "Scheduler test:1 started" in result.output
    app.config["SCHEDULER"] = "off"
    try:
        assert CliRunner().invoke(cli.main, ["serve"], obj=script).exit_code == 0
    finally:
        app.config["SCHEDULER"] = "on"
    [process] = processes
    assert process.app is app and process.ran.wait(5)
    # The web server stopped, so did the scheduler beside it.
    assert process.stop.is_set()


class _IdleServer:
    def run(self) -> None:
        pass

    def close(self) -> None:
        pass
