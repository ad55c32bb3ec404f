"""The `mediaplan` console script: users, the demo plan, serve."""

import sqlalchemy as sa

from mediaplan.cli import main


def test_users_create_reads_the_password_from_stdin(app, db, runner, agency):
    from mediaplan.users.models import User

    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "New@Example.org",
            "--name",
            "Жылдыз",
            "--role",
            "trainer",
            "--agency",
            "own",
            "--password-stdin",
        ],
        input="a long enough secret\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created trainer new@example.org" in result.output
    with app.app_context():
        user = db.session.scalar(sa.select(User).where(User.email == "new@example.org"))
        assert user.check_password("a long enough secret")
        assert user.password_hash != "a long enough secret"
        assert user.agency_id == agency.id


def test_users_create_prompts_twice_for_the_password(app, db, runner, agency):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "p@example.org",
            "--name",
            "P",
            "--role",
            "viewer",
            "--agency",
            "own",
        ],
        input="prompted secret 1\nprompted secret 1\n",
    )
    assert result.exit_code == 0, result.output


def test_users_create_has_no_password_argument(runner, agency):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "viewer",
            "--agency",
            "own",
            "--password",
            "secret",
        ],
    )
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_users_create_refuses_bad_input_and_writes_nothing(app, db, runner, agency):
    from mediaplan.users.models import User

    cases = [
        (["--role", "emperor", "--agency", "own"], "good password 1\n", "role: "),
        (["--role", "viewer", "--agency", "nowhere"], "good password 1\n", "No agency"),
        (["--role", "viewer", "--agency", "own"], "short\n", "password: "),
    ]
    for options, password, message in cases:
        result = runner.invoke(
            args=[
                "users",
                "create",
                "--email",
                "bad@example.org",
                "--name",
                "B",
                *options,
                "--password-stdin",
            ],
            input=password,
        )
        assert result.exit_code == 1
        assert message in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(User).where(User.email == "bad@example.org")) is None


def test_users_list(runner, make_user):
    make_user("methodologist", email="m@example.org")
    result = runner.invoke(args=["users", "list"])
    assert "m@example.org\tmethodologist\town" in result.output


def test_demo_load_builds_last_years_closed_plan_and_this_years_in_progress(app, db, runner):
    import datetime as dt

    from mediaplan.agencies.models import Agency
    from mediaplan.plan.choices import DIRECTIONS, FORMATS
    from mediaplan.plan.filters import is_overdue
    from mediaplan.plan.models import Plan, PlanItem
    from mediaplan.users.models import ROLES, User

    app.config["DEMO_PASSWORD"] = None
    try:
        result = runner.invoke(args=["demo", "load"])
    finally:
        app.config["DEMO_PASSWORD"] = None
    assert result.exit_code == 0, result.output
    assert "password:" in result.output
    today = dt.date.today()
    with app.app_context():
        plans = {plan.starts_on.year: plan for plan in db.session.scalars(sa.select(Plan))}
        assert set(plans) == {today.year - 1, today.year}
        last, this = plans[today.year - 1], plans[today.year]
        assert last.closed_at is not None and this.closed_at is None
        assert this.code in result.output and last.code in result.output

        def items_of(plan):
            return db.session.scalars(sa.select(PlanItem).where(PlanItem.plan_id == plan.id)).all()

        previous, items = items_of(last), items_of(this)
        assert len(items) >= 40 and len(previous) >= 40
        assert {item.status for item in previous} <= {"done", "postponed", "cancelled"}
        assert {item.direction for item in items} == set(DIRECTIONS)
        assert {item.format for item in items} == set(FORMATS)
        assert len({item.lead_agency_id for item in items}) >= 7
        assert all(item.title_ky or item.title_ru or item.title_en for item in items)
        assert {item.status for item in items} >= {"done", "in_progress", "planned"}
        # A plan in progress as of today: some items late, some due this month.
        assert any(is_overdue(item.status, item.ends_on, today) for item in items)
        assert (
            any(
                item.status in ("planned", "in_progress")
                and item.ends_on >= today
                and (item.ends_on.year, item.ends_on.month) == (today.year, today.month)
                for item in items
            )
            or today.day > 25
        )
        kinds = set(db.session.scalars(sa.select(Agency.kind)))
        assert {"state_body", "security", "local_government", "ngo", "international"} <= kinds
        roles = set(db.session.scalars(sa.select(User.role)))
        assert roles == set(ROLES)


