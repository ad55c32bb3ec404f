"""The plan's rules called directly: creating, updating, status changes and their history."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from mediaplan.errors import PermissionDenied, ValidationFailed
from mediaplan.plan import service
from mediaplan.plan.choices import STATUSES, TRANSITIONS
from mediaplan.plan.filters import PlanItemFilters, filtered_items
from mediaplan.plan.models import Plan, PlanItem, PlanItemStatusChange
from mediaplan.plan.service import IndicatorData, PlanItemData
from mediaplan.users.models import User


@pytest.fixture
def actor(ctx, db, make_user):
    """``actor(role, agency=...)``: a user of that role, loaded in the test's session."""

    def make(role: str = "coordinator", **fields) -> User:
        return db.session.get(User, make_user(role, **fields).id)

    return make


@pytest.fixture
def the_plan(ctx, db, plan) -> Plan:
    return db.session.get(Plan, plan.id)


def item_data(lead, **changes) -> PlanItemData:
    values = {
        "number": "3.1",
        "direction": "media_plan",
        "format": "broadcast",
        "lead_agency_id": lead.id,
        "title_ru": "Радиопередача о вербовке",
        "title_en": "Radio programme on recruitment",
        "starts_on": date(2025, 4, 1),
        "ends_on": date(2025, 4, 30),
    } | changes
    return PlanItemData(**values)


def test_create_item_stores_everything_and_starts_the_history(
    the_plan, actor, agency, other_agency, make_agency, db
):
    coordinator = actor("coordinator")
    third = make_agency()
    data = item_data(
        agency,
        title_ky="Вербовка тууралуу радиоберүү",
        description_ru="Цикл из трёх передач.",
        co_executor_ids=[third.id, other_agency.id],
        regions=["osh", "bishkek"],
        target_groups=["youth"],
        languages=["ky"],
        indicators=[IndicatorData("Передач в эфире", 3, "шт."), IndicatorData("Слушателей", 5000)],
        budget=Decimal("1200.50"),
        funding_source="donor",
        keywords_ru="вербовка",
    )

    item = service.create_item(the_plan, data, actor=coordinator)
    db.session.commit()

    stored = db.session.get(PlanItem, item.id)
    assert (stored.number, stored.status, stored.format) == ("3.1", "planned", "broadcast")
    assert stored.lead_agency_id == agency.id
    assert {a.id for a in stored.co_executors} == {third.id, other_agency.id}
    assert (stored.regions, stored.target_groups, stored.languages) == (
        ["bishkek", "osh"],
        ["youth"],
        ["ky"],
    )
    assert [(i.text, i.target, i.unit) for i in stored.indicators] == [
        ("Передач в эфире", 3, "шт."),
        ("Слушателей", 5000, ""),
    ]
    assert (stored.budget, stored.funding_source) == (Decimal("1200.50"), "donor")
    assert stored.created_by_id == stored.updated_by_id == coordinator.id
    assert "радиопередача о вербовке" in stored.search_text
    assert "вербовка тууралуу радиоберүү" in stored.search_text
    (created,) = stored.status_changes
    assert (created.from_status, created.to_status, created.actor_id) == (
        None,
        "planned",
        coordinator.id,
    )


def test_deadline_item_has_no_start_date(the_plan, actor, agency):
    item = service.create_item(
        the_plan,
        item_data(agency, starts_on=None, ends_on=date(2025, 6, 30)),
        actor=actor("coordinator"),
    )

    assert item.starts_on is None
    assert item.ends_on == date(2025, 6, 30)
    assert item.is_deadline


