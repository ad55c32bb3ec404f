"""Plans as a whole: opening one for the next year, carrying items forward after a preview,
closing a past plan to edits, and the plans page."""

from datetime import date

import pytest
import sqlalchemy as sa

from mediaplan.plan.models import Plan, PlanItem

pytestmark = pytest.mark.usefixtures("english")


def plan_named(app, db, code) -> Plan | None:
    with app.app_context():
        return db.session.scalar(sa.select(Plan).where(Plan.code == code))


def items_of(app, db, plan_id) -> list[PlanItem]:
    with app.app_context():
        query = sa.select(PlanItem).where(PlanItem.plan_id == plan_id).order_by(PlanItem.sort_key)
        items = list(db.session.scalars(query))
        for item in items:
            _ = item.co_executors, item.tags, item.indicators
        return items


def test_the_new_plan_form_proposes_the_next_year(login_as, plan, client):
    login_as("coordinator")
    page = client.get("/plans/new").get_data(as_text=True)
    assert f'value="{plan.code}-2026"' in page
    assert 'value="2026-01-01"' in page and 'value="2026-12-31"' in page
    assert 'value="Media plan 2026"' in page


def test_a_coordinator_opens_next_years_plan_and_carries_items_forward(
    app, db, login_as, plan, make_item, make_agency, post, client
):
    login_as("coordinator")
    partner = make_agency()
    kept = make_item(
        number="1.1",
        starts_on=date(2025, 3, 1),
        ends_on=date(2025, 3, 31),
        co_executor_ids=[partner.id],
        regions=["osh"],
        keywords_ru="вербовка",
        status="done",
    )
    make_item(number="1.2", ends_on=date(2025, 6, 30), starts_on=None, status="cancelled")
    response = post(
        "/plans/new",
        data={
            "code": "MP-2026",
            "title_ru": "Медиаплан 2026",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "copy_from": str(plan.id),
        },
    )
    new_plan = plan_named(app, db, "MP-2026")
    assert response.headers["Location"] == f"/plans/{new_plan.id}/copy?source={plan.id}"
    # Nothing is copied before the preview is confirmed.
    assert items_of(app, db, new_plan.id) == []
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Mar 1, 2026 – Mar 31, 2026" in preview
    assert "Cancelled: stays in its plan." in preview
    assert "Copy 1 item" in preview

    confirmed = post(response.headers["Location"])
    assert confirmed.status_code == 302
    (copy,) = items_of(app, db, new_plan.id)
    assert (copy.number, copy.status, copy.starts_on, copy.ends_on) == (
        "1.1",
        "planned",
        date(2026, 3, 1),
        date(2026, 3, 31),
    )
    assert copy.title_ru == kept.title_ru and copy.keywords_ru == "вербовка"
    assert [a.id for a in copy.co_executors] == [partner.id]
    assert copy.regions == ["osh"]


def test_carrying_forward_twice_copies_nothing_again(
    app, db, login_as, plan, make_plan, make_item, post, client
):
    login_as("coordinator")
    make_item(number="2.1", starts_on=date(2025, 5, 1), ends_on=date(2025, 5, 2))
    target = make_plan(code="MP-2026", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    url = f"/plans/{target.id}/copy?source={plan.id}"
    post(url)
    again = client.get(url).get_data(as_text=True)
    assert "Another item of this plan already has number 2.1." in again
    post(url)
    assert len(items_of(app, db, target.id)) == 1


@pytest.mark.parametrize("role", ["press_officer", "trainer", "methodologist", "viewer"])
def test_only_plan_owners_open_copy_and_close_plans(
    app, db, login_as, plan, make_plan, post, client, snapshot, role
):
    login_as(role)
    target = make_plan(code="MP-2026", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    before = snapshot()
    assert client.get("/plans/new").status_code == 403
    assert post("/plans/new", data={"code": "MP-X"}).status_code == 403
    assert post(f"/plans/{target.id}/copy?source={plan.id}").status_code == 403
    assert post(f"/plans/{plan.id}/close").status_code == 403
    assert snapshot() == before
    assert client.get("/plans/").status_code == 200


def test_a_new_plan_is_checked_field_by_field(login_as, plan, post, snapshot):
    login_as("coordinator")
    before = snapshot()
    response = post(
        "/plans/new",
        data={"code": plan.code, "starts_on": "2026-12-31", "ends_on": "2026-01-01"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Another plan already has this code." in page
    assert "Give the title in at least one language." in page
    assert "The last day must not be before the first." in page
    assert snapshot() == before


def test_a_closed_plan_refuses_edits_until_reopened(
    app, db, login_as, plan, make_item, post, client, item_form
):
    coordinator = login_as("coordinator")
    item = make_item()
    assert post(f"/plans/{plan.id}/close").status_code == 302
    assert post(f"/plan/items/{item.id}/status", {"status": "in_progress"}).status_code == 403
    assert client.get(f"/plan/items/{item.id}/edit").status_code == 403
    assert post(f"/plan/{plan.id}/items/new", item_form()).status_code == 403
    page = client.get(f"/plan/items/{item.id}").get_data(as_text=True)
    assert "This plan is closed to edits." in page
    assert "closed" in client.get("/plans/").get_data(as_text=True)

    assert post(f"/plans/{plan.id}/reopen").status_code == 302
    assert post(f"/plan/items/{item.id}/status", {"status": "in_progress"}).status_code == 302
    # Closing and opening again stay in the plan's history, with who did it.
    history = client.get("/plans/").get_data(as_text=True)
    history = history[history.index('class="plan-history"') :]
    assert history.index("Opened again") < history.index("Closed to edits")
    assert history.count(coordinator.name) == 2


def test_the_api_refuses_changes_to_a_closed_plan(app, db, login_as, plan, make_item, post, client):
    from mediaplan.users.models import User
    from mediaplan.users.tokens import create_token

    coordinator = login_as("coordinator")
    item = make_item()
    post(f"/plans/{plan.id}/close")
    with app.app_context():
        _token, secret = create_token(db.session.get(User, coordinator.id), "portal")
        db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    response = client.patch(
        f"/api/v1/plan-items/{item.id}", json={"version": 1, "number": "4.4"}, headers=headers
    )
    assert response.status_code == 403
