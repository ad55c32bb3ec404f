"""Through the web: a comment's notice reaches the agency's notifications page as a card that
links to the item; each user chooses their e-mails on the account page."""

import re

import pytest
import sqlalchemy as sa

from mediaplan.errors import ValidationFailed
from mediaplan.notices.models import NoticePreference
from mediaplan.notices.preferences import emailed_kinds, set_emailed_kinds
from mediaplan.notifications.models import OutboxMessage
from tests.conftest import csrf_token, log_in_browser
from tests.mediaplan.notices.conftest import notices

pytestmark = pytest.mark.usefixtures("english")

CHECKED_RE = re.compile(r'<input[^>]*name="(email_\w+)"[^>]*>')


def checked_boxes(page: str) -> set[str]:
    return {match.group(1) for match in CHECKED_RE.finditer(page) if "checked" in match.group(0)}


def test_a_comment_posted_in_the_browser_becomes_a_card_with_a_working_link(
    app, db, client, item, team, login_as, post
):
    login_as("methodologist", name="Эркин")
    assert post(f"/plan/items/{item.id}/comments", {"body": "Уточните охват."}).status_code == 302
    log_in_browser(app, client, team["en"])

    page = client.get("/notifications/").get_data(as_text=True)

    link = f'href="/plan/items/{item.id}"'
    assert page.count(link) == 2  # the title and "Open the item"
    assert f"Эркин commented on item {item.number} “Briefing for editors”: Уточните охват." in page
    assert client.get(f"/plan/items/{item.id}").status_code == 200
    # A card, not the e-mail: no absolute links, no footer, nothing about e-mail delivery.
    assert "http://" not in page.split("<main", 1)[-1]
    assert "account page" not in page and "e-mail" not in page.lower()


def test_a_comment_the_view_rolls_back_tells_nobody(
    app, db, client, item, team, login_as, post, monkeypatch
):
    from mediaplan.comments import views

    add_comment = views.add_comment

    def add_then_refuse(*args, **kwargs):
        add_comment(*args, **kwargs)  # the signal fires and the notices are written
        raise ValidationFailed({"body": ["refused after all"]})

    monkeypatch.setattr(views, "add_comment", add_then_refuse)
    login_as("methodologist")
    assert post(f"/plan/items/{item.id}/comments", {"body": "x"}).status_code == 400
    with app.app_context():
        assert notices(db) == []


def test_the_account_page_shows_the_users_own_choices(app, db, client, login_as, make_user):
    me = login_as("press_officer")
    other = make_user("press_officer")
    with app.app_context():
        set_emailed_kinds(other.id, {"edit"})
        db.session.commit()
    page = client.get("/account").get_data(as_text=True)
    assert 'action="/account/notices"' in page
    # The defaults: comments and status changes by e-mail, edits not.
    assert checked_boxes(page) == {"email_comment", "email_status"}
    with app.app_context():
        set_emailed_kinds(me.id, {"edit"})
        db.session.commit()
    assert checked_boxes(client.get("/account").get_data(as_text=True)) == {"email_edit"}


def test_choices_are_saved_for_oneself_only(app, db, client, login_as, make_user, post):
    me = login_as("trainer")
    other = make_user("trainer")
    with app.app_context():
        set_emailed_kinds(other.id, {"comment"})
        db.session.commit()

    response = post(
        "/account/notices", {"email_edit": "y", "email_status": "y", "user_id": other.id}
    )

    assert response.status_code == 302 and response.location.endswith("/account#notices")
    with app.app_context():
        assert emailed_kinds(me.id) == {"edit", "status"}
        assert emailed_kinds(other.id) == {"comment"}
    page = client.get("/account").get_data(as_text=True)
    assert "Notice settings saved." in page
    assert checked_boxes(page) == {"email_edit", "email_status"}
    # Unticking everything is a choice too.
    post("/account/notices", {})
    with app.app_context():
        assert emailed_kinds(me.id) == set()


def test_saving_choices_needs_csrf_and_a_login(app, db, client, login_as):
    anonymous = client.post(
        "/account/notices", data={"email_edit": "y", "csrf_token": csrf_token(client)}
    )
    assert anonymous.status_code == 302 and "/login" in anonymous.location
    login_as("trainer")
    assert client.post("/account/notices", data={"email_edit": "y"}).status_code == 400
    with app.app_context():
        assert db.session.scalars(sa.select(NoticePreference)).all() == []


def test_notices_by_e_mail_follow_the_choice_made_on_the_page(
    app, db, client, item, team, login_as, post
):
    log_in_browser(app, client, team["en"])
    post("/account/notices", {})  # nothing by e-mail
    login_as("methodologist")
    post(f"/plan/items/{item.id}/comments", {"body": "Замечание"})
    with app.app_context():
        states = {m.recipient_id: m.state for m in db.session.scalars(sa.select(OutboxMessage))}
    assert states[team["en"].id] == "in_app"
    assert states[team["ru"].id] == "queued"
