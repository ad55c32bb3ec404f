"""Who may change what through the web UI: every state-changing route x role x own/other agency.

"own" means the item (or the user, agency or token acted on) belongs to the acting user's
agency (or to the user); "other" means it belongs to another agency (or user). A refused
request must answer 403 and leave every table exactly as it was.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.conftest import open_session

ROLES = ("admin", "coordinator", "press_officer", "trainer", "methodologist", "viewer")
OWNERS = ("admin", "coordinator")
EDITORS = ("press_officer", "trainer")


@dataclass
class World:
    """What one test case acts on."""

    scope: str
    plan_id: int
    item_id: int
    item_number: str
    agency_id: int  # the agency acted on: the user's own, or the other one
    agency_code: str
    target_user_id: int
    token_id: int
    next_plan_id: int  # an empty plan after the item's, open
    closed_plan_id: int


def edits_items(role: str, scope: str) -> bool:
    return role in OWNERS or (role in EDITORS and scope == "own")


def comments(role: str, scope: str) -> bool:
    return role == "methodologist" or edits_items(role, scope)


def creates_items(role: str, scope: str) -> bool:
    return role in OWNERS or role in EDITORS


def owns_plans(role: str, scope: str) -> bool:
    return role in OWNERS


def admin_only(role: str, scope: str) -> bool:
    return role == "admin"


def own_token_only(role: str, scope: str) -> bool:
    return scope == "own"


def anyone(role: str, scope: str) -> bool:
    return True


def added(before: dict, after: dict, table: str) -> list[dict]:
    return [row for row in after[table] if row not in before[table]]


def row(snapshot: dict, table: str, row_id: int) -> dict:
    return next(r for r in snapshot[table] if r["id"] == row_id)


# What an allowed POST must have changed, read from the snapshots before and after it.
def item_created(w: World, before: dict, after: dict) -> None:
    (new,) = added(before, after, "plan_items")
    assert (new["number"], new["lead_agency_id"]) == ("9.1", w.agency_id)


def item_edited(w: World, before: dict, after: dict) -> None:
    assert row(after, "plan_items", w.item_id)["title_en"] == "Edited title"


def status_changed(w: World, before: dict, after: dict) -> None:
    assert row(after, "plan_items", w.item_id)["status"] == "in_progress"
    (change,) = added(before, after, "plan_item_status_changes")
    assert (change["from_status"], change["to_status"]) == ("planned", "in_progress")


def comment_added(w: World, before: dict, after: dict) -> None:
    (comment,) = added(before, after, "comments")
    assert (comment["item_id"], comment["body"]) == (w.item_id, "Looks good")


def user_created(w: World, before: dict, after: dict) -> None:
    (user,) = [u for u in added(before, after, "users") if u["email"] == "new-user@example.org"]
    assert (user["role"], user["agency_id"]) == ("viewer", w.agency_id)


def user_edited(w: World, before: dict, after: dict) -> None:
    assert row(after, "users", w.target_user_id)["name"] == "Renamed User"


def agency_created(w: World, before: dict, after: dict) -> None:
    (agency,) = added(before, after, "agencies")
    assert agency["code"] == "new-agency"


def agency_edited(w: World, before: dict, after: dict) -> None:
    assert row(after, "agencies", w.agency_id)["name_en"] == "Renamed agency"


def token_revoked(w: World, before: dict, after: dict) -> None:
    assert row(after, "api_tokens", w.token_id)["revoked_at"] is not None


def sessions_ended(w: World, before: dict, after: dict) -> None:
    ended = [s["end_reason"] for s in after["user_sessions"] if s["user_id"] == w.target_user_id]
    assert ended == ["admin"]


def plan_opened(w: World, before: dict, after: dict) -> None:
    (new,) = added(before, after, "plans")
    assert (new["code"], new["closed_at"]) == ("MP-2030", None)


def items_carried(w: World, before: dict, after: dict) -> None:
    (copy,) = added(before, after, "plan_items")
    assert (copy["plan_id"], copy["number"], copy["status"]) == (
        w.next_plan_id,
        w.item_number,
        "planned",
    )


def plan_closed(w: World, before: dict, after: dict) -> None:
    assert row(after, "plans", w.plan_id)["closed_at"] is not None
    (entry,) = added(before, after, "audit_entries")
    assert (entry["kind"], entry["action"]) == ("plan", "closed")


def plan_reopened(w: World, before: dict, after: dict) -> None:
    assert row(after, "plans", w.closed_plan_id)["closed_at"] is None
    (entry,) = added(before, after, "audit_entries")
    assert (entry["kind"], entry["action"]) == ("plan", "reopened")


def reset_link_sent(w: World, before: dict, after: dict) -> None:
    (link,) = added(before, after, "password_reset_links")
    (message,) = added(before, after, "outbox_messages")
    assert link["user_id"] == message["recipient_id"] == w.target_user_id


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    url: Callable[[World], str]
    allowed: Callable[[str, str], bool]
    data: Callable[[World, Callable], dict] = lambda w, item_form: {}
    changed: Callable[[World, dict, dict], None] | None = None
    scopes: tuple[str, ...] = ("own", "other")
    refused_status: Callable[[str, str], int] = lambda role, scope: 403

    def expected(self, role: str, scope: str) -> int:
        if not self.allowed(role, scope):
            return self.refused_status(role, scope)
        return 200 if self.method == "GET" else 302


def lead_elsewhere_is_a_form_error(role: str, scope: str) -> int:
    """An editor may create items, just not led by another agency: that is a form error."""
    return 200 if role in EDITORS else 403


ROUTES = (
    Route("home", "GET", lambda w: "/home", anyone, scopes=("any",)),
    Route("plan_table", "GET", lambda w: f"/plan?plan={w.plan_id}", anyone, scopes=("any",)),
    Route("plans", "GET", lambda w: "/plans/", anyone, scopes=("any",)),
    Route("plan_form", "GET", lambda w: "/plans/new", owns_plans, scopes=("any",)),
    Route(
        "plan_open",
        "POST",
        lambda w: "/plans/new",
        owns_plans,
        lambda w, item_form: {
            "code": "MP-2030",
            "title_en": "Media plan 2030",
            "starts_on": "2030-01-01",
            "ends_on": "2030-12-31",
            "copy_from": "0",
        },
        plan_opened,
        scopes=("any",),
    ),
    Route(
        "plan_copy_preview",
        "GET",
        lambda w: f"/plans/{w.next_plan_id}/copy?source={w.plan_id}",
        owns_plans,
        scopes=("any",),
    ),
    Route(
        "plan_copy",
        "POST",
        lambda w: f"/plans/{w.next_plan_id}/copy?source={w.plan_id}",
        owns_plans,
        changed=items_carried,
        scopes=("any",),
    ),
    Route(
        "plan_close",
        "POST",
        lambda w: f"/plans/{w.plan_id}/close",
        owns_plans,
        changed=plan_closed,
        scopes=("any",),
    ),
    Route(
        "plan_reopen",
        "POST",
        lambda w: f"/plans/{w.closed_plan_id}/reopen",
        owns_plans,
        changed=plan_reopened,
        scopes=("any",),
    ),
    Route("item_page", "GET", lambda w: f"/plan/items/{w.item_id}", anyone),
    Route(
        "create_form",
        "GET",
        lambda w: f"/plan/{w.plan_id}/items/new",
        creates_items,
        scopes=("any",),
    ),
    Route(
        "create",
        "POST",
        lambda w: f"/plan/{w.plan_id}/items/new",
        edits_items,
        lambda w, item_form: item_form(number="9.1", lead_agency_id=str(w.agency_id)),
        item_created,
        refused_status=lead_elsewhere_is_a_form_error,
    ),
    Route("edit_form", "GET", lambda w: f"/plan/items/{w.item_id}/edit", edits_items),
    Route(
        "edit",
        "POST",
        lambda w: f"/plan/items/{w.item_id}/edit",
        edits_items,
        lambda w, item_form: item_form(
            number=w.item_number, lead_agency_id=str(w.agency_id), title_en="Edited title"
        ),
        item_edited,
    ),
    Route(
        "status",
        "POST",
        lambda w: f"/plan/items/{w.item_id}/status",
        edits_items,
        lambda w, item_form: {"status": "in_progress", "reason": ""},
        status_changed,
    ),
    Route(
        "comment",
        "POST",
        lambda w: f"/plan/items/{w.item_id}/comments",
        comments,
        lambda w, item_form: {"body": "Looks good"},
        comment_added,
    ),
    Route(
        "user_create",
        "POST",
        lambda w: "/admin/users/new",
        admin_only,
        lambda w, item_form: {
            "email": "new-user@example.org",
            "name": "New User",
            "role": "viewer",
            "agency_id": str(w.agency_id),
            "password": "a long enough password",
            "is_active": "y",
        },
        user_created,
    ),
    Route(
        "user_edit",
        "POST",
        lambda w: f"/admin/users/{w.target_user_id}",
        admin_only,
        lambda w, item_form: {
            "name": "Renamed User",
            "role": "viewer",
            "agency_id": str(w.agency_id),
            "is_active": "y",
        },
        user_edited,
    ),
    Route(
        "agency_create",
        "POST",
        lambda w: "/admin/agencies/new",
        admin_only,
        lambda w, item_form: {
            "code": "new-agency",
            "kind": "ngo",
            "name_ru": "Новое ведомство",
            "is_active": "y",
        },
        agency_created,
        scopes=("any",),
    ),
    Route(
        "agency_edit",
        "POST",
        lambda w: f"/admin/agencies/{w.agency_id}",
        admin_only,
        lambda w, item_form: {
            "code": w.agency_code,
            "kind": "state_body",
            "name_en": "Renamed agency",
            "is_active": "y",
        },
        agency_edited,
    ),
    Route(
        "user_end_sessions",
        "POST",
        lambda w: f"/admin/users/{w.target_user_id}/sessions/end",
        admin_only,
        changed=sessions_ended,
    ),
    Route(
        "user_password_reset",
        "POST",
        lambda w: f"/admin/users/{w.target_user_id}/password-reset",
        admin_only,
        changed=reset_link_sent,
    ),
    Route(
        "token_revoke_question",
        "GET",
        lambda w: f"/account/tokens/{w.token_id}/revoke",
        own_token_only,
    ),
    Route(
        "token_revoke",
        "POST",
        lambda w: f"/account/tokens/{w.token_id}/revoke",
        own_token_only,
        changed=token_revoked,
    ),
)

CASES = [
    pytest.param(
        route, role, scope, id="-".join(filter(None, (route.name, role, scope.replace("any", ""))))
    )
    for route in ROUTES
    for scope in route.scopes
    for role in ROLES
]
POST_ROUTES = [pytest.param(route, id=route.name) for route in ROUTES if route.method == "POST"]


@pytest.fixture
def make_world(app, db, plan, agency, other_agency, make_item, make_user, make_plan, login_as):
    """``make_world(role, scope)``: log in as ``role`` of ``agency``; build what is acted on."""

    def make(role: str | None, scope: str) -> World:
        from mediaplan.users.models import User
        from mediaplan.users.tokens import create_token

        acted_on = other_agency if scope == "other" else agency
        actor = login_as(role) if role else make_user("viewer")
        item = make_item(lead=acted_on)
        target = make_user("viewer", agency=acted_on)
        open_session(app, target)
        next_plan = make_plan(starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
        closed_plan = make_plan(closed_at=dt.datetime(2025, 1, 10, tzinfo=dt.UTC))
        with app.app_context():
            owner = db.session.get(User, actor.id if scope != "other" else target.id)
            token, _secret = create_token(owner, "partner portal")
            db.session.commit()
        return World(
            scope,
            plan.id,
            item.id,
            item.number,
            acted_on.id,
            acted_on.code,
            target.id,
            token.id,
            next_plan.id,
            closed_plan.id,
        )

    return make


@pytest.mark.parametrize(("route", "role", "scope"), CASES)
def test_rights(
    route, role, scope, make_world, client, english, post, item_form, snapshot, message
):
    world = make_world(role, scope)
    before = snapshot()

    if route.method == "GET":
        response = client.get(route.url(world))
    else:
        response = post(route.url(world), route.data(world, item_form))

    expected = route.expected(role, scope)
    assert response.status_code == expected
    after = snapshot()
    if expected == 302:
        assert not response.location.startswith("/login")
        route.changed(world, before, after)
    else:
        assert after == before
    if expected == 200 and route.method == "POST":
        page = response.get_data(as_text=True)
        assert message("You can only plan items led by your own agency.") in page


@pytest.mark.parametrize("route", [pytest.param(r, id=r.name) for r in ROUTES])
def test_anonymous_requests_go_to_login(route, make_world, client, post, item_form, snapshot):
    world = make_world(None, route.scopes[0])
    before = snapshot()

    if route.method == "GET":
        response = client.get(route.url(world))
    else:
        response = post(route.url(world), route.data(world, item_form))

    assert response.status_code == 302
    assert response.location.startswith("/login")
    assert snapshot() == before


@pytest.mark.parametrize("route", POST_ROUTES)
def test_post_without_csrf_token_is_refused(route, make_world, client, item_form, snapshot):
    world = make_world("admin", route.scopes[0])
    before = snapshot()

    response = client.post(route.url(world), data=route.data(world, item_form))

    assert response.status_code == 400
    assert snapshot() == before


@pytest.mark.parametrize("role", EDITORS)
def test_editor_cannot_hand_their_item_to_another_agency(
    role, login_as, make_item, other_agency, english, post, item_form, snapshot, message
):
    login_as(role)
    item = make_item()
    before = snapshot()

    response = post(
        f"/plan/items/{item.id}/edit",
        item_form(number=item.number, lead_agency_id=str(other_agency.id)),
    )

    assert response.status_code == 200
    assert message("You can only plan items led by your own agency.") in response.text
    assert snapshot() == before
