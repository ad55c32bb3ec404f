"""What holds for one user holds for many at once: real concurrent requests, released together
by a barrier, against `mediaplan serve` on SQLite and on PostgreSQL."""

import json
from datetime import date

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from mediaplan.app import create_app
from mediaplan.extensions import db
from tests.conftest import BACKENDS, PASSWORD, PASSWORD_HASH, fresh_database
from tests.forms import as_post, form_fields
from tests.servers import Browser, at_once, server_env, serving

ROUNDS = 20
MORNING_RUSH = 50
LIMIT_PER_ACCOUNT = 5
LIMIT_PER_ADDRESS = 20


@pytest.fixture(scope="module", params=BACKENDS)
def served(request, tmp_path_factory):
    """`mediaplan serve` with its scheduler, on a database of its own holding an agency, a
    plan, the users below and API tokens for the first two; yields (port, world)."""
    folder = tmp_path_factory.mktemp(f"served-{request.param}")
    with fresh_database(request.param, folder) as url:
        world = _fill(url)
        env = server_env(
            url,
            folder,
            # Each test speaks from addresses of its own, so one's failed logins never throttle
            # another's.
            TRUSTED_PROXIES=1,
            LOGIN_MAX_FAILURES_PER_ACCOUNT=LIMIT_PER_ACCOUNT,
            LOGIN_MAX_FAILURES_PER_ADDRESS=LIMIT_PER_ADDRESS,
        )
        with serving(env, folder / "serve.log") as (_process, port):
            yield port, world, url


def _fill(url: str) -> dict:
    from mediaplan.agencies.models import Agency
    from mediaplan.plan.models import Plan
    from mediaplan.users.models import User
    from mediaplan.users.tokens import create_token

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "x", "TESTING": True})
    with app.app_context():
        upgrade()
        agency = Agency(code="mkism", kind="state_body", name_ru="Министерство")
        plan = Plan(
            code="MP-2025",
            title_ru="Медиаплан",
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 12, 31),
        )
        people = {
            "admin": User(email="admin@x.kg", name="A", role="admin"),
            "coordinator": User(email="coord@x.kg", name="C", role="coordinator"),
            "second_admin": User(email="admin2@x.kg", name="A2", role="admin"),
            "third_admin": User(email="admin3@x.kg", name="A3", role="admin"),
            "leaver": User(email="leaver@x.kg", name="L", role="viewer"),
            "editor": User(email="editor@x.kg", name="E", role="coordinator"),
            "second_editor": User(email="editor2@x.kg", name="E2", role="coordinator"),
        }
        people |= {
            f"rush{n}": User(email=f"rush{n}@x.kg", name=f"R{n}", role="viewer")
            for n in range(MORNING_RUSH)
        }
        for user in people.values():
            user.agency, user.password_hash = agency, PASSWORD_HASH
        db.session.add_all([plan, *people.values()])
        db.session.flush()
        tokens = {role: create_token(people[role], "race")[1] for role in ("admin", "coordinator")}
        db.session.commit()
        world = {
            "plan_id": plan.id,
            "agency_id": agency.id,
            "tokens": tokens,
            "users": {key: user.id for key, user in people.items()},
        }
        db.session.remove()
        db.engine.dispose()
    return world


def _api(port: int, token: str, method: str, path: str, body: dict | None = None):
    browser = Browser(port, {"Authorization": f"Bearer {token}"})
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if body is not None else {}
    status, _headers, text = browser.request(method, path, payload, headers)
    return status, json.loads(text) if text else None


def _new_item(port: int, world: dict, number: str) -> int:
    status, item = _api(
        port,
        world["tokens"]["coordinator"],
        "POST",
        "/api/v1/plan-items",
        {
            "plan_id": world["plan_id"],
            "number": number,
            "direction": "media_plan",
            "format": "publication",
            "title": {"ru": f"Публикация {number}"},
            "lead_agency_id": world["agency_id"],
            "ends_on": "2025-06-30",
        },
    )
    assert status == 201, item
    return item["id"]


def _rows(url: str, query: str, **parameters) -> list[tuple]:
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(sa.text(query), parameters)]
    finally:
        engine.dispose()


def _scalar(url: str, query: str, **parameters):
    return _rows(url, query, **parameters)[0][0]


def _history(url: str, item_id: int) -> list[tuple]:
    return _rows(
        url,
        "SELECT from_status, to_status FROM plan_item_status_changes WHERE item_id = :id "
        "ORDER BY id",
        id=item_id,
    )


def test_two_opposite_status_changes_at_once_one_wins(served):
    port, world, url = served
    tokens = world["tokens"]
    for round_number in range(ROUNDS):
        item_id = _new_item(port, world, f"9.{round_number + 1}")
        changes = [
            (tokens["admin"], {"status": "done", "reason": ""}),
            (tokens["coordinator"], {"status": "cancelled", "reason": "снято с плана"}),
        ]
        path = f"/api/v1/plan-items/{item_id}/status"
        statuses = at_once(
            2,
            lambda n, path=path, changes=changes: _api(
                port, *changes[n][:1], "POST", path, changes[n][1]
            )[0],
        )
        assert sorted(statuses) == [200, 422], f"round {round_number}: {statuses}"
        history = _history(url, item_id)
        assert len(history) == 2 and history[0] == (None, "planned"), history
        assert history[1][0] == "planned" and history[1][1] in ("done", "cancelled")


