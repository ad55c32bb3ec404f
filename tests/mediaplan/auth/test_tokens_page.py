"""The API tokens page: how to send a token, in every language; a new token's secret shown once
after a redirect, so that reloading makes no second token; revoking only after a confirmation
that needs no script."""

import re

import pytest
import sqlalchemy as sa

from tests.conftest import csrf_token, log_in_browser

SECRET = re.compile(r'<code class="token">(mpt_[A-Za-z0-9_-]+)</code>')
HOW_TO_SEND = (
    "A token lets a partner system use the API at /api/v1/ with your rights. "
    "Send it as “%(header)s”."
)


def tokens(app, db) -> list:
    from mediaplan.users.models import ApiToken

    with app.app_context():
        db.session.expire_all()
        return list(db.session.scalars(sa.select(ApiToken).order_by(ApiToken.id)))


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_the_page_says_how_to_send_a_token(client, login_as, message, language):
    login_as("press_officer", locale=language)
    page = client.get("/account/tokens/").get_data(as_text=True)

    assert "Authorization: Bearer &lt;token&gt;" in page
    assert message(HOW_TO_SEND, language, header="Authorization: Bearer <token>") in page


def test_a_new_token_is_shown_once_and_reloading_makes_no_second(app, db, client, login_as, post):
    login_as("coordinator")

    created = post("/account/tokens/", {"name": "ministry portal"})

    assert created.status_code == 302 and created.location == "/account/tokens/"
    assert "mpt_" not in created.location
    shown = client.get("/account/tokens/").get_data(as_text=True)
    (secret,) = SECRET.findall(shown)
    assert "Copy the token now: it will not be shown again." in shown
    # Reloading the page is a GET: it neither shows the secret again nor makes a token.
    reloaded = client.get("/account/tokens/").get_data(as_text=True)
    assert secret not in reloaded and not SECRET.search(reloaded)
    (token,) = tokens(app, db)
    assert secret.startswith(token.prefix) and token.name == "ministry portal"
    api = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"})
    assert api.status_code == 200


def test_the_secret_waits_in_no_other_browser(app, db, client, login_as, post):
    user = login_as("coordinator")
    other = app.test_client()
    log_in_browser(app, other, user)
    post("/account/tokens/", {"name": "ministry portal"})

    assert not SECRET.search(other.get("/account/tokens/").get_data(as_text=True))
    assert SECRET.search(client.get("/account/tokens/").get_data(as_text=True))


def test_a_token_without_a_name_is_refused_on_the_page(app, db, client, login_as, post):
    login_as("coordinator")
    response = post("/account/tokens/", {"name": "   "})

    assert response.status_code == 200
    assert "This field is required." in response.get_data(as_text=True)
    assert tokens(app, db) == []


def test_revoking_asks_first_on_a_page_of_its_own(app, db, client, login_as, post, make_token):
    user = login_as("coordinator")
    make_token(user, "ministry portal")
    (token,) = tokens(app, db)
    listing = client.get("/account/tokens/").get_data(as_text=True)
    # The list links to the question; it has no form that revokes at once.
    assert f'href="/account/tokens/{token.id}/revoke"' in listing
    assert f'action="/account/tokens/{token.id}/revoke"' not in listing

    question = client.get(f"/account/tokens/{token.id}/revoke")

    assert question.status_code == 200
    page = question.get_data(as_text=True)
    assert "Revoke the token “ministry portal”?" in page
    assert f'action="/account/tokens/{token.id}/revoke"' in page and "<script" not in page
    assert tokens(app, db)[0].revoked_at is None

    confirmed = post(f"/account/tokens/{token.id}/revoke", follow_redirects=True)

    assert "Token revoked." in confirmed.get_data(as_text=True)
    assert tokens(app, db)[0].revoked_at is not None
    assert client.get(f"/account/tokens/{token.id}/revoke").location == "/account/tokens/"


def test_nobody_sees_the_question_for_anothers_token(
    app, db, client, login_as, make_user, make_token
):
    owner = make_user("coordinator")
    make_token(owner)
    (token,) = tokens(app, db)
    login_as("admin")

    assert client.get(f"/account/tokens/{token.id}/revoke").status_code == 403
    assert client.get("/account/tokens/987654/revoke").status_code == 404


def test_the_confirmation_needs_the_csrf_token(app, db, client, login_as, make_token):
    user = login_as("coordinator")
    make_token(user)
    (token,) = tokens(app, db)
    csrf_token(client, f"/account/tokens/{token.id}/revoke")

    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 400
    assert tokens(app, db)[0].revoked_at is None
