"""Reading through the API: the plan table's filters and paging, one item, plans and agencies."""

from datetime import date

import pytest

URL = "/api/v1/plan-items"


@pytest.fixture
def viewer(bearer):
    return bearer("viewer")[1]


def numbers(response) -> list[str]:
    assert response.status_code == 200, response.json
    return [item["number"] for item in response.json["items"]]


def test_an_item_has_every_field(client, viewer, make_item, agency, other_agency, plan):
    item = make_item(
        number="2.10",
        title_ky="Макалалар",
        description_ru="Описание",
        keywords_en="recruitment",
        co_executor_ids=[other_agency.id],
        regions=["osh"],
        target_groups=["youth", "women"],
        languages=["ky"],
        indicators=[_indicator("Articles", 4, "articles")],
        budget=_decimal("1200.5"),
        funding_source="donor",
    )
    body = client.get(f"{URL}/{item.id}", headers=viewer).json
    created_at, updated_at = body.pop("created_at"), body.pop("updated_at")
    assert created_at.endswith("+00:00") and updated_at.endswith("+00:00")
    assert body == {
        "id": item.id,
        "version": 1,
        "plan_id": plan.id,
        "number": "2.10",
        "direction": "media_plan",
        "format": "publication",
        "status": "planned",
        "title": {"ky": "Макалалар", "ru": item.title_ru, "en": item.title_en},
        "description": {"ky": "", "ru": "Описание", "en": ""},
        "keywords": {"ky": "", "ru": "", "en": "recruitment"},
        "lead_agency_id": agency.id,
        "co_executor_ids": [other_agency.id],
        "target_groups": ["women", "youth"],
        "regions": ["osh"],
        "languages": ["ky"],
        "starts_on": "2025-02-01",
        "ends_on": "2025-02-28",
        "indicators": [{"text": "Articles", "target": 4, "unit": "articles"}],
        "budget": "1200.50",
        "funding_source": "donor",
        "reminder_days": 3,
        "created_by_id": item.created_by_id,
        "updated_by_id": item.created_by_id,
    }


def _indicator(text, target, unit):
    from mediaplan.plan.service import IndicatorData

    return IndicatorData(text, target, unit)


def _decimal(text):
    from decimal import Decimal

    return Decimal(text)


@pytest.mark.parametrize("item_id", ["999999", str(2**31 - 1), str(2**31), str(10**30), "-1", "x"])
def test_a_missing_item_is_a_json_404(client, viewer, item_id):
    response = client.get(f"{URL}/{item_id}", headers=viewer)
    assert response.status_code == 404
    assert response.json["code"] == 404


def test_the_list_is_paged(client, viewer, make_item):
    for n in range(1, 6):
        make_item(number=f"1.{n}")
    response = client.get(f"{URL}?per_page=2&page=2", headers=viewer)
    assert numbers(response) == ["1.3", "1.4"]
    assert {k: v for k, v in response.json.items() if k != "items"} == {
        "page": 2,
        "per_page": 2,
        "total": 5,
        "pages": 3,
    }
    assert numbers(client.get(f"{URL}?per_page=2&page=9", headers=viewer)) == []


def test_numbers_sort_as_numbers_and_order_reverses(client, viewer, make_item):
    for number in ("1.10", "1.2", "2.1"):
        make_item(number=number)
    assert numbers(client.get(URL, headers=viewer)) == ["1.2", "1.10", "2.1"]
    assert numbers(client.get(f"{URL}?order=desc", headers=viewer)) == ["2.1", "1.10", "1.2"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("direction=media_relations", ["1.2"]),
        ("format=broadcast", ["1.3"]),
        ("status=postponed", ["1.3"]),
        ("region=naryn", ["1.2"]),
        ("target_group=migrants", ["1.3"]),
        ("q=ВЕРБОВК", ["1.2"]),
        ("date_from=2025-06-01", ["1.2", "1.3"]),
        ("date_to=2025-03-01", ["1.1"]),
        # A quarter is of the plan's year; without a plan, of this year.
        ("quarter=3&plan={plan}", ["1.3"]),
        ("direction=media_plan&format=publication", ["1.1"]),
    ],
)
def test_filters_are_those_of_the_web_table(client, viewer, make_item, plan, query, expected):
    make_item(number="1.1")
    make_item(
        number="1.2",
        direction="media_relations",
        title_ru="О вербовке",
        regions=["naryn"],
        starts_on=date(2025, 5, 1),
        ends_on=date(2025, 6, 30),
    )
    make_item(
        number="1.3",
        format="broadcast",
        status="postponed",
        target_groups=["migrants"],
        starts_on=None,
        ends_on=date(2025, 8, 15),
    )
    response = client.get(f"{URL}?{query.format(plan=plan.id)}", headers=viewer)
    assert numbers(response) == expected


def test_agency_filter_counts_co_executors(client, viewer, make_item, agency, other_agency):
    make_item(number="1.1", lead=agency)
    make_item(number="1.2", lead=other_agency)
    make_item(number="1.3", lead=agency, co_executor_ids=[other_agency.id])
    assert numbers(client.get(f"{URL}?agency={other_agency.id}", headers=viewer)) == ["1.2", "1.3"]


def test_plan_filter_and_all_plans(client, viewer, make_item, make_plan):
    other_plan = make_plan(starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    make_item(number="1.1")
    make_item(number="1.2", in_plan=other_plan, starts_on=None, ends_on=date(2026, 3, 1))
    assert numbers(client.get(f"{URL}?plan={other_plan.id}", headers=viewer)) == ["1.2"]
    assert numbers(client.get(URL, headers=viewer)) == ["1.1", "1.2"]
    assert client.get(f"{URL}?plan=999999", headers=viewer).status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("direction=sideways", "direction"),
        ("status=", "status"),
        ("quarter=5", "quarter"),
        ("date_from=2025-13-01", "date_from"),
        ("page=0", "page"),
        ("per_page=1000", "per_page"),
        ("plan=abc", "plan"),
        (f"agency={2**31}", "agency"),
        ("sort=budget", "sort"),
        ("q=" + "x" * 301, "q"),
        ("q=%00", "q"),
    ],
)
def test_bad_filters_are_422_not_ignored(client, viewer, query, field):
    response = client.get(f"{URL}?{query}", headers=viewer)
    assert response.status_code == 422
    assert response.json["code"] == 422
    assert list(response.json["errors"]["query"]) == [field]
    assert all(isinstance(m, str) for m in response.json["errors"]["query"][field])


def test_plans_list_latest_first(client, viewer, plan, make_plan):
    later = make_plan(code="MP-2026", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31))
    response = client.get("/api/v1/plans", headers=viewer)
    assert response.status_code == 200
    assert [p["id"] for p in response.json] == [later.id, plan.id]
    assert response.json[0] == {
        "id": later.id,
        "code": "MP-2026",
        "title": {"ky": later.title_ky, "ru": later.title_ru, "en": later.title_en},
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
    }


def test_agencies_list_with_their_state(client, viewer, agency, make_agency):
    closed = make_agency(code="zz-closed", is_active=False, abbreviation_ru="ЗЗ")
    response = client.get("/api/v1/agencies", headers=viewer)
    assert response.status_code == 200
    by_id = {a["id"]: a for a in response.json}
    assert by_id[agency.id]["is_active"] is True
    assert by_id[closed.id] == {
        "id": closed.id,
        "code": "zz-closed",
        "kind": "state_body",
        "name": {"ky": closed.name_ky, "ru": closed.name_ru, "en": closed.name_en},
        "abbreviation": {"ky": "", "ru": "ЗЗ", "en": ""},
        "is_active": False,
    }