def test_update_replaces_tags_co_executors_and_indicators(
    the_plan, actor, agency, other_agency, make_agency, db
):
    coordinator = actor("coordinator")
    third, fourth = make_agency(), make_agency()
    item = service.create_item(
        the_plan,
        item_data(
            agency,
            co_executor_ids=[other_agency.id, third.id],
            regions=["bishkek", "osh"],
            target_groups=["youth", "women"],
            indicators=[IndicatorData("Old", 1)],
        ),
        actor=coordinator,
    )
    db.session.commit()
    editor = actor("press_officer")

    service.update_item(
        item,
        item_data(
            agency,
            title_en="Radio series",
            co_executor_ids=[fourth.id],
            regions=["osh", "naryn"],
            target_groups=[],
            indicators=[IndicatorData("New", 2, "episodes"), IndicatorData("Newer", 3)],
        ),
        actor=editor,
    )
    db.session.commit()
    db.session.expire_all()

    stored = db.session.get(PlanItem, item.id)
    assert stored.title_en == "Radio series"
    assert [a.id for a in stored.co_executors] == [fourth.id]
    assert stored.regions == ["naryn", "osh"]
    assert stored.target_groups == []
    assert [(i.text, i.target) for i in stored.indicators] == [("New", 2), ("Newer", 3)]
    assert stored.updated_by_id == editor.id
    assert len(stored.status_changes) == 1  # editing content is not a change of status


def test_update_keeps_the_items_own_number_but_refuses_a_neighbours(the_plan, actor, agency, db):
    coordinator = actor("coordinator")
    service.create_item(the_plan, item_data(agency, number="3.2"), actor=coordinator)
    item = service.create_item(the_plan, item_data(agency, number="3.1"), actor=coordinator)

    service.update_item(item, item_data(agency, number="3.1", title_en="Same"), actor=coordinator)
    with pytest.raises(ValidationFailed) as refused:
        service.update_item(item, item_data(agency, number="3.2"), actor=coordinator)

    assert list(refused.value.errors) == ["number"]


def test_change_status_records_who_when_from_to_and_why(the_plan, actor, agency, db):
    coordinator = actor("coordinator")
    item = service.create_item(the_plan, item_data(agency), actor=coordinator)
    officer = actor("press_officer")
    when = datetime(2025, 4, 10, 9, 30, tzinfo=UTC)

    service.change_status(
        item, "postponed", actor=officer, reason="  The studio is busy  ", now=when
    )
    db.session.commit()

    stored = db.session.get(PlanItem, item.id)
    assert stored.status == "postponed"
    assert stored.updated_by_id == officer.id
    change = stored.status_changes[-1]
    assert (change.from_status, change.to_status) == ("planned", "postponed")
    assert (change.actor_id, change.changed_at) == (officer.id, when)
    assert change.reason == "The studio is busy"


def test_history_keeps_every_change_in_order(the_plan, actor, agency, db):
    coordinator = actor("coordinator")
    item = service.create_item(the_plan, item_data(agency), actor=coordinator)
    steps = [("in_progress", ""), ("postponed", "rain"), ("in_progress", ""), ("done", "")]
    for hour, (status, reason) in enumerate(steps, start=1):
        at = datetime.now(UTC) + timedelta(hours=hour)
        service.change_status(item, status, actor=coordinator, reason=reason, now=at)
    db.session.commit()

    changes = db.session.scalars(
        sa.select(PlanItemStatusChange)
        .where(PlanItemStatusChange.item_id == item.id)
        .order_by(PlanItemStatusChange.changed_at)
    ).all()
    assert [(c.from_status, c.to_status, c.reason) for c in changes] == [
        (None, "planned", ""),
        ("planned", "in_progress", ""),
        ("in_progress", "postponed", "rain"),
        ("postponed", "in_progress", ""),
        ("in_progress", "done", ""),
    ]


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    [(a, b) for a in STATUSES for b in STATUSES],
    ids=lambda status: status,
)
def test_transitions(from_status, to_status, make_item, actor, db):
    item = db.session.get(PlanItem, make_item(status=from_status).id)
    coordinator = actor("coordinator")

    if to_status in TRANSITIONS[from_status]:
        service.change_status(item, to_status, actor=coordinator, reason="Because")
        assert item.status == to_status
    else:
        with pytest.raises(ValidationFailed) as refused:
            service.change_status(item, to_status, actor=coordinator, reason="Because")
        assert list(refused.value.errors) == ["status"]
        assert item.status == from_status


