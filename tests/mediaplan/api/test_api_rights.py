"""The web UI's rights, through the API: role × own or other agency × action, with the status
code and nothing changed on a refusal."""

import pytest

URL = "/api/v1/plan-items"
ROLES = ("admin", "coordinator", "press_officer", "trainer", "methodologist", "viewer")
PLAN_OWNERS = ("admin", "coordinator")
AGENCY_EDITORS = ("press_officer", "trainer")

CHANGES = {
    # A fresh item is at version 1.
    "patch": ("patch", "", {"title": {"en": "Changed"}, "regions": ["talas"], "version": 1}),
    "status": ("post", "/status", {"status": "cancelled", "reason": "No money"}),
}


def may_change(role: str, whose: str) -> bool:
    return role in PLAN_OWNERS or (role in AGENCY_EDITORS and whose == "own")


@pytest.mark.parametrize("action", CHANGES)
@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
def test_changing_an_item(
    client, bearer, make_item, agency, other_agency, snapshot, role, whose, action
):
    item = make_item(lead=agency if whose == "own" else other_agency)
    _user, headers = bearer(role)
    method, suffix, body = CHANGES[action]
    before = snapshot()
    response = getattr(client, method)(f"{URL}/{item.id}{suffix}", json=body, headers=headers)
    if may_change(role, whose):
        assert response.status_code == 200, response.json
    else:
        assert response.status_code == 403
        assert response.json["code"] == 403
        assert snapshot() == before


@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
def test_creating_an_item(client, bearer, item_body, agency, other_agency, snapshot, role, whose):
    _user, headers = bearer(role)
    lead = agency if whose == "own" else other_agency
    before = snapshot()
    response = client.post(URL, json=item_body(lead_agency_id=lead.id), headers=headers)
    if may_change(role, whose):
        assert response.status_code == 201, response.json
        return
    if role in AGENCY_EDITORS:
        # They may add items, but only led by their own agency: a field error, as on the form.
        assert response.status_code == 422
        assert list(response.json["errors"]["json"]) == ["lead_agency_id"]
    else:
        assert response.status_code == 403
    assert snapshot() == before


def test_an_agency_editor_cannot_hand_their_item_to_another_agency(
    client, bearer, make_item, agency, other_agency, load_item, patch_item
):
    item = make_item(lead=agency)
    _user, headers = bearer("press_officer")
    changes = {"lead_agency_id": other_agency.id}
    response = patch_item(item.id, changes, headers)
    assert response.status_code == 422
    assert list(response.json["errors"]["json"]) == ["lead_agency_id"]
    assert load_item(item.id).lead_agency_id == agency.id


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_everything(client, bearer, make_item, other_agency, role):
    item = make_item(lead=other_agency)
    _user, headers = bearer(role)
    assert client.get(f"{URL}/{item.id}", headers=headers).status_code == 200
    assert client.get(URL, headers=headers).json["total"] == 1
