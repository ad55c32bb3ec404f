"""Password reset links under concurrent requests, released together against `mediaplan serve`
on SQLite and on PostgreSQL: the limits on asking hold, and a link sets one password."""

import re

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from mediaplan.app import create_app
from mediaplan.extensions import db
from tests.conftest import BACKENDS, PASSWORD_HASH, fresh_database
from tests.servers import Browser, at_once, server_env, serving

LIMIT_PER_ACCOUNT = 3
LIMIT_PER_ADDRESS = 6
TOKEN = re.compile(r"/password/reset/(\S+)")


@pytest.fixture(scope="module", params=BACKENDS)
def served(request, tmp_path_factory):
    """`mediaplan serve` on a database of its own with an agency and two users; yields
    (port, database URL)."""
    folder = tmp_path_factory.mktemp(f"resets-{request.param}")
    with fresh_database(request.param, folder) as url:
        _fill(url)
        env = server_env(
            url,
            folder,
            SCHEDULER="off",
            # Each test speaks from addresses of its own.
            TRUSTED_PROXIES=1,
            LOGIN_MAX_FAILURES_PER_ACCOUNT=LIMIT_PER_ACCOUNT,
            LOGIN_MAX_FAILURES_PER_ADDRESS=LIMIT_PER_ADDRESS,
        )
        with serving(env, folder / "serve.log") as (_process, port):
            yield port, url


def _fill(url: str) -> None:
    from mediaplan.agencies.models import Agency
    from mediaplan.users.models import User

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "x", "TESTING": True})
    with app.app_context():
        upgrade()
        agency = Agency(code="mkism", kind="state_body", name_ru="Министерство")
        for name in ("burst", "race"):
            db.session.add(
                User(
                    email=f"{name}@x.kg",
                    name=name,
                    role="viewer",
                    agency=agency,
                    password_hash=PASSWORD_HASH,
                )
            )
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def _scalar(url: str, query: str, **parameters):
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(query), parameters).scalar()
    finally:
        engine.dispose()


def _ask(port: int, address: str, email: str) -> int:
    browser = Browser(port, {"X-Forwarded-For": address})
    token = browser.csrf("/password/forgot")
    return browser.post("/password/forgot", {"email": email}, token=token)[0]


def test_a_burst_for_one_account_sends_at_most_its_limit(served):
    port, url = served

    statuses = at_once(20, lambda n: _ask(port, f"10.1.0.{n}", "burst@x.kg"))

    assert set(statuses) <= {302, 429}
    assert statuses.count(302) == LIMIT_PER_ACCOUNT, statuses
    links = "SELECT count(*) FROM password_reset_links l JOIN users u ON u.id = l.user_id"
    assert _scalar(url, links + " WHERE u.email = 'burst@x.kg'") == LIMIT_PER_ACCOUNT


def test_a_burst_from_one_address_asks_at_most_its_limit(served):
    port, url = served

    statuses = at_once(20, lambda n: _ask(port, "10.2.0.1", f"nobody{n}@x.kg"))

    assert statuses.count(302) == LIMIT_PER_ADDRESS, statuses
    requests = "SELECT count(*) FROM password_reset_requests WHERE address = '10.2.0.1'"
    assert _scalar(url, requests) == LIMIT_PER_ADDRESS


def test_one_link_used_at_once_in_many_browsers_sets_one_password(served):
    port, url = served
    assert _ask(port, "10.3.0.1", "race@x.kg") == 302
    body = _scalar(
        url,
        "SELECT m.body FROM outbox_messages m JOIN users u ON u.id = m.recipient_id "
        "WHERE u.email = 'race@x.kg'",
    )
    token = TOKEN.search(body).group(1)
    browsers = []
    for n in range(8):
        browser = Browser(port, {"X-Forwarded-For": f"10.3.1.{n}"})
        assert browser.get(f"/password/reset/{token}")[0] == 302
        browsers.append((browser, browser.csrf("/password/reset")))

    def set_password(n: int) -> int:
        browser, csrf = browsers[n]
        data = {"new_password": f"new password {n}", "confirm": f"new password {n}"}
        return browser.post("/password/reset", data, token=csrf)[0]

    statuses = at_once(len(browsers), set_password)

    assert sorted(statuses) == [302] + [404] * (len(browsers) - 1), statuses
    used = "SELECT count(*) FROM password_reset_links WHERE end_reason = 'used'"
    assert _scalar(url, used) == 1
