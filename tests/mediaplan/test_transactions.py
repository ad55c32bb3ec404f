"""On SQLite a view's transaction takes the write lock up front when the view says it writes
(``@writes``), so a read-then-write request never fails with "database is locked" while the
scheduler writes; views that only read stay deferred and run beside a writer."""

import threading
import time

import pytest
import sqlalchemy as sa
from flask import Blueprint, jsonify
from flask_babel import gettext
from flask_migrate import upgrade

from mediaplan.agencies.models import Agency
from mediaplan.app import create_app
from mediaplan.db import utcnow, view_writes, writes
from mediaplan.extensions import db as _db
from mediaplan.scheduler.runner import SchedulerProcess
from mediaplan.users.models import ApiToken, User
from mediaplan.web import retry_writes_when_busy
from tests.conftest import PASSWORD_HASH

# How long the impatient app waits for SQLite's write lock.
BUSY_MS = 200
# Methods that leave data as it is; any other must be declared by the view.
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Views that accept a POST yet write nothing.
READ_ONLY_POSTS = {"auth.logout"}
# The scheduler notes its heartbeat this often: a write every few milliseconds of a request.
HEARTBEAT_SECONDS = 0.02
# How long the test view spends between its read and its write (a real one would render,
# hash or fetch): long enough for several heartbeats to commit in between.
WORK_SECONDS = 0.06

bp = Blueprint("visits", __name__)


def _note_visit(token_id: int):
    """Reads a token, works a little, then notes when it was used, as a calendar
    subscription notes its last access on every GET."""
    token = _db.session.get(ApiToken, token_id)
    time.sleep(WORK_SECONDS)
    token.last_used_at = utcnow()
    _db.session.commit()
    return jsonify(ok=True)


@bp.get("/declared/<int:token_id>")
@writes
def declared(token_id: int):
    return _note_visit(token_id)


@bp.get("/undeclared/<int:token_id>")
def undeclared(token_id: int):
    return _note_visit(token_id)


@bp.get("/reads")
def reads():
    return jsonify(users=_db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)))


def _app_with_a_token(folder, **settings):
    """An app on a SQLite database of its own, with the test views, one user and a token."""
    url = f"sqlite:///{folder / 'app.db'}"
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "x", "TESTING": True, **settings})
    app.register_blueprint(bp)
    retry_writes_when_busy(app)
    with app.app_context():
        upgrade()
        agency = Agency(code="a", kind="state_body", name_ru="Ведомство")
        user = User(
            email="u@example.org",
            name="U",
            role="viewer",
            agency=agency,
            password_hash=PASSWORD_HASH,
        )
        token = ApiToken(user=user, name="calendar", token_hash="h" * 64, prefix="mpt_x")
        _db.session.add(token)
        _db.session.commit()
        app.config["TOKEN_ID"] = token.id
    return app


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory):
    app = _app_with_a_token(
        tmp_path_factory.mktemp("transactions"),
        SCHEDULER_POLL_SECONDS=0.05,
        SCHEDULER_HEARTBEAT_SECONDS=HEARTBEAT_SECONDS,
    )
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture(scope="module")
def impatient_app(tmp_path_factory):
    """An app that waits only BUSY_MS for another writer's lock."""
    app = _app_with_a_token(tmp_path_factory.mktemp("impatient"), SQLITE_BUSY_TIMEOUT_MS=BUSY_MS)
    yield app
    with app.app_context():
        _db.engine.dispose()


def _holding_the_write_lock(app, seconds: float):
    """Another connection takes SQLite's write lock now and lets it go after ``seconds``."""
    connection = _db.engine.connect()
    holding = connection.begin()

    def release():
        holding.rollback()
        connection.close()

    timer = threading.Timer(seconds, release)
    timer.start()
    return timer


