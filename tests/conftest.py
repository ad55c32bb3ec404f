"""Fixtures: the app on SQLite (and PostgreSQL when configured), a rolled-back database per
test, clients, factories and logins."""

import contextlib
import os
import re
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa
from flask_sqlalchemy.session import Session as FlaskSQLAlchemySession
from werkzeug.security import generate_password_hash

from mediaplan.app import create_app
from mediaplan.extensions import db as _db

POSTGRES_URL = os.environ.get("MEDIAPLAN_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
PASSWORD = "correct horse battery"
# One scrypt hash for every test user: hashing costs 0.2 s, and tests make hundreds of users.
PASSWORD_HASH = generate_password_hash(PASSWORD)
CSRF_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|'
    r'name="csrf_token" value="([^"]+)"'
)


def pytest_collection_modifyitems(items):
    # Group by backend so each database is set up once; e2e and benchmarks run last.
    items.sort(key=lambda item: ("postgresql" in item.nodeid, "e2e" in item.nodeid))


@pytest.fixture(autouse=True)
def _no_smtp(monkeypatch):
    import smtplib

    def refuse(*args, **kwargs):
        raise AssertionError("a test tried to open an SMTP connection")

    monkeypatch.setattr(smtplib.SMTP, "connect", refuse)


@pytest.fixture(scope="session")
def database_url(request, tmp_path_factory):
    """A fresh, empty database per backend for the whole session."""
    backend = request.param
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    yield from _postgres_database(POSTGRES_URL)


def _postgres_database(admin_url: str):
    from mediaplan.config import _normalise_database_url

    admin_url = _normalise_database_url(admin_url)
    name = f"mediaplan_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield sa.engine.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@contextlib.contextmanager
def fresh_database(backend: str, folder) -> Iterator[str]:
    """The URL of a new, empty database on ``backend`` for processes of a test's own: a file in
    ``folder`` on SQLite; on PostgreSQL a database dropped when the block ends."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'app.db'}"
        return
    with contextlib.contextmanager(_postgres_database)(POSTGRES_URL) as url:
        yield url


def pytest_generate_tests(metafunc):
    if "database_url" in metafunc.fixturenames:
        metafunc.parametrize("database_url", BACKENDS, indirect=True, scope="session")


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    from flask_migrate import upgrade

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret-key",
            "LOGIN_MAX_FAILURES_PER_ACCOUNT": 5,
            "LOGIN_MAX_FAILURES_PER_ADDRESS": 20,
        }
    )
    with app.app_context():
        upgrade()
        _db.engine.dispose()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def db(app):
    """The database, with everything a test writes rolled back when it ends."""
    with app.app_context():
        connection = _db.engine.connect()
    transaction = connection.begin()
    original = _db.session
    _db.session = _db._make_scoped_session(
        {
            "class_": _ConnectionBoundSession,
            "bind": connection,
            "join_transaction_mode": "create_savepoint",
            "expire_on_commit": False,
        }
    )
    try:
        yield _db
    finally:
        _db.session = original
        transaction.rollback()
        connection.close()


class _ConnectionBoundSession(FlaskSQLAlchemySession):
    """A session that uses the test's connection: Flask-SQLAlchemy's own ``get_bind`` would
    pick the app's engine over ``bind=``, so commits would escape the rolled-back transaction."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        return bind if bind is not None else self.bind


@pytest.fixture
def ctx(app, db):
    """An application context for calling services directly."""
    with app.app_context():
        yield


@pytest.fixture
def client(app, db):
    client = app.test_client()
    # English unless a test asks for another language; the app's own default is Russian.
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def runner(app, db):
    return app.test_cli_runner()


@pytest.fixture
def make_agency(app, db):
    counter = iter(range(1, 10_000))

    def make(**fields):
        n = next(counter)
        values = {
            "code": f"agency-{n}",
            "kind": "state_body",
            "name_ru": f"Ведомство {n}",
            "name_en": f"Agency {n}",
            "name_ky": f"Мекеме {n}",
        } | fields
        with app.app_context():
            from mediaplan.agencies.models import Agency

            agency = Agency(**values)
            db.session.add(agency)
            db.session.commit()
            return agency

    return make


