"""Fixtures for the API tests: tokens, authorised requests and a valid item body."""

import pytest


@pytest.fixture
def bearer(make_user, make_token):
    """``bearer(role, **fields)`` makes a user and returns (user, Authorization headers)."""

    def make(role="coordinator", user=None, **fields):
        user = user or make_user(role, **fields)
        return user, {"Authorization": f"Bearer {make_token(user)}"}

    return make


@pytest.fixture
def item_body(plan, agency):
    """``item_body(**changes)``: a valid POST body for a new item of ``plan``."""

    def make(**changes) -> dict:
        return {
            "plan_id": plan.id,
            "number": "7.1",
            "direction": "media_plan",
            "format": "publication",
            "title": {"ru": "Серия публикаций", "en": "A series of publications"},
            "description": {"en": "Articles on recruitment online."},
            "lead_agency_id": agency.id,
            "target_groups": ["youth"],
            "regions": ["bishkek", "osh"],
            "languages": ["ky", "ru"],
            "starts_on": "2025-03-01",
            "ends_on": "2025-03-31",
            "indicators": [{"text": "Articles published", "target": 12, "unit": "articles"}],
            "budget": "1500.50",
            "funding_source": "republican_budget",
        } | changes

    return make


@pytest.fixture
def load_item(app, db):
    """``load_item(id)``: the item as the database has it now (with its lists), or None."""

    def load(item_id):
        from mediaplan.plan.queries import item_for_page

        with app.app_context():
            db.session.expire_all()
            return item_for_page(item_id)

    return load


@pytest.fixture
def patch_item(app, db, client):
    """``patch_item(item_id, changes, headers)``: PATCH an item with its current version, as a
    partner that has just read it would."""

    def send(item_id: int, changes: dict, headers: dict):
        from mediaplan.plan.models import PlanItem

        with app.app_context():
            item = db.session.get(PlanItem, item_id)
            version = item.version if item is not None else 1
        body = {"version": version, **changes}
        return client.patch(f"/api/v1/plan-items/{item_id}", json=body, headers=headers)

    return send
