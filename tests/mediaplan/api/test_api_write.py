"""Creating and changing items through the API, with the service's rules and history."""

import datetime as dt

import pytest
import sqlalchemy as sa

URL = "/api/v1/plan-items"


def status_changes(app, db, item_id) -> list[tuple]:
    from mediaplan.plan.models import PlanItemStatusChange

    with app.app_context():
        query = (
            sa.select(PlanItemStatusChange)
            .where(PlanItemStatusChange.item_id == item_id)
            .order_by(PlanItemStatusChange.id)
        )
        return [
            (c.from_status, c.to_status, c.reason, c.actor_id) for c in db.session.scalars(query)
        ]


def test_create_returns_the_new_item(client, bearer, item_body, load_item, agency, plan):
    user, headers = bearer("press_officer")
    response = client.post(URL, json=item_body(), headers=headers)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["plan_id"] == plan.id
    assert body["status"] == "planned"
    assert body["title"] == {"ky": "", "ru": "Серия публикаций", "en": "A series of publications"}
    assert body["budget"] == "1500.50"
    assert body["regions"] == ["bishkek", "osh"]
    assert body["created_by_id"] == body["updated_by_id"] == user.id
    item = load_item(body["id"])
    assert (item.number, item.lead_agency_id, item.title_ru) == (
        "7.1",
        agency.id,
        "Серия публикаций",
    )
    assert [i.text for i in item.indicators] == ["Articles published"]
    assert client.get(f"{URL}/{item.id}", headers=headers).json == body


def test_create_with_only_the_required_fields(client, bearer, plan, agency):
    _user, headers = bearer("coordinator")
    body = {
        "plan_id": plan.id,
        "number": "3",
        "direction": "media_relations",
        "format": "roundtable",
        "title": {"ky": "Тегерек стол"},
        "lead_agency_id": agency.id,
        "ends_on": "2025-09-30",
    }
    response = client.post(URL, json=body, headers=headers)
    assert response.status_code == 201, response.json
    assert response.json["starts_on"] is None
    assert response.json["budget"] is None
    assert response.json["indicators"] == []


def test_patch_changes_only_the_given_fields(
    client, bearer, make_item, load_item, other_agency, patch_item
):
    item = make_item(title_ky="Аталышы", regions=["osh"], description_en="Kept")
    _user, headers = bearer("coordinator")
    changes = {
        "title": {"ru": "Новое название"},
        "co_executor_ids": [other_agency.id],
        "budget": "10",
        "funding_source": "donor",
    }
    response = patch_item(item.id, changes, headers)
    assert response.status_code == 200, response.json
    assert response.json["title"] == {"ky": "Аталышы", "ru": "Новое название", "en": item.title_en}
    assert response.json["budget"] == "10.00"
    changed = load_item(item.id)
    assert changed.title_ru == "Новое название"
    assert (changed.title_ky, changed.description_en, changed.regions) == (
        "Аталышы",
        "Kept",
        ["osh"],
    )
    assert [a.id for a in changed.co_executors] == [other_agency.id]
    assert (changed.number, changed.starts_on, changed.ends_on) == (
        item.number,
        item.starts_on,
        item.ends_on,
    )


def test_patch_can_clear_optional_fields(client, bearer, make_item, load_item, patch_item):
    item = make_item(regions=["osh"])
    _user, headers = bearer("coordinator")
    changes = {"regions": [], "starts_on": None, "budget": None, "funding_source": None}
    response = patch_item(item.id, changes, headers)
    assert response.status_code == 200, response.json
    changed = load_item(item.id)
    assert (changed.regions, changed.starts_on, changed.is_deadline) == ([], None, True)


def test_status_change_is_recorded(client, bearer, make_item, load_item, app, db):
    item = make_item()
    user, headers = bearer("press_officer")
    response = client.post(
        f"{URL}/{item.id}/status", json={"status": "in_progress"}, headers=headers
    )
    assert response.status_code == 200, response.json
    assert response.json["status"] == "in_progress"
    assert load_item(item.id).status == "in_progress"
    assert status_changes(app, db, item.id)[-1] == ("planned", "in_progress", "", user.id)


def test_postponing_needs_a_reason(client, bearer, make_item, load_item, app, db):
    item = make_item()
    user, headers = bearer("coordinator")
    url = f"{URL}/{item.id}/status"
    refused = client.post(url, json={"status": "postponed", "reason": "  "}, headers=headers)
    assert refused.status_code == 422
    assert list(refused.json["errors"]["json"]) == ["reason"]
    assert load_item(item.id).status == "planned"
    response = client.post(
        url, json={"status": "postponed", "reason": "Studio busy"}, headers=headers
    )
    assert response.status_code == 200, response.json
    assert status_changes(app, db, item.id)[-1] == ("planned", "postponed", "Studio busy", user.id)


