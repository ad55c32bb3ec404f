"""A plan's items version changes with every change to its items, so the plan table's totals,
kept in memory by that version, are never shown stale."""

from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from mediaplan.plan import service
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.plan.versions import VersionedCache

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def version_of(app, db):
    def version(plan_id: int) -> str:
        with app.app_context():
            return db.session.get(Plan, plan_id).items_version

    return version


@pytest.fixture
def change_item(app, db, make_user):
    """``change_item(item, change)`` runs ``change(item, actor)`` in a request's session and
    commits, as a view would."""
    actor_id = make_user("coordinator").id

    def change(item, apply) -> None:
        from mediaplan.users.models import User

        with app.app_context():
            apply(db.session.get(PlanItem, item.id), db.session.get(User, actor_id))
            db.session.commit()

    return change


def edited(**changes):
    def apply(item, actor):
        data = replace(service.PlanItemData.from_item(item), **changes)
        service.update_item(item, data, actor=actor)

    return apply


def test_every_plan_starts_with_a_version_of_its_own(make_plan):
    first = make_plan()
    second = make_plan(code="MP-OTHER")

    assert len(first.items_version) == 16
    assert first.items_version != second.items_version


def test_a_new_item_changes_the_version(plan, make_item, version_of):
    before = version_of(plan.id)
    make_item()
    assert version_of(plan.id) != before


def changes(other_agency) -> dict:
    return {
        "title": edited(title_en="Another title"),
        "regions-only": edited(regions=["naryn"]),
        "target-groups-only": edited(target_groups=["women", "youth"]),
        "co-executors-only": edited(co_executor_ids=[other_agency.id]),
        "status": lambda item, actor: service.change_status(item, "in_progress", actor=actor),
    }


@pytest.mark.parametrize(
    "change", ["title", "regions-only", "target-groups-only", "co-executors-only", "status"]
)
def test_each_change_to_an_item_changes_the_version(
    change, plan, make_item, other_agency, change_item, version_of
):
    item = make_item(regions=["osh"], target_groups=["youth"])
    before = version_of(plan.id)

    change_item(item, changes(other_agency)[change])

    assert version_of(plan.id) != before


def test_a_tag_written_on_its_own_changes_the_version(app, db, plan, make_item, version_of):
    from mediaplan.plan.models import PlanItemTag

    item = make_item()
    before = version_of(plan.id)

    with app.app_context():
        db.session.add(PlanItemTag(item_id=item.id, kind="region", code="talas"))
        db.session.commit()

    assert version_of(plan.id) != before


def test_a_change_to_one_plan_leaves_the_others(plan, make_plan, make_item, version_of):
    other = make_plan(code="MP-2026", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    before = version_of(other.id)

    make_item()

    assert version_of(other.id) == before


def test_a_comment_leaves_the_version(plan, make_item, login_as, post, version_of):
    item = make_item()
    login_as("methodologist")
    before = version_of(plan.id)

    response = post(f"/plan/items/{item.id}/comments", {"body": "Add a Kyrgyz version."})

    assert response.status_code == 302
    assert version_of(plan.id) == before


def test_the_table_total_follows_a_status_change(login_as, make_item, client, post):
    items = [make_item(number=f"3.{n}") for n in range(1, 4)]
    login_as("coordinator")
    assert "3 items" in client.get("/plan?status=planned").get_data(as_text=True)

    post(f"/plan/items/{items[0].id}/status", {"status": "in_progress", "reason": ""})

    assert "2 items" in client.get("/plan?status=planned").get_data(as_text=True)
    assert "1 item" in client.get("/plan?status=in_progress").get_data(as_text=True)


def test_the_table_total_follows_a_change_made_by_another_process(
    app, db, plan, login_as, make_item, client
):
    """Another worker's commit reaches this one through the version it reads with the plan."""
    items = [make_item(number=f"4.{n}") for n in range(1, 4)]
    login_as("viewer")
    assert "3 items" in client.get("/plan?status=planned").get_data(as_text=True)

    with app.app_context():
        db.session.execute(
            sa.update(PlanItem).where(PlanItem.id == items[0].id).values(status="done")
        )
        db.session.execute(
            sa.update(Plan).where(Plan.id == plan.id).values(items_version="from-elsewhere")
        )
        db.session.commit()

    assert "2 items" in client.get("/plan?status=planned").get_data(as_text=True)


def test_the_cache_forgets_the_least_recently_used_entry():
    cache = VersionedCache(size=2)
    computed = []

    def compute(value):
        def run():
            computed.append(value)
            return value

        return run

    assert cache.get("a", compute(1)) == 1
    assert cache.get("b", compute(2)) == 2
    assert cache.get("a", compute(10)) == 1  # known: not computed, and now the most recent
    assert cache.get("c", compute(3)) == 3  # pushes out "b"
    assert cache.get("b", compute(20)) == 20
    assert computed == [1, 2, 3, 20]
    assert len(cache) == 2