def test_a_write_that_waits_in_vain_twice_is_answered_busy(impatient_app):
    token_id = impatient_app.config["TOKEN_ID"]
    with impatient_app.app_context():
        holder = _holding_the_write_lock(impatient_app, BUSY_MS * 6 / 1000)
        response = impatient_app.test_client().get(
            f"/declared/{token_id}", headers={"Accept-Language": "ky"}
        )
        holder.join()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    with impatient_app.test_request_context(headers={"Accept-Language": "ky"}):
        busy = gettext("Many changes are being saved right now. Please try again in a moment.")
    assert busy in response.get_data(as_text=True) and busy.startswith("Азыр")


def test_a_write_that_waits_in_vain_once_succeeds_on_its_second_try(impatient_app):
    token_id = impatient_app.config["TOKEN_ID"]
    with impatient_app.app_context():
        holder = _holding_the_write_lock(impatient_app, BUSY_MS * 1.5 / 1000)
        response = impatient_app.test_client().get(f"/declared/{token_id}")
        holder.join()
    assert response.status_code == 200


@pytest.fixture
def running_scheduler(sqlite_app):
    process = SchedulerProcess(sqlite_app)
    thread = threading.Thread(target=process.run, daemon=True)
    thread.start()
    assert process.is_leading.wait(10), "the scheduler did not start"
    yield process
    process.stop.set()
    thread.join(10)


def _statuses(app, path: str, times: int) -> list[int]:
    client = app.test_client()
    return [client.get(path).status_code for _ in range(times)]


def test_a_get_that_writes_succeeds_while_the_scheduler_writes(sqlite_app, running_scheduler):
    token_id = sqlite_app.config["TOKEN_ID"]
    assert _statuses(sqlite_app, f"/declared/{token_id}", 15) == [200] * 15
    assert running_scheduler.is_leading.is_set()


def test_the_same_view_undeclared_fails_with_database_is_locked(
    sqlite_app, running_scheduler, caplog
):
    """The case @writes exists for: without it the read-then-write loses to the scheduler,
    and the user gets the "busy" page (503), never a 500."""
    token_id = sqlite_app.config["TOKEN_ID"]
    statuses = _statuses(sqlite_app, f"/undeclared/{token_id}", 15)
    assert 503 in statuses and 500 not in statuses
    assert "database is locked" in caplog.text


def test_a_view_that_reads_runs_beside_a_writer(sqlite_app):
    """A deferred transaction does not wait for the write lock another connection holds."""
    with sqlite_app.app_context(), _db.engine.connect() as writer:
        # Outside a request a transaction begins IMMEDIATE: this one holds the write lock.
        holding = writer.begin()
        started = time.monotonic()
        response = sqlite_app.test_client().get("/reads")
        waited = time.monotonic() - started
        holding.rollback()
    assert response.status_code == 200
    assert waited < 1, "a reading view waited for the write lock"


def test_a_writing_view_waits_for_the_lock_instead_of_failing(sqlite_app):
    token_id = sqlite_app.config["TOKEN_ID"]
    with sqlite_app.app_context(), _db.engine.connect() as writer:
        holding = writer.begin()
        release = threading.Timer(0.3, holding.rollback)
        release.start()
        started = time.monotonic()
        response = sqlite_app.test_client().get(f"/declared/{token_id}")
        waited = time.monotonic() - started
        release.join()
    assert response.status_code == 200
    assert waited >= 0.3


def test_every_view_that_takes_a_write_method_declares_it(app):
    undeclared = sorted(
        f"{rule.endpoint} {method}"
        for rule in app.url_map.iter_rules()
        for method in rule.methods - SAFE_METHODS
        if rule.endpoint not in READ_ONLY_POSTS
        and not view_writes(app.view_functions[rule.endpoint], method)
    )
    assert undeclared == []


def test_writes_can_name_methods():
    @writes(methods=["post"])
    def form_view():
        return ""

    assert view_writes(form_view, "POST")
    assert not view_writes(form_view, "GET")
    assert view_writes(writes(lambda: ""), "GET")
    assert not view_writes(lambda: "", "POST")
