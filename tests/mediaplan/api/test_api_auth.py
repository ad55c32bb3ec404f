"""Bearer tokens are the only way into the API: every refusal is a JSON 401 with a challenge,
a session cookie opens nothing, and no cookie is handed out."""

import pytest

URL = "/api/v1/plan-items"


def revoke(app, db, user):
    from mediaplan.users.models import User
    from mediaplan.users.tokens import revoke_token, tokens_of

    with app.app_context():
        for token in tokens_of(db.session.get(User, user.id)):
            revoke_token(token)
        db.session.commit()


def deactivate(app, db, user):
    from mediaplan.users.models import User

    with app.app_context():
        db.session.get(User, user.id).is_active = False
        db.session.commit()


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer   ",
        "Basic dXNlcjpwYXNz",
        "Token mpt_abc",
        "Bearer mpt_not-a-real-token",
        "Bearer not-even-our-prefix",
        "Bearer mpt_" + "x" * 500,
    ],
    ids=repr,
)
def test_missing_malformed_or_unknown_token_gets_401(client, header):
    headers = {} if header is None else {"Authorization": header}
    response = client.get(URL, headers=headers)
    assert response.status_code == 401
    assert response.json["code"] == 401
    assert response.json["message"] == "A valid API token is required."
    assert response.headers["WWW-Authenticate"].startswith("Bearer ")


@pytest.mark.parametrize("how", [revoke, deactivate], ids=["revoked", "user deactivated"])
def test_token_stops_working(client, bearer, app, db, how):
    user, headers = bearer("coordinator")
    assert client.get(URL, headers=headers).status_code == 200
    how(app, db, user)
    response = client.get(URL, headers=headers)
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_every_operation_needs_a_token(client, make_item):
    item = make_item()
    for method, url in [
        ("get", URL),
        ("post", URL),
        ("get", f"{URL}/{item.id}"),
        ("patch", f"{URL}/{item.id}"),
        ("post", f"{URL}/{item.id}/status"),
        ("get", "/api/v1/plans"),
        ("get", "/api/v1/agencies"),
    ]:
        response = getattr(client, method)(url, json={})
        assert response.status_code == 401, (method, url)


def test_a_logged_in_browser_session_opens_nothing(client, login_as):
    login_as("admin")
    assert client.get("/plan").status_code == 200
    response = client.get(URL)
    assert response.status_code == 401
    assert "Set-Cookie" not in response.headers


def test_api_responses_set_no_cookie(client, bearer, item_body):
    _user, headers = bearer("coordinator")
    assert "Set-Cookie" not in client.get(URL, headers=headers).headers
    created = client.post(URL, json=item_body(), headers=headers)
    assert created.status_code == 201
    assert "Set-Cookie" not in created.headers


def test_writes_need_no_csrf_token(client, bearer, item_body):
    # The global CSRFProtect would answer 400 to a POST without a token; the API is exempt.
    _user, headers = bearer("coordinator")
    assert client.post(URL, json=item_body(), headers=headers).status_code == 201


def test_last_use_of_a_token_is_recorded(client, bearer, app, db):
    from mediaplan.users.models import User
    from mediaplan.users.tokens import tokens_of

    user, headers = bearer("viewer")
    assert client.get("/api/v1/plans", headers=headers).status_code == 200
    with app.app_context():
        db.session.expire_all()
        (token,) = tokens_of(db.session.get(User, user.id))
        assert token.last_used_at is not None


def test_the_openapi_document_declares_bearer_tokens(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal access token from the account page, /account/tokens.",
    }
    operations = [
        operation
        for path in document["paths"].values()
        for method, operation in path.items()
        if method in ("get", "post", "patch")
    ]
    assert len(operations) == 7
    assert all(op["security"] == [{"bearerAuth": []}] for op in operations)
