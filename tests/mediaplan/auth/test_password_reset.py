"""Password reset links: asked for from the login page or sent by an administrator, they go
through the outbox in the recipient's language, work once and for a limited time, are stored
hashed, end every session of their user; asking is limited like logging in and never tells
whether an address has an account."""

import hashlib
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
import time_machine

from mediaplan.db import utcnow
from tests.conftest import PASSWORD, csrf_token, log_in_browser

pytestmark = pytest.mark.usefixtures("english")

NEW_PASSWORD = "a brand new secret"
LINK = re.compile(r"^(\S+)/password/reset/(\S+)$", re.MULTILINE)
SAME_ANSWER = "If an account exists for this address, a link to set a new password is on its way."


def rows(app, db, model_name: str, **where) -> list:
    from mediaplan.auth.models import PasswordResetLink, PasswordResetRequest
    from mediaplan.notifications.models import OutboxMessage

    model = {
        "links": PasswordResetLink,
        "requests": PasswordResetRequest,
        "outbox": OutboxMessage,
    }[model_name]
    with app.app_context():
        db.session.expire_all()
        query = sa.select(model).filter_by(**where).order_by(model.id)
        return list(db.session.scalars(query))


def ask(post, email: str, **kwargs):
    return post("/password/forgot", {"email": email}, **kwargs)


def token_in(message) -> str:
    (match,) = LINK.finditer(message.body)
    return match.group(2)


