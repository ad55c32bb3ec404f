"""The registries packages plug into: what each package registers shows where the core reads
it, and a name claimed twice is refused."""

import re

import pytest
from flask import Flask
from flask_babel import lazy_gettext as _l

from mediaplan.app import create_app
from mediaplan.registries import (
    MenuEntry,
    PageSection,
    UserFigure,
    add_background_service,
    add_health_check,
    add_menu_entry,
    add_object_link,
    add_page_section,
    add_user_figure,
    add_vocabulary,
    registry,
)
from mediaplan.scheduler.registry import JobKind, register
from mediaplan.signals import plan_item_changed, send

MAIN_MENU = re.compile(r'<nav class="mainnav"[^>]*>(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]+)"')


@pytest.fixture(scope="module")
def bare_app(tmp_path_factory):
    """An app of its own, for registering more than the real packages do."""
    url = f"sqlite:///{tmp_path_factory.mktemp('registries') / 'app.db'}"
    return create_app({"DATABASE_URL": url, "SECRET_KEY": "x", "TESTING": True})


def main_menu(client) -> list[str]:
    page = client.get("/plan").get_data(as_text=True)
    return LINK.findall(MAIN_MENU.search(page).group(1))


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("admin", ["/home", "/plan", "/admin/scheduler/", "/admin/users", "/admin/agencies/"]),
        ("coordinator", ["/home", "/plan", "/admin/scheduler/"]),
        ("press_officer", ["/home", "/plan"]),
        ("methodologist", ["/home", "/plan"]),
        ("viewer", ["/home", "/plan"]),
    ],
)
def test_the_main_menu_shows_the_entries_the_role_may_open(client, login_as, role, links):
    login_as(role)
    assert main_menu(client) == links


def test_the_current_entry_is_marked_for_screen_readers(client, login_as, make_item):
    login_as("coordinator")
    item = make_item()
    page = client.get(f"/plan/items/{item.id}").get_data(as_text=True)
    assert '<a href="/plan" aria-current="page">' in page
    assert 'href="/admin/scheduler/" aria-current' not in page


def test_the_account_menu_names_the_user_and_offers_log_out(client, login_as):
    login_as("press_officer", name="Айгүл Осмонова")
    page = client.get("/plan").get_data(as_text=True)
    assert 'href="/account"' in page and "Айгүл Осмонова" in page
    assert 'action="/logout"' in page and 'href="/notifications/"' in page


def test_the_start_page_is_the_first_menu_entry(client, login_as):
    assert client.get("/").headers["Location"] == "/login"
    login_as("viewer")
    assert client.get("/").headers["Location"] == "/home"


def test_the_item_page_shows_the_sections_other_packages_add(client, login_as, make_item):
    login_as("methodologist")
    item = make_item()
    page = client.get(f"/plan/items/{item.id}").get_data(as_text=True)
    assert 'id="comments"' in page
    assert f'action="/plan/items/{item.id}/comments"' in page


def test_a_section_whose_context_is_none_is_left_out(bare_app):
    add_page_section(
        bare_app,
        PageSection("test.page", "hidden", "none.html", context=lambda obj, user: None),
    )
    add_page_section(
        bare_app,
        PageSection("test.page", "shown", "shown.html", context=lambda obj, user: {"n": obj}),
    )
    from mediaplan.navigation import page_sections

    with bare_app.app_context():
        sections = page_sections("test.page", 7, None)
    assert [(s.name, s.data) for s in sections] == [("shown", {"n": 7})]


def test_notifications_link_their_records_through_object_links(bare_app):
    from mediaplan.navigation import object_url

    with bare_app.test_request_context():
        assert object_url("plan_item", 42) == "/plan/items/42"
        assert object_url("unknown_kind", 42) is None
        assert object_url(None, None) is None


def test_every_package_vocabulary_is_registered(bare_app):
    names = set(registry(bare_app).vocabularies)
    assert {"role", "agency_kind", "status", "region", "funding_source"} <= names


REGISTRATIONS = {
    "vocabulary": lambda app: add_vocabulary(app, "status", {}),
    "menu entry": lambda app: add_menu_entry(app, MenuEntry("plan.index", _l("Media plan"))),
    "section": lambda app: add_page_section(
        app, PageSection("plan.item", "comments", "x.html", context=lambda obj, user: {})
    ),
    "user figure": lambda app: add_user_figure(
        app, UserFigure("unread_notifications", lambda user_id: user_id)
    ),
    "health check": lambda app: add_health_check(app, "scheduler", dict),
    "object link": lambda app: add_object_link(app, "plan_item", "plan.item", "item_id"),
    "background service": lambda app: add_background_service(app, "scheduler", lambda a: None),
    "job kind": lambda app: register(
        app, JobKind(name="reminders.dispatch", func=lambda: "", trigger="cron")
    ),
}


@pytest.mark.parametrize("what", REGISTRATIONS)
def test_a_name_registered_twice_is_refused(bare_app, what):
    with pytest.raises(ValueError, match="registered twice"):
        REGISTRATIONS[what](bare_app)


def test_a_menu_entry_needs_a_known_area(bare_app):
    with pytest.raises(ValueError, match="menu area"):
        add_menu_entry(bare_app, MenuEntry("x.y", "X", area="footer"))


def test_a_signal_reaches_only_the_receivers_of_the_app_that_sends_it():
    first, second = Flask("first"), Flask("second")
    heard = []

    def receiver(sender, *, item):
        heard.append((sender.name, item))

    plan_item_changed.connect(receiver, first)
    try:
        with second.app_context():
            send(plan_item_changed, item="from second")
        with first.app_context():
            send(plan_item_changed, item="from first")
    finally:
        plan_item_changed.disconnect(receiver, first)
    assert heard == [("first", "from first")]


def test_healthz_reports_the_registered_checks(client):
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok"
    assert body["scheduler"]["status"] in ("never_started", "running", "stale", "stopped")


def test_a_user_figure_is_counted_when_the_loader_did_not_read_it(app, ctx, make_user):
    from mediaplan.extensions import db
    from mediaplan.navigation import user_figure
    from mediaplan.notifications.service import UNREAD, queue_message
    from mediaplan.users.models import User

    user = db.session.get(User, make_user("viewer").id)
    queue_message(user, "Напоминание", "Текст", language="ru")
    db.session.flush()
    assert not hasattr(user, "figures")
    assert user_figure(user, UNREAD) == 1
    user.figures = {UNREAD: 5}
    assert user_figure(user, UNREAD) == 5
