"""Logging in and out: credentials, throttling counted in the database, session renewal,
safe redirects."""

import pytest
import sqlalchemy as sa

from tests.conftest import PASSWORD, csrf_token, open_session


def login(client, email, password, next_url=""):
    token = csrf_token(client, "/login")
    return client.post(
        "/login", data={"csrf_token": token, "email": email, "password": password, "next": next_url}
    )


def failures(app, db):
    from mediaplan.auth.models import LoginFailure

    with app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(LoginFailure))


def test_login_with_right_password_opens_the_plan(app, db, client, make_user):
    from mediaplan.users.models import UserSession
    from mediaplan.users.sessions import hash_session_token

    user = make_user("press_officer", email="press@example.org")
    response = login(client, "Press@Example.org ", PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/home"
    assert client.get("/plan").status_code == 200
    with client.session_transaction() as session:
        token = session["_user_id"]
    # The cookie names a session the server keeps, by a token it stores only hashed.
    with app.app_context():
        stored = db.session.scalars(sa.select(UserSession).where(UserSession.user_id == user.id))
        assert [s.token_hash for s in stored] == [hash_session_token(token)]


def test_wrong_password_and_unknown_account_get_the_same_answer(client, make_user, app, db):
    make_user(email="known@example.org")
    wrong = login(client, "known@example.org", "wrong password!")
    unknown = login(client, "nobody@example.org", "wrong password!")
    assert wrong.status_code == unknown.status_code == 200
    message = "Wrong e-mail or password."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)
    assert failures(app, db) == 2
    assert client.get("/plan").status_code == 302


def test_account_is_throttled_after_repeated_failures(client, make_user, app, db):
    make_user(email="target@example.org")
    for _ in range(5):
        assert login(client, "target@example.org", "guess guess").status_code == 200
    # Even the right password is refused while the account is throttled.
    response = login(client, "target@example.org", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed attempts" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_address_is_throttled_across_accounts(client, make_user, app, db):
    make_user(email="victim@example.org")
    for n in range(20):
        login(client, f"spray{n}@example.org", "guess guess")
    assert login(client, "victim@example.org", PASSWORD).status_code == 429


def test_failures_are_counted_in_the_database_for_every_worker(app, db, make_user):
    """Two clients stand for two workers: they share nothing but the database."""
    make_user(email="shared@example.org")
    first, second = app.test_client(), app.test_client()  # two workers
    for _ in range(3):
        login(first, "shared@example.org", "guess guess")
    for _ in range(2):
        login(second, "shared@example.org", "guess guess")
    assert login(first, "shared@example.org", PASSWORD).status_code == 429


def test_success_clears_the_account_failures(client, make_user, app, db):
    make_user(email="forgetful@example.org")
    for _ in range(4):
        login(client, "forgetful@example.org", "guess guess")
    assert login(client, "forgetful@example.org", PASSWORD).status_code == 302
    assert failures(app, db) == 0


def test_inactive_user_cannot_log_in(client, make_user):
    make_user(email="gone@example.org", is_active=False)
    assert login(client, "gone@example.org", PASSWORD).status_code == 200
    assert client.get("/plan").status_code == 302


def test_session_is_renewed_at_login(client, make_user):
    make_user(email="fixation@example.org")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    login(client, "fixation@example.org", PASSWORD)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert "_user_id" in session


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/plan?status=done", "/plan?status=done"),
        ("https://evil.example/", "/home"),
        ("//evil.example/", "/home"),
        ("/\\evil.example", "/home"),
        ("javascript:alert(1)", "/home"),
        ("http:/evil.example", "/home"),
    ],
)
def test_next_never_leaves_the_site(client, make_user, next_url, expected):
    make_user(email="next@example.org")
    response = login(client, "next@example.org", PASSWORD, next_url=next_url)
    assert response.headers["Location"] == expected


def test_login_without_csrf_token_is_refused(client, make_user):
    make_user(email="csrf@example.org")
    response = client.post("/login", data={"email": "csrf@example.org", "password": PASSWORD})
    assert response.status_code == 400
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_logout_ends_the_session(client, login_as, post):
    login_as("viewer")
    assert post("/logout").status_code == 302
    assert client.get("/plan").status_code == 302


def test_protected_page_redirects_to_login_with_next(client):
    response = client.get("/plan?status=done")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_password_change_ends_other_sessions(app, db, client, login_as, post):
    from mediaplan.users.models import User

    user = login_as("viewer")
    other_device = app.test_client()
    with other_device.session_transaction() as session:
        session["_user_id"] = open_session(app, user)
    response = post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "a brand new secret",
            "confirm": "a brand new secret",
        },
    )
    assert response.status_code == 302
    assert client.get("/plan").status_code == 200
    assert other_device.get("/plan").status_code == 302
    with app.app_context():
        assert db.session.get(User, user.id).check_password("a brand new secret")