def test_a_burst_of_wrong_passwords_checks_at_most_the_limit(served):
    port, _world, _url = served

    def wrong(n: int) -> int:
        browser = Browser(port, {"X-Forwarded-For": f"10.1.0.{n}"})
        return browser.log_in("coord@x.kg", "not the password")

    statuses = at_once(40, wrong)
    assert set(statuses) <= {200, 429}
    # A wrong password is shown again with 200; past the limit the answer is 429, unchecked.
    assert statuses.count(200) <= LIMIT_PER_ACCOUNT, statuses
    assert statuses.count(429) >= 40 - LIMIT_PER_ACCOUNT


def test_a_burst_from_one_address_checks_at_most_its_limit(served):
    port, _world, _url = served

    def wrong(n: int) -> int:
        browser = Browser(port, {"X-Forwarded-For": "10.2.0.1"})
        return browser.log_in(f"nobody{n}@x.kg", "not the password")

    statuses = at_once(80, wrong)
    assert set(statuses) <= {200, 429}
    assert statuses.count(200) <= LIMIT_PER_ADDRESS, statuses


def test_a_morning_rush_of_logins_gets_no_error(served):
    port, _world, _url = served

    def log_in(n: int) -> tuple[int, int]:
        browser = Browser(port, {"X-Forwarded-For": f"10.3.0.{n}"})
        status = browser.log_in(f"rush{n}@x.kg", PASSWORD)
        return status, browser.get("/plan")[0]

    results = at_once(MORNING_RUSH, log_in)
    assert results == [(302, 200)] * MORNING_RUSH


def test_a_cookie_kept_from_before_logout_opens_nothing(served):
    port, _world, _url = served
    browser = Browser(port, {"X-Forwarded-For": "10.4.0.1"})
    assert browser.log_in("leaver@x.kg", PASSWORD) == 302
    kept = dict(browser.cookies)
    assert browser.get("/plan")[0] == 200
    status, headers, _text = browser.post("/logout", {}, token=browser.csrf("/plan"))
    assert status == 302
    thief = Browser(port, {"X-Forwarded-For": "10.4.0.2"})
    thief.cookies = kept
    status, headers, _text = thief.get("/plan")
    assert status == 302 and headers["Location"].startswith("/login")


def test_two_admins_demoting_each_other_at_once_leave_one(served):
    port, world, url = served
    users = world["users"]
    browsers = []
    for n, email in enumerate(("admin2@x.kg", "admin3@x.kg")):
        browser = Browser(port, {"X-Forwarded-For": f"10.5.0.{n}"})
        assert browser.log_in(email, PASSWORD) == 302
        browsers.append(browser)
    # The first admin steps down first, leaving these two as the only ones.
    first = Browser(port, {"X-Forwarded-For": "10.5.0.9"})
    assert first.log_in("admin@x.kg", PASSWORD) == 302
    _demote(first, users["admin"], world)
    targets = (users["third_admin"], users["second_admin"])
    at_once(2, lambda n: _demote(browsers[n], targets[n], world))
    # The second to be judged is refused, or finds its own session ended by the first.
    assert _scalar(url, "SELECT count(*) FROM users WHERE role = 'admin' AND is_active") == 1


def _demote(browser: Browser, user_id: int, world: dict) -> int:
    path = f"/admin/users/{user_id}"
    token = browser.csrf(path)
    status, _headers, _text = browser.post(
        path,
        {"name": "Demoted", "role": "viewer", "agency_id": world["agency_id"], "is_active": "y"},
        token=token,
    )
    return status


def test_two_people_saving_one_item_at_once_one_is_told(served):
    port, world, url = served
    item_id = _new_item(port, world, "8.1")
    path = f"/plan/items/{item_id}/edit"
    people = []
    for email in ("editor@x.kg", "editor2@x.kg"):
        browser = Browser(port, {"X-Forwarded-For": "10.4.0.1", "Accept-Language": "en"})
        assert browser.log_in(email, PASSWORD) == 302
        _status, _headers, page = browser.get(path)
        people.append((browser, as_post(form_fields(page)), browser.CSRF.search(page).group(1)))

    def save(n: int) -> int:
        browser, values, token = people[n]
        return browser.post(path, values | {"title_ru": f"Заголовок {n}"}, token=token)[0]

    statuses = at_once(2, save)
    assert sorted(statuses) == [302, 409], statuses
    winner = statuses.index(302)
    assert _rows(url, "SELECT title_ru, version FROM plan_items WHERE id = :id", id=item_id) == [
        (f"Заголовок {winner}", 2)
    ]
