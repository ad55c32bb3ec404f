"""The audit log through the web: the user and agency pages show their history in the
reader's language; refused or failed changes log nothing; no password or hash is ever logged;
and no route changes or deletes what the log says."""

import json

import pytest
from werkzeug.routing import BuildError

from mediaplan.extensions import db as _db
from tests.conftest import csrf_token, log_in_browser, open_session
from tests.mediaplan.conftest import user_form as new_user_form

NEW_PASSWORD = "a brand new secret"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
AGENCY = {
    "code": "own",
    "kind": "state_body",
    "is_active": True,
    **{f"{name}_{lang}": "" for name in ("name", "abbreviation") for lang in ("ky", "ru", "en")},
    "name_ru": "Ведомство",
}


@pytest.fixture
def admin(login_as):
    return login_as("admin", name="Айбек Осмонов")


def history_section(page: str) -> str:
    start = page.index('id="history"')
    return page[start : page.index("</section>", start)]


def user_form(agency, **changes) -> dict:
    return new_user_form(agency, **({"email": "aida@example.org", "name": "Аида Бекова"} | changes))


def find_user(app, email):
    import sqlalchemy as sa

    from mediaplan.users.models import User

    with app.app_context():
        return _db.session.scalar(sa.select(User).where(User.email == email))


def test_the_user_page_shows_its_history_in_kyrgyz(
    admin, agency, other_agency, app, client, post, message
):
    assert post("/admin/users/new", user_form(agency)).status_code == 302
    user = find_user(app, "aida@example.org")
    edited = user_form(other_agency, role="press_officer", is_active=None, password=None)
    assert post(f"/admin/users/{user.id}", edited).status_code == 302

    page = client.get(f"/admin/users/{user.id}", headers={"Accept-Language": "ky"})
    shown = history_section(page.get_data(as_text=True))

    assert "Өзгөрүүлөр тарыхы" in shown
    # Newest first: the deactivation, then the creation, each by the admin.
    assert shown.index(message("Deactivated", "ky")) < shown.index(message("Added", "ky"))
    assert shown.count("Айбек Осмонов") == 2
    assert "Ролу: Тренер → Басма сөз катчысы" in shown
    assert f"Мекеме: {agency.name_ky} → {other_agency.name_ky}" in shown
    yes, no = message("yes", "ky"), message("no", "ky")
    assert f"Активдүү: {yes} → {no}" in shown
    # The creation lists what the user was given, and no field by its code name.
    assert "Электрондук почта: aida@example.org" in shown
    assert "Аты: Аида Бекова" in shown
    for raw in ("agency_id", "is_active", "role", "trainer", "password"):
        assert raw not in shown


def test_the_agency_page_shows_its_history_in_kyrgyz(admin, app, client, post):
    import sqlalchemy as sa

    from mediaplan.agencies.models import Agency

    data = {"code": "culture", "kind": "state_body", "name_ru": "Минкультуры", "is_active": "y"}
    assert post("/admin/agencies/new", data).status_code == 302
    with app.app_context():
        agency_id = _db.session.scalar(sa.select(Agency.id).where(Agency.code == "culture"))
    changed = data | {"kind": "ngo", "name_ru": "Министерство культуры"}
    assert post(f"/admin/agencies/{agency_id}", changed).status_code == 302

    page = client.get(f"/admin/agencies/{agency_id}", headers={"Accept-Language": "ky"})
    shown = history_section(page.get_data(as_text=True))

    assert "Түрү: Мамлекеттик орган → Өкмөттүк эмес уюм" in shown
    assert "Аталышы (орусча): Минкультуры → Министерство культуры" in shown
    assert "Код: culture" in shown
    assert shown.count("Айбек Осмонов") == 2
    assert "state_body" not in shown and "name_ru" not in shown


def test_a_new_record_has_an_empty_history(admin, make_user, client, message):
    user = make_user("viewer")

    shown = history_section(client.get(f"/admin/users/{user.id}").get_data(as_text=True))

    assert message("No changes recorded yet.") in shown