@pytest.mark.parametrize(
    ("from_status", "to_status", "needs_reason"),
    [
        ("planned", "in_progress", False),
        ("planned", "done", False),
        ("in_progress", "done", False),
        ("postponed", "planned", False),
        ("planned", "postponed", True),
        ("planned", "cancelled", True),
        ("in_progress", "cancelled", True),
        ("done", "in_progress", True),
        ("cancelled", "planned", True),
    ],
)
def test_postponing_cancelling_and_reopening_need_a_reason(
    from_status, to_status, needs_reason, make_item, actor, db
):
    item = db.session.get(PlanItem, make_item(status=from_status).id)
    coordinator = actor("coordinator")

    if needs_reason:
        with pytest.raises(ValidationFailed) as refused:
            service.change_status(item, to_status, actor=coordinator, reason="   ")
        assert list(refused.value.errors) == ["reason"]
        assert item.status == from_status
    else:
        service.change_status(item, to_status, actor=coordinator)
        assert item.status == to_status


def test_unknown_status_is_refused(make_item, actor, db):
    item = db.session.get(PlanItem, make_item().id)

    with pytest.raises(ValidationFailed) as refused:
        service.change_status(item, "archived", actor=actor("coordinator"))

    assert list(refused.value.errors) == ["status"]


def test_rights_are_checked_in_the_service(the_plan, make_item, actor, agency, other_agency, db):
    theirs = db.session.get(PlanItem, make_item(lead=other_agency).id)
    officer = actor("press_officer")

    with pytest.raises(PermissionDenied):
        service.create_item(the_plan, item_data(agency), actor=actor("viewer"))
    with pytest.raises(PermissionDenied):
        service.update_item(theirs, item_data(other_agency), actor=officer)
    with pytest.raises(PermissionDenied):
        service.change_status(theirs, "in_progress", actor=officer)
    with pytest.raises(PermissionDenied):
        service.change_status(theirs, "in_progress", actor=actor("methodologist"))
    with pytest.raises(ValidationFailed) as refused:
        service.create_item(the_plan, item_data(other_agency), actor=officer)
    assert list(refused.value.errors) == ["lead_agency_id"]
    assert theirs.status == "planned"


def test_sort_key_puts_1_10_after_1_9():
    numbers = ["10.1", "1.10", "2", "1.9", "1.2.3", "1.2"]

    assert sorted(numbers, key=service.sort_key) == ["1.2", "1.2.3", "1.9", "1.10", "2", "10.1"]


def test_items_are_listed_in_number_order(the_plan, make_item, db):
    for number in ("1.10", "10.1", "1.9", "2.1", "1.2"):
        make_item(number=number)

    items = db.session.scalars(
        filtered_items(PlanItemFilters(), plan=the_plan, language="en")
    ).all()

    assert [item.number for item in items] == ["1.2", "1.9", "1.10", "2.1", "10.1"]


def test_saving_an_item_unchanged_keeps_its_last_editor_and_version(the_plan, actor, agency, db):
    coordinator = actor("coordinator")
    item = service.create_item(
        the_plan,
        item_data(agency, title_ru="  Серия  ", regions=["osh", "bishkek"]),
        actor=coordinator,
    )
    db.session.commit()
    version = the_plan.items_version
    unchanged = item_data(agency, title_ru="Серия", regions=["bishkek", "osh"])

    service.update_item(item, unchanged, actor=actor("admin"))
    db.session.commit()

    assert db.session.get(PlanItem, item.id).updated_by_id == coordinator.id
    assert db.session.get(Plan, the_plan.id).items_version == version
    service.update_item(item, item_data(agency, title_ru="Другое"), actor=actor("admin"))
    db.session.commit()
    assert db.session.get(Plan, the_plan.id).items_version != version