def test_a_transition_the_plan_does_not_allow_is_422(client, bearer, make_item, load_item):
    item = make_item(status="done")
    _user, headers = bearer("coordinator")
    response = client.post(f"{URL}/{item.id}/status", json={"status": "cancelled"}, headers=headers)
    assert response.status_code == 422
    assert response.json["errors"] == {
        "json": {"status": ["An item cannot go from “Done” to “Cancelled”."]}
    }
    assert load_item(item.id).status == "done"


def test_writes_to_a_missing_item_are_404(client, bearer):
    _user, headers = bearer("coordinator")
    assert client.patch(f"{URL}/999999", json={}, headers=headers).status_code == 404
    status = client.post(f"{URL}/999999/status", json={"status": "done"}, headers=headers)
    assert status.status_code == 404
    assert client.patch(f"{URL}/{2**40}", json={}, headers=headers).status_code == 404


def test_the_api_sets_reminder_days_and_moves_the_reminder(
    app, db, client, bearer, make_item, patch_item
):
    _, headers = bearer("coordinator")
    item = make_item(starts_on=dt.date(2025, 5, 10), ends_on=dt.date(2025, 5, 12))
    response = patch_item(item.id, {"reminder_days": 7}, headers)
    assert response.status_code == 200, response.json
    assert response.json["reminder_days"] == 7
    with app.app_context():
        assert _reminder(db, item.id).due_at == dt.datetime(2025, 5, 3, 3, 0, tzinfo=dt.UTC)
    refused = patch_item(item.id, {"reminder_days": 400}, headers)
    assert refused.status_code == 422
    cleared = patch_item(item.id, {"reminder_days": None}, headers)
    assert cleared.json["reminder_days"] is None
    with app.app_context():
        assert _reminder(db, item.id) is None


def _reminder(db, item_id):
    from mediaplan.reminders.models import Reminder

    return db.session.scalar(sa.select(Reminder).where(Reminder.item_id == item_id))


def _editor_of(app, db, item_id):
    from mediaplan.plan.models import Plan, PlanItem

    with app.app_context():
        item = db.session.get(PlanItem, item_id)
        return item.updated_by_id, item.updated_at, db.session.get(Plan, item.plan_id).items_version


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/plain", b'{"number": "9.9"}', 415),
        ("application/x-www-form-urlencoded", b"number=9.9", 415),
        (None, b"", 415),
        ("application/json", b"", 400),
    ],
)
def test_a_patch_without_a_json_body_is_refused_and_changes_nothing(
    app, db, client, bearer, make_item, content_type, body, status
):
    item = make_item()
    before = _editor_of(app, db, item.id)
    _user, headers = bearer("admin")
    if content_type:
        headers["Content-Type"] = content_type
    response = client.patch(f"{URL}/{item.id}", data=body, headers=headers)
    assert response.status_code == status
    assert response.json["code"] == status and response.json["message"]
    assert _editor_of(app, db, item.id) == before


def test_a_patch_that_changes_nothing_leaves_the_last_editor(
    app, db, client, bearer, make_item, patch_item
):
    item = make_item()
    before = _editor_of(app, db, item.id)
    _user, headers = bearer("admin")
    for body in ({"version": 1}, {"number": item.number, "title": {"ru": item.title_ru}}):
        response = patch_item(item.id, body, headers)
        assert response.status_code == 200
        assert _editor_of(app, db, item.id) == before


def test_a_method_not_allowed_names_the_allowed_ones(client, bearer, make_item):
    item = make_item()
    _user, headers = bearer("viewer")
    response = client.delete(f"{URL}/{item.id}", headers=headers)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "PATCH"}


def test_a_patch_needs_the_version_it_was_made_from(app, db, client, bearer, make_item):
    item = make_item()
    _user, headers = bearer("admin")
    url = f"{URL}/{item.id}"
    unversioned = client.patch(url, json={"title": {"en": "Mine"}}, headers=headers)
    assert unversioned.status_code == 428
    assert client.get(url, headers=headers).json["version"] == 1
    first = client.patch(url, json={"title": {"en": "First"}, "version": 1}, headers=headers)
    assert first.status_code == 200 and first.json["version"] == 2
    # A second partner read version 1 too: its change would overwrite the first one's.
    late = client.patch(url, json={"title": {"en": "Second"}, "version": 1}, headers=headers)
    assert late.status_code == 409 and late.json["code"] == 409
    assert client.get(url, headers=headers).json["title"]["en"] == "First"
    by_header = client.patch(
        url, json={"title": {"en": "Merged"}}, headers={**headers, "If-Match": '"2"'}
    )
    assert by_header.status_code == 200 and by_header.json["title"]["en"] == "Merged"
