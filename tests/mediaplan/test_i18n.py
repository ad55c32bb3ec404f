"""The interface language: browser default, Russian fallback, per-user choice; dates and
times in the user's language and Asia/Bishkek."""

from datetime import UTC, date, datetime

import pytest
from flask_babel import format_date, format_datetime

from tests.conftest import open_session


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("ky", "ky"), ("ru-RU,ru;q=0.9", "ru"), ("en-US,en;q=0.8", "en"), ("de-DE", "ru"), ("", "ru")],
)
def test_language_follows_the_browser_with_russian_fallback(app, db, accept, expected):
    client = app.test_client()
    response = client.get("/login", headers={"Accept-Language": accept})
    assert f'<html lang="{expected}">' in response.get_data(as_text=True)


def test_pages_are_translated(app, db):
    client = app.test_client()
    pages = {
        lang: client.get("/login", headers={"Accept-Language": lang}).get_data(as_text=True)
        for lang in ("ky", "ru", "en")
    }
    assert "Log in" in pages["en"]
    assert "Войти" in pages["ru"]
    assert "Log in" not in pages["ky"] and "Войти" not in pages["ky"]


def test_anonymous_choice_is_kept_in_the_session(client, post):
    response = post("/language", data={"language": "ky", "next": "/login"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"
    assert '<html lang="ky">' in client.get("/login").get_data(as_text=True)


def test_user_choice_is_saved_on_the_account(app, db, client, login_as, post):
    from mediaplan.users.models import User

    user = login_as("viewer")
    post("/language", data={"language": "en"})
    with app.app_context():
        assert db.session.get(User, user.id).locale == "en"
    other_device = app.test_client()
    with other_device.session_transaction() as session:
        session["_user_id"] = open_session(app, user)
    page = other_device.get("/plan", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert '<html lang="en">' in page


def test_unknown_language_is_refused(client, post):
    assert post("/language", data={"language": "de"}).status_code == 400


def test_language_switch_never_redirects_off_site(client, post, login_as):
    response = post("/language", data={"language": "ru", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/login"
    login_as("viewer")
    response = post("/language", data={"language": "ru", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/home"


def test_language_switch_needs_csrf(client):
    assert client.post("/language", data={"language": "ky"}).status_code == 400


def test_dates_follow_the_language(app):
    day = date(2025, 3, 31)
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert format_date(day, "long").replace("\u202f", " ") == "31 марта 2025 г."
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert format_date(day, "long") == "March 31, 2025"
    with app.test_request_context(headers={"Accept-Language": "ky"}):
        assert "2025" in format_date(day, "long")
        assert "March" not in format_date(day, "long")


def test_times_are_shown_in_bishkek(app):
    moment = datetime(2025, 3, 31, 20, 30, tzinfo=UTC)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        # 20:30 UTC is 02:30 the next day in Bishkek (UTC+6).
        assert format_datetime(moment, "yyyy-MM-dd HH:mm") == "2025-04-01 02:30"


def test_user_time_zone_is_respected(app, db, client, login_as, post):
    user = login_as("viewer")
    response = post("/account", data={"locale": "en", "timezone": "UTC"})
    assert response.status_code == 302
    from mediaplan.users.models import User

    with app.app_context():
        saved = db.session.get(User, user.id)
        assert (saved.locale, saved.timezone) == ("en", "UTC")
