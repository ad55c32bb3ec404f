"""Security headers, cookie flags, error pages without stack traces."""

import pytest

from tests.conftest import PASSWORD, csrf_token


def test_standard_security_headers_are_set(client):
    response = client.get("/login")
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in headers


def test_session_cookie_is_httponly_and_samesite(client, make_user):
    make_user(email="cookie@example.org")
    token = csrf_token(client)
    response = client.post(
        "/login", data={"csrf_token": token, "email": "cookie@example.org", "password": PASSWORD}
    )
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_https_deployment_marks_cookie_secure_and_sends_hsts(database_url):
    from mediaplan.app import create_app

    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "x", "HTTPS": True})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/login", base_url="https://mediaplan.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "There is nothing at this address." in response.get_data(as_text=True)


def test_unexpected_error_shows_no_stack_trace(app, client, login_as, monkeypatch):
    from mediaplan.plan import queries

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "newest_plans", explode)
    login_as("viewer")
    response = client.get("/plan")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "secret internals" not in body
    assert "Traceback" not in body


def test_debug_is_off_by_default(app):
    assert app.debug is False


@pytest.mark.parametrize("path", ["/plan", "/account", "/admin/users", "/admin/agencies/"])
def test_pages_need_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
