"""Sessions end on the server: at logout, at a password change, when an admin ends them, after
a time without use and after an absolute lifetime; and the account rules around them."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine

from mediaplan.db import utcnow
from tests.conftest import PASSWORD, log_in_browser

pytestmark = pytest.mark.usefixtures("english")

NEW_PASSWORD = "a brand new secret"


def sessions_of(app, db, user):
    from mediaplan.users.models import UserSession

    with app.app_context():
        query = sa.select(UserSession).where(UserSession.user_id == user.id).order_by("id")
        return list(db.session.scalars(query))


def other_browser(app, user):
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    log_in_browser(app, browser, user)
    return browser


def test_logout_ends_the_session_on_the_server(app, db, client, login_as, post):
    user = login_as("viewer")
    with client.session_transaction() as session:
        kept = dict(session)
    assert post("/logout").status_code == 302
    (session_row,) = sessions_of(app, db, user)
    assert session_row.ended_at is not None and session_row.end_reason == "logout"
    replayed = app.test_client()
    with replayed.session_transaction() as session:
        session.update(kept)
    assert replayed.get("/plan").status_code == 302


def test_a_session_ends_after_its_idle_time(app, db, client, login_as):
    user = login_as("viewer")
    other = other_browser(app, user)
    idle = app.config["SESSION_LIFETIME_SECONDS"]
    with time_machine.travel(utcnow() + timedelta(seconds=idle + 60)):
        assert client.get("/plan").status_code == 302
    with time_machine.travel(utcnow() + timedelta(seconds=idle - 60)):
        assert other.get("/plan").status_code == 200


def test_a_session_used_all_day_ends_at_its_absolute_lifetime(app, db, client, login_as):
    user = login_as("viewer")
    absolute = app.config["SESSION_ABSOLUTE_SECONDS"]
    started = utcnow()
    # Used every hour, as in a working day: each use is noted, so it never goes idle.
    for hour in range(1, absolute // 3600):
        with time_machine.travel(started + timedelta(hours=hour)):
            _use_and_note(app, db, client, user)
    with time_machine.travel(started + timedelta(seconds=absolute + 60)):
        assert client.get("/plan").status_code == 302


def _use_and_note(app, db, client, user):
    from mediaplan.users.models import UserSession

    assert client.get("/plan").status_code == 200
    with app.app_context():
        row = db.session.scalar(sa.select(UserSession).where(UserSession.user_id == user.id))
        db.session.refresh(row)
        assert utcnow() - row.last_seen_at < timedelta(minutes=1)


def test_last_use_is_noted_at_most_once_a_minute(app, db, client, login_as):
    user = login_as("viewer")
    (before,) = sessions_of(app, db, user)
    assert client.get("/plan").status_code == 200
    (after_first,) = sessions_of(app, db, user)
    assert after_first.last_seen_at == before.last_seen_at
    with time_machine.travel(utcnow() + timedelta(seconds=90)):
        assert client.get("/plan").status_code == 200
    (later,) = sessions_of(app, db, user)
    assert later.last_seen_at > before.last_seen_at


def test_a_password_change_ends_the_other_sessions_and_says_so(app, db, client, login_as, post):
    user = login_as("viewer")
    phone = other_browser(app, user)
    response = post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Password changed." in page and "1 other session was ended." in page
    assert client.get("/plan").status_code == 200
    assert phone.get("/plan").status_code == 302
    assert [s.end_reason for s in sessions_of(app, db, user)] == ["", "password"]


def test_a_password_change_needs_the_repeated_password(app, db, login_as, post, snapshot):
    login_as("viewer")
    before = snapshot()
    response = post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": ""},
    )
    assert response.status_code == 400
    assert "This field is required." in response.get_data(as_text=True)
    assert snapshot() == before


def test_the_password_page_tells_of_live_tokens_and_can_revoke_them(
    app, db, client, login_as, post, make_token
):
    from mediaplan.users.tokens import live_token_count

    user = login_as("coordinator")
    make_token(user, "portal")
    make_token(user, "reports")
    page = client.get("/account").get_data(as_text=True)
    assert "Your 2 API tokens keep working unless you revoke them." in page
    assert 'name="revoke_tokens"' in page
    response = post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
            "revoke_tokens": "y",
        },
        follow_redirects=True,
    )
    assert "2 API tokens were revoked." in response.get_data(as_text=True)
    with app.app_context():
        assert live_token_count(user.id) == 0


def test_tokens_are_kept_unless_asked(app, db, login_as, post, make_token):
    from mediaplan.users.tokens import live_token_count

    user = login_as("coordinator")
    make_token(user, "portal")
    post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    with app.app_context():
        assert live_token_count(user.id) == 1


def test_reloading_a_failed_password_change_shows_the_account_page(client, login_as, post):
    login_as("viewer", timezone="Asia/Tashkent")
    response = post(
        "/account/password",
        data={"current_password": "wrong", "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 400
    # The saved time zone stays chosen on the page shown with the error.
    assert '<option selected value="Asia/Tashkent">' in response.get_data(as_text=True)
    assert client.get("/account/password").headers["Location"] == "/account"


def test_an_admin_ends_a_users_sessions(app, db, login_as, make_user, post, client):
    login_as("admin")
    user = make_user("press_officer")
    laptop, phone = other_browser(app, user), other_browser(app, user)
    page = client.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert "2 browsers are logged in as this user." in page
    response = post(f"/admin/users/{user.id}/sessions/end", follow_redirects=True)
    assert "2 sessions ended." in response.get_data(as_text=True)
    assert laptop.get("/plan").status_code == 302 and phone.get("/plan").status_code == 302
    assert {s.end_reason for s in sessions_of(app, db, user)} == {"admin"}


def test_only_an_admin_ends_sessions(app, db, login_as, make_user, post, snapshot):
    login_as("coordinator")
    user = make_user("viewer")
    other_browser(app, user)
    before = snapshot()
    assert post(f"/admin/users/{user.id}/sessions/end").status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("change", [{"role": "viewer"}, {"is_active": None}])
def test_the_last_active_admin_keeps_their_rights(
    app, db, login_as, agency, post, snapshot, change
):
    admin = login_as("admin")
    data = {"name": admin.name, "role": "admin", "agency_id": str(agency.id), "is_active": "y"}
    data = {k: v for k, v in (data | change).items() if v is not None}
    before = snapshot()
    response = post(f"/admin/users/{admin.id}", data=data)
    assert response.status_code == 200
    assert "Mediaplan needs an active administrator" in response.get_data(as_text=True)
    assert snapshot() == before


def test_an_admin_steps_down_once_another_is_there(app, db, login_as, make_user, agency, post):
    from mediaplan.users.models import User

    admin = login_as("admin")
    make_user("admin")
    data = {
        "name": admin.name,
        "role": "coordinator",
        "agency_id": str(agency.id),
        "is_active": "y",
    }
    assert post(f"/admin/users/{admin.id}", data=data).status_code == 302
    with app.app_context():
        assert db.session.get(User, admin.id).role == "coordinator"


def test_a_web_method_not_allowed_names_the_allowed_ones(client, login_as):
    login_as("viewer")
    response = client.get("/logout")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"] and "GET" not in response.headers["Allow"]