def test_no_password_or_hash_ever_reaches_the_log(admin, agency, app, client, post, log_rows):
    from mediaplan.users.models import User

    assert post("/admin/users/new", user_form(agency)).status_code == 302
    user = find_user(app, "aida@example.org")
    created_hash = user.password_hash
    browser = app.test_client()
    log_in_browser(app, browser, user)
    response = browser.post(
        "/account/password",
        data={
            "csrf_token": csrf_token(browser, "/account"),
            "current_password": "a long enough password",
            "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert post(f"/admin/users/{user.id}/sessions/end").status_code == 302
    assert post(f"/admin/users/{user.id}", user_form(agency, role="viewer")).status_code == 302
    with app.app_context():
        changed_hash = _db.session.get(User, user.id).password_hash

    rows = log_rows()

    assert [(row["action"], row["actor_id"]) for row in rows] == [
        ("created", admin.id),
        ("password_changed", user.id),
        ("sessions_ended", admin.id),
        ("edited", admin.id),
    ]
    stored = " ".join(row["changes_text"] + json.dumps(row["changes"]) for row in rows)
    for secret in ("a long enough password", NEW_PASSWORD, created_hash, changed_hash):
        assert secret not in stored
    for word in ("password", "scrypt", "pbkdf2", "hash"):
        assert word not in stored


REFUSED = {
    "not-an-admin-edits": ("coordinator", "/admin/users/{user}", {"role": "admin"}, 403),
    "not-an-admin-creates": ("press_officer", "/admin/users/new", {}, 403),
    "not-an-admin-ends-sessions": ("coordinator", "/admin/users/{user}/sessions/end", {}, 403),
    "not-an-admin-edits-an-agency": ("trainer", "/admin/agencies/{agency}", {}, 403),
    "unknown-role": ("admin", "/admin/users/{user}", {"role": "owner"}, 200),
    "no-name": ("admin", "/admin/users/{user}", {"name": ""}, 200),
    "taken-email": ("admin", "/admin/users/new", {"email": "taken@example.org"}, 200),
    "bad-agency-code": ("admin", "/admin/agencies/{agency}", {"code": "Bad Code"}, 200),
}


@pytest.mark.parametrize(
    ("role", "path", "changes", "status"),
    [pytest.param(*case, id=name) for name, case in REFUSED.items()],
)
def test_a_refused_change_logs_nothing(
    role, path, changes, status, app, login_as, make_user, agency, post, log_rows
):
    login_as(role)
    user = make_user("trainer", email="taken@example.org")
    # A session an administrator's "end sessions" would end, and log.
    open_session(app, user)
    base = (
        {"code": "own", "kind": "state_body", "name_ru": "Ведомство", "is_active": "y"}
        if "agencies" in path
        else user_form(agency, email="new@example.org", role="viewer")
    )

    response = post(path.format(user=user.id, agency=agency.id), base | changes)

    assert response.status_code == status
    assert log_rows() == []


def test_a_change_that_fails_later_in_the_request_leaves_no_entry(
    admin, make_user, agency, app, post, log_rows, monkeypatch
):
    """The entry is written in the change's transaction: when something after the service
    fails, the rollback takes the entry with the change."""
    from mediaplan.users import service
    from mediaplan.users.models import User

    user = make_user("trainer")
    update_user = service.update_user

    def update_then_fail(*args, **kwargs):
        update_user(*args, **kwargs)
        raise RuntimeError("the next step failed")

    monkeypatch.setattr(service, "update_user", update_then_fail)
    response = post(f"/admin/users/{user.id}", user_form(agency, role="viewer"))

    assert response.status_code == 500
    assert log_rows() == []
    with app.app_context():
        assert _db.session.get(User, user.id).role == "trainer"


def test_the_audit_package_serves_no_page(app):
    modules = {view.__module__ for view in app.view_functions.values()}

    assert modules, "no views at all: the check would see nothing"
    assert not [module for module in modules if module.startswith("mediaplan.audit")]


def test_no_route_changes_or_deletes_an_entry(
    app, client, make_user, agency, make_token, log_rows, login_as
):
    """Every route that accepts a writing method, called by an administrator with a form and
    with JSON, on a user and an agency with a history: entries may be added, never altered."""
    from mediaplan.agencies.service import save_agency
    from mediaplan.users.service import update_user

    admin = login_as("admin")
    user = make_user("trainer", agency=agency)
    with app.app_context():
        from mediaplan.agencies.models import Agency
        from mediaplan.users.models import User

        target = _db.session.get(User, user.id)
        update_user(
            target, name="X", role="viewer", agency_id=agency.id, is_active=True, actor_id=admin.id
        )
        save_agency(
            _db.session.get(Agency, agency.id),
            AGENCY | {"kind": "ngo"},
            actor_id=admin.id,
        )
        _db.session.commit()
    before = {row["id"]: row for row in log_rows()}
    assert len(before) == 2
    bearer = {"Authorization": f"Bearer {make_token(admin)}"}
    adapter = app.url_map.bind("localhost")
    called = set()

    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & WRITE_METHODS):
            # Every id in the URL names the user or the agency with the history.
            values = {name: user.id if "user" in name else agency.id for name in rule.arguments}
            try:
                url = adapter.build(rule.endpoint, values, method=method)
            except BuildError:
                continue
            log_in_browser(app, client, admin)
            form = {"csrf_token": csrf_token(client, "/account")}
            client.open(url, method=method, data=form, headers=bearer)
            client.open(url, method=method, json={}, headers=bearer)
            called.add(rule.endpoint)

    after = {row["id"]: row for row in log_rows()}
    # The sweep reached the admin pages that do write, and their entries came on top.
    assert {"users.edit", "users.end_sessions", "agencies.edit"} <= called
    assert {entry_id: after.get(entry_id) for entry_id in before} == before