@pytest.fixture
def agency(make_agency):
    return make_agency(code="own")


@pytest.fixture
def other_agency(make_agency):
    return make_agency(code="other")


@pytest.fixture
def make_user(app, db, agency):
    counter = iter(range(1, 10_000))

    def make(role="coordinator", agency=agency, **fields):
        from mediaplan.users.models import User

        n = next(counter)
        values = {
            "email": f"{role}{n}@example.org",
            "name": f"{role.title()} {n}",
            "role": role,
            "agency_id": agency.id,
            "password_hash": PASSWORD_HASH,
        } | fields
        with app.app_context():
            user = User(**values)
            db.session.add(user)
            db.session.commit()
            return user

    return make


@pytest.fixture
def make_plan(app, db):
    def make(**fields):
        from mediaplan.plan.models import Plan

        values = {
            "code": f"MP-{uuid.uuid4().hex[:6]}",
            "title_ru": "Медиаплан 2025",
            "title_en": "Media plan 2025",
            "title_ky": "Медиа-план 2025",
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 12, 31),
        } | fields
        with app.app_context():
            plan = Plan(**values)
            db.session.add(plan)
            db.session.commit()
            return plan

    return make


@pytest.fixture
def plan(make_plan):
    return make_plan()


@pytest.fixture
def make_item(app, db, plan, agency, make_user):
    """Creates items through the service, as a coordinator would."""
    counter = iter(range(1, 100_000))
    state = {}

    def make(*, lead=agency, in_plan=plan, status="planned", **fields):
        from mediaplan.plan import service
        from mediaplan.plan.models import Plan
        from mediaplan.users.models import User

        n = next(counter)
        if "actor" not in state:
            state["actor"] = make_user("coordinator")
        values = {
            "number": f"1.{n}",
            "direction": "media_plan",
            "format": "publication",
            "lead_agency_id": lead.id,
            "title_ru": f"Публикация {n}",
            "title_en": f"Publication {n}",
            "starts_on": date(2025, 2, 1),
            "ends_on": date(2025, 2, 28),
        } | fields
        with app.app_context():
            actor = db.session.get(User, state["actor"].id)
            item = service.create_item(
                db.session.get(Plan, in_plan.id), service.PlanItemData(**values), actor=actor
            )
            if status != "planned":
                reason = "причина" if status in ("postponed", "cancelled") else ""
                if status == "done":
                    service.change_status(item, "in_progress", actor=actor)
                service.change_status(item, status, actor=actor, reason=reason)
            db.session.commit()
            return item

    return make


@pytest.fixture
def make_token(app, db):
    """``make_token(user)`` creates a token for ``user`` and returns its secret."""

    def make(user, name="partner portal"):
        from mediaplan.users.models import User
        from mediaplan.users.tokens import create_token

        with app.app_context():
            _token, secret = create_token(db.session.get(User, user.id), name)
            db.session.commit()
            return secret

    return make


def open_session(app, user) -> str:
    """A server-side session for ``user``, as a login opens; returns the token its cookie
    keeps (``session["_user_id"]``)."""
    from mediaplan.users.sessions import start_session

    with app.app_context():
        token = start_session(user, address="127.0.0.1", user_agent="pytest")
        _db.session.commit()
    user.session_token = token
    return token


def log_in_browser(app, client, user) -> None:
    """Give ``client`` the cookie of a new session of ``user``."""
    token = open_session(app, user)
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True


@pytest.fixture
def login_as(app, client, make_user):
    """Log ``client`` in as a new user with ``role`` (or as ``user``); returns the user."""

    def login(role="coordinator", user=None, **fields):
        user = user or make_user(role, **fields)
        log_in_browser(app, client, user)
        return user

    return login


def csrf_token(client, path="/login") -> str:
    response = client.get(path)
    match = CSRF_RE.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1) or match.group(2)


@pytest.fixture
def post(client):
    """POST a form with a valid CSRF token, as a browser would."""

    def send(url, data=None, **kwargs):
        token = csrf_token(client, "/account" if _logged_in(client) else "/login")
        return client.post(url, data={"csrf_token": token, **(data or {})}, **kwargs)

    return send


def _logged_in(client) -> bool:
    with client.session_transaction() as session:
        return "_user_id" in session