def test_demo_password_comes_from_the_environment_setting(app, db, runner):
    from mediaplan.users.models import User

    app.config["DEMO_PASSWORD"] = "chosen demo password"
    try:
        result = runner.invoke(args=["demo", "load"])
    finally:
        app.config["DEMO_PASSWORD"] = None
    assert "chosen demo password" not in result.output
    with app.app_context():
        admin = db.session.scalar(sa.select(User).where(User.role == "admin"))
        assert admin.check_password("chosen demo password")


def test_demo_load_twice_is_refused_and_if_empty_skips(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    again = runner.invoke(args=["demo", "load"])
    assert again.exit_code == 1
    assert "already loaded" in again.output
    skipped = runner.invoke(args=["demo", "load", "--if-empty"])
    assert skipped.exit_code == 0
    assert "not loaded" in skipped.output


class _Server:
    """Stands for waitress's server: records being run and closed, serves nothing."""

    def __init__(self, calls: list, settings: dict) -> None:
        self.calls = calls
        calls.append(settings)

    def run(self) -> None:
        self.calls.append("run")

    def close(self) -> None:
        self.calls.append("close")


def test_serve_runs_waitress_on_the_given_port(app, monkeypatch):
    import gc

    import waitress
    from click.testing import CliRunner
    from flask.cli import ScriptInfo

    from mediaplan import cli

    calls = []
    monkeypatch.setattr(waitress, "create_server", lambda wsgi, **kw: _Server(calls, kw))
    # Whether the port is free is another test's: this one binds nothing.
    monkeypatch.setattr(cli, "_check_address", lambda host, port: None)
    # The start-up objects are frozen out of garbage collection before serving.
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setenv("PORT", "5099")
    # The scheduler beside the server has tests of its own (scheduler/test_page.py).
    monkeypatch.setitem(app.config, "SCHEDULER", "off")
    script = ScriptInfo(create_app=lambda: app)
    for args in (["serve"], ["serve", "--host", "0.0.0.0", "--port", "8080"]):  # noqa: S104
        result = CliRunner().invoke(main, args, obj=script)
        assert result.exit_code == 0, result.output
    first, second = calls[:4], calls[4:]
    assert [first[1:], second[1:]] == [["freeze", "run", "close"]] * 2
    assert (first[0]["host"], first[0]["port"]) == ("127.0.0.1", 5099)
    # With no trusted proxy, waitress drops X-Forwarded-* headers anyone could send.
    assert first[0]["clear_untrusted_proxy_headers"] is True
    assert (second[0]["host"], second[0]["port"]) == ("0.0.0.0", 8080)  # noqa: S104


def test_serve_on_a_port_in_use_says_so_and_starts_nothing(app, monkeypatch):
    import socket

    from click.testing import CliRunner
    from flask.cli import ScriptInfo

    from mediaplan.registries import registry

    started = []
    monkeypatch.setitem(
        registry(app).background_services, "recorder", lambda app: started.append(app)
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["serve", "--port", str(port)], obj=ScriptInfo(create_app=lambda: app)
        )
    assert result.exit_code == 1
    assert f"Cannot serve on 127.0.0.1:{port}" in result.output
    assert "--port" in result.output and "Traceback" not in result.output
    assert started == []


def test_console_script_lists_the_commands(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["--help"], env={"MEDIAPLAN_INSTANCE_PATH": str(tmp_path)})
    assert result.exit_code == 0
    for command in ("db", "demo", "users", "serve"):
        assert f"  {command} " in result.output


def test_healthz_reports_the_schema_revision(client):
    body = client.get("/healthz").json
    assert body["database"]["schema_revision"]
