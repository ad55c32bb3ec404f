"""The account page's tokens: a new token is shown once and stored only as a hash; a revoked
token is refused; nobody revokes another user's token."""

import re

import sqlalchemy as sa

from tests.conftest import csrf_token

TOKEN_RE = re.compile(r'<code class="token">(mpt_[A-Za-z0-9_-]+)</code>')


def stored_tokens(app, db):
    from mediaplan.users.models import ApiToken

    with app.app_context():
        db.session.expire_all()
        return list(db.session.scalars(sa.select(ApiToken).order_by(ApiToken.id)))


def create(client, name="ministry portal"):
    token = csrf_token(client, "/account/tokens/")
    return client.post(
        "/account/tokens/", data={"csrf_token": token, "name": name}, follow_redirects=True
    )


def test_a_new_token_is_shown_once_and_stored_hashed(client, login_as, app, db):
    login_as("press_officer")
    page = create(client).get_data(as_text=True)
    (secret,) = TOKEN_RE.findall(page)
    (token,) = stored_tokens(app, db)
    assert token.name == "ministry portal"
    assert token.token_hash != secret and len(token.token_hash) == 64
    assert secret.startswith(token.prefix)
    assert secret not in client.get("/account/tokens/").get_data(as_text=True)
    response = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200


def test_a_token_needs_a_name(client, login_as, app, db):
    login_as("press_officer")
    response = create(client, name="   ")
    assert response.status_code == 200
    assert not TOKEN_RE.search(response.get_data(as_text=True))
    assert stored_tokens(app, db) == []


def test_a_revoked_token_is_refused(client, login_as, post, app, db):
    login_as("coordinator")
    (secret,) = TOKEN_RE.findall(create(client).get_data(as_text=True))
    (token,) = stored_tokens(app, db)
    response = post(f"/account/tokens/{token.id}/revoke")
    assert response.status_code == 302
    (token,) = stored_tokens(app, db)
    assert token.revoked_at is not None
    response = client.get("/api/v1/plans", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401


def test_another_users_token_cannot_be_revoked(client, login_as, post, make_user, app, db):
    from mediaplan.users.models import User
    from mediaplan.users.tokens import create_token

    owner = make_user("coordinator")
    with app.app_context():
        token, _secret = create_token(db.session.get(User, owner.id), "owner's")
        db.session.commit()
        token_id = token.id
    login_as("admin")
    assert post(f"/account/tokens/{token_id}/revoke").status_code == 403
    (token,) = stored_tokens(app, db)
    assert token.revoked_at is None


def test_revoking_needs_the_csrf_token(client, login_as, make_token, app, db):
    user = login_as("coordinator")
    make_token(user)
    (token,) = stored_tokens(app, db)
    assert client.post(f"/account/tokens/{token.id}/revoke").status_code == 400
    assert stored_tokens(app, db)[0].revoked_at is None