def use(client, post, token: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    """Open the link, then send the new password from the page it leads to."""
    opened = client.get(f"/password/reset/{token}")
    assert opened.status_code == 302
    data = {"new_password": password, "confirm": password if confirm is None else confirm}
    return post("/password/reset", data)


def other_browser(app, user):
    browser = app.test_client()
    log_in_browser(app, browser, user)
    return browser


def user_row(app, db, user):
    from mediaplan.users.models import User

    with app.app_context():
        db.session.expire_all()
        return db.session.get(User, user.id)


def test_the_login_page_leads_to_the_request_form(client):
    login = client.get("/login").get_data(as_text=True)
    assert 'href="/password/forgot"' in login
    form = client.get("/password/forgot")
    assert form.status_code == 200
    assert 'name="email"' in form.get_data(as_text=True)


def test_known_and_unknown_addresses_get_the_same_answer(app, db, client, post, make_user):
    user = make_user("press_officer", email="known@example.org")
    known = ask(post, "Known@Example.org ", follow_redirects=True)
    unknown = ask(post, "nobody@example.org", follow_redirects=True)

    assert known.request.path == unknown.request.path == "/login"
    assert SAME_ANSWER in known.text
    # The two pages differ in nothing but their CSRF tokens.
    assert without_csrf(known.text) == without_csrf(unknown.text)
    # Both requests count; only the account gets a link, and a message that carries it.
    accounts = [r.account for r in rows(app, db, "requests")]
    assert accounts == ["known@example.org", "nobody@example.org"]
    (link,) = rows(app, db, "links")
    (message,) = rows(app, db, "outbox")
    assert (link.user_id, link.sent_by_id, message.recipient_id) == (user.id, None, user.id)


def without_csrf(page: str) -> str:
    """The page without the values of its CSRF tokens (every form's, the header's too): they
    are signed with the second they are made in."""
    return re.sub(r'(name="csrf_token"[^>]*value=)"[^"]+"', r"\1", page)


def test_the_link_is_absolute_and_its_token_is_stored_only_hashed(
    app, db, post, make_user, monkeypatch
):
    monkeypatch.setitem(app.config, "BASE_URL", "https://plan.example.kg/")
    make_user(email="known@example.org")
    ask(post, "known@example.org")

    (message,) = rows(app, db, "outbox")
    (match,) = LINK.finditer(message.body)
    assert match.group(1) == "https://plan.example.kg"
    token = match.group(2)
    (link,) = rows(app, db, "links")
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str({c.name: getattr(link, c.name) for c in link.__table__.columns})
    assert timedelta(minutes=59) < link.expires_at - link.created_at <= timedelta(hours=1)


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_the_message_speaks_the_recipients_language(app, db, post, make_user, message, language):
    make_user(email="known@example.org", locale=language)
    ask(post, "known@example.org")

    (mail,) = rows(app, db, "outbox")
    assert mail.language == language
    expected = message("Your link to set a new Mediaplan password", language)
    assert mail.subject == expected
    opening = (
        "Someone, probably you, asked for a link to set a new password for your Mediaplan "
        "account %(email)s."
    )
    assert message(opening, language, email="known@example.org") in mail.body
    # Signed with the name of the application in the language of the message.
    assert mail.body.rstrip().endswith(message("Mediaplan", language))


def test_an_inactive_user_gets_nothing(app, db, client, post, make_user):
    make_user(email="gone@example.org", is_active=False)
    inactive = ask(post, "gone@example.org", follow_redirects=True)
    unknown = ask(post, "nobody@example.org", follow_redirects=True)

    assert without_csrf(inactive.text) == without_csrf(unknown.text)
    assert SAME_ANSWER in inactive.text
    assert rows(app, db, "links") == [] and rows(app, db, "outbox") == []


def test_the_link_sets_a_new_password_once_and_ends_every_session(app, db, client, post, make_user):
    from mediaplan.users.models import UserSession

    user = make_user("coordinator", email="known@example.org")
    laptop, phone = other_browser(app, user), other_browser(app, user)
    ask(post, "known@example.org")
    ask(post, "known@example.org")
    first, second = (token_in(m) for m in rows(app, db, "outbox"))

    opened = client.get(f"/password/reset/{first}")
    # The token leaves the address bar: the form's address carries none.
    assert opened.location == "/password/reset"
    assert 'name="new_password"' in client.get("/password/reset").get_data(as_text=True)
    response = use(client, post, first)

    assert response.status_code == 302 and response.location == "/login"
    assert user_row(app, db, user).check_password(NEW_PASSWORD)
    assert laptop.get("/plan").status_code == 302 and phone.get("/plan").status_code == 302
    with app.app_context():
        reasons = db.session.scalars(
            sa.select(UserSession.end_reason).where(UserSession.user_id == user.id)
        ).all()
    assert reasons == ["password", "password"]
    assert [link.end_reason for link in rows(app, db, "links")] == ["used", "password"]
    # Neither link works any more: the one used, nor the other one.
    for token in (first, second):
        again = use(client, post, token, "yet another password")
        assert again.status_code == 404
        assert "This link no longer works" in again.get_data(as_text=True)
    assert user_row(app, db, user).check_password(NEW_PASSWORD)
    logged_in = post("/login", {"email": "known@example.org", "password": NEW_PASSWORD})
    assert logged_in.status_code == 302
    with client.session_transaction() as session:
        assert "_user_id" in session


def test_an_expired_link_sets_nothing(app, db, client, post, make_user, snapshot):
    user = make_user(email="known@example.org")
    ask(post, "known@example.org")
    (mail,) = rows(app, db, "outbox")
    lifetime = app.config["PASSWORD_RESET_LINK_SECONDS"]

    with time_machine.travel(utcnow() + timedelta(seconds=lifetime - 60)):
        client.get(f"/password/reset/{token_in(mail)}")
        assert client.get("/password/reset").status_code == 200
    before = snapshot()
    with time_machine.travel(utcnow() + timedelta(seconds=lifetime + 60)):
        response = use(client, post, token_in(mail))
    assert response.status_code == 404
    assert snapshot() == before
    assert user_row(app, db, user).check_password(PASSWORD)


@pytest.mark.parametrize(
    ("password", "confirm", "expected"),
    [
        ("short", "short", ("Use at least %(n)d characters.", {"n": 10})),
        (NEW_PASSWORD, "something else", ("The passwords differ.", {})),
        (NEW_PASSWORD, "", ("This field is required.", {})),
    ],
)
def test_the_new_password_follows_the_password_rules(
    app, db, client, post, make_user, snapshot, message, password, confirm, expected
):
    from mediaplan.auth.resets import live_link

    make_user(email="known@example.org")
    ask(post, "known@example.org")
    token = token_in(rows(app, db, "outbox")[0])
    before = snapshot()

    response = use(client, post, token, password, confirm)

    assert response.status_code == 200
    msgid, params = expected
    assert message(msgid, **params) in response.get_data(as_text=True)
    assert snapshot() == before
    with app.app_context():
        assert live_link(token) is not None


def test_the_password_is_hashed_with_no_transaction_open(
    app, db, client, post, make_user, monkeypatch
):
    from mediaplan.auth import views
    from mediaplan.extensions import db as _db

    make_user(email="known@example.org")
    ask(post, "known@example.org")
    token = token_in(rows(app, db, "outbox")[0])
    seen, real = [], views.new_password_hash

    def hashing(password):
        seen.append(_db.session().in_transaction())
        return real(password)

    monkeypatch.setattr(views, "new_password_hash", hashing)
    assert use(client, post, token).status_code == 302
    assert seen == [False]


@pytest.mark.parametrize("known", [True, False], ids=["known", "unknown"])
def test_asking_is_limited_per_account(app, db, client, post, make_user, snapshot, known):
    if known:
        make_user(email="target@example.org")
    limit = app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    for _ in range(limit):
        assert ask(post, "Target@example.org").status_code == 302
    before = snapshot()

    refused = ask(post, "target@example.org")

    assert refused.status_code == 429
    assert "Too many requests." in refused.get_data(as_text=True)
    assert snapshot() == before
    assert len(rows(app, db, "links")) == (limit if known else 0)


def test_asking_is_limited_per_address_across_accounts(app, db, post, make_user, snapshot):
    make_user(email="victim@example.org")
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"]):
        assert ask(post, f"spray{n}@example.org").status_code == 302
    before = snapshot()

    assert ask(post, "victim@example.org").status_code == 429
    assert snapshot() == before


def test_failed_logins_do_not_limit_asking_for_a_link(app, db, post, make_user):
    make_user(email="forgetful@example.org")
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        post("/login", {"email": "forgetful@example.org", "password": "guess guess"})
    assert ask(post, "forgetful@example.org").status_code == 302


def test_a_new_password_lets_a_throttled_account_log_in(app, db, client, post, make_user):
    make_user(email="forgetful@example.org")
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        post("/login", {"email": "forgetful@example.org", "password": "guess guess"})
    assert post("/login", {"email": "forgetful@example.org", "password": PASSWORD}).status_code == (
        429
    )
    ask(post, "forgetful@example.org")
    use(client, post, token_in(rows(app, db, "outbox")[0]))

    response = post("/login", {"email": "forgetful@example.org", "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_a_link_read_as_live_by_two_requests_sets_one_password(ctx, db, make_user, monkeypatch):
    """Both requests found the link live before either used it: the conditional update lets
    only the first set its password."""
    from mediaplan.auth import resets
    from mediaplan.users.models import User

    user = db.session.get(User, make_user(email="known@example.org").id)
    settings = resets.ResetSettings(timedelta(hours=1), "http://x/password/reset/", "en")
    resets.send_reset_link(user, settings=settings)
    (message,) = user_messages(db, user)
    token = token_in(message)
    read_by_both = resets.live_link(token)

    assert resets.reset_password(token, "first hash") is not None
    monkeypatch.setattr(resets, "live_link", lambda token, now=None: read_by_both)
    assert resets.reset_password(token, "second hash") is None
    db.session.refresh(user)
    assert user.password_hash == "first hash"


def user_messages(db, user):
    from mediaplan.notifications.models import OutboxMessage

    return db.session.scalars(sa.select(OutboxMessage).filter_by(recipient_id=user.id)).all()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/password/forgot", {"email": "known@example.org"}),
        ("/password/reset", {"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD}),
    ],
)
def test_the_public_forms_need_the_csrf_token(
    app, db, client, post, make_user, snapshot, path, data
):
    make_user(email="known@example.org")
    ask(post, "known@example.org")
    client.get(f"/password/reset/{token_in(rows(app, db, 'outbox')[0])}")
    before = snapshot()

    assert client.post(path, data=data).status_code == 400
    assert snapshot() == before


def test_a_page_without_a_link_or_with_a_forged_one_sets_nothing(client, post, snapshot):
    before = snapshot()
    assert client.get("/password/reset").status_code == 404
    assert use(client, post, "forged-token").status_code == 404
    assert use(client, post, "x" * 5000).status_code == 404
    assert snapshot() == before


def test_an_admin_sends_a_link_from_the_users_page(app, db, client, login_as, make_user, post):
    admin = login_as("admin", name="Aigul Admin")
    user = make_user("trainer", email="trainer@example.org", locale="en")
    page = client.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert f'action="/admin/users/{user.id}/password-reset"' in page

    response = post(f"/admin/users/{user.id}/password-reset", follow_redirects=True)

    assert "A link to set a new password was sent to trainer@example.org." in response.text
    (link,) = rows(app, db, "links")
    assert (link.user_id, link.sent_by_id) == (user.id, admin.id)
    (mail,) = rows(app, db, "outbox")
    assert mail.recipient_id == user.id
    assert "Aigul Admin, an administrator of Mediaplan, sent you a link" in mail.body
    # The admin's link works like any other, in the user's browser.
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    browser.get(f"/password/reset/{token_in(mail)}")
    data = {
        "csrf_token": csrf_token(browser, "/password/reset"),
        "new_password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD,
    }
    assert browser.post("/password/reset", data=data).status_code == 302
    assert user_row(app, db, user).check_password(NEW_PASSWORD)


def test_an_inactive_user_gets_no_link_from_an_admin(
    app, db, client, login_as, make_user, post, snapshot
):
    login_as("admin")
    user = make_user("trainer", is_active=False)
    page = client.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert "An inactive user gets no link to set a new password." in page
    assert f'action="/admin/users/{user.id}/password-reset"' not in page
    before = snapshot()

    response = post(f"/admin/users/{user.id}/password-reset", follow_redirects=True)

    assert "An inactive user gets no link to set a new password." in response.text
    assert snapshot() == before


def test_a_link_of_a_user_deactivated_since_works_no_more(
    app, db, client, login_as, make_user, post, agency
):
    user = make_user("viewer", email="leaver@example.org")
    ask(post, "leaver@example.org")
    token = token_in(rows(app, db, "outbox")[0])
    login_as("admin")
    data = {"name": user.name, "role": "viewer", "agency_id": str(agency.id)}
    assert post(f"/admin/users/{user.id}", data).status_code == 302

    assert use(client, post, token).status_code == 404
    assert user_row(app, db, user).check_password(PASSWORD)


def test_the_daily_purge_deletes_old_reset_records(app, db, runner, post, make_user):
    make_user(email="known@example.org")
    ask(post, "known@example.org")
    ask(post, "nobody@example.org")
    purge = {"args": ["jobs", "run", "auth.purge_login_failures"], "env": {"LANGUAGE": "en"}}
    assert "0 password reset records purged" in runner.invoke(**purge).output

    # The requests stop counting after the window, the link is kept 90 days.
    with time_machine.travel(utcnow() + timedelta(days=1)):
        assert "2 password reset records purged" in runner.invoke(**purge).output
    assert len(rows(app, db, "links")) == 1
    with time_machine.travel(utcnow() + timedelta(days=91)):
        assert "1 password reset record purged" in runner.invoke(**purge).output
    assert rows(app, db, "links") == []


def test_the_notifications_page_never_shows_the_link(app, db, post, make_user):
    # Whoever holds a session of the user (a shared computer, a stolen cookie) must not find
    # there the way to take the account over.
    user = make_user("trainer", email="trainer@example.org", locale="en")
    assert ask(post, "trainer@example.org").status_code == 302
    (mail,) = rows(app, db, "outbox")
    browser = other_browser(app, user)
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = browser.get("/notifications/").get_data(as_text=True)
    assert "Your link to set a new Mediaplan password" in page
    assert "A link to set a new password was sent to trainer@example.org." in page
    assert token_in(mail) not in page and "/password/reset/" not in page
