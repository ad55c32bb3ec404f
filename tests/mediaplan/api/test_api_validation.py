"""Bad input gets a 422 (or a 400 for a body that is not JSON) with messages on the fields the
client sent, and changes nothing; never a 500."""

import pytest

URL = "/api/v1/plan-items"
PLAN_PERIOD = "The plan runs from Jan 1, 2025 to Dec 31, 2025."


@pytest.fixture
def headers(bearer):
    return bearer("coordinator")[1]


def errors(response) -> dict:
    assert response.status_code == 422, response.json
    assert response.json["code"] == 422
    assert response.json["status"] == "Unprocessable Entity"
    assert response.json["message"]
    return response.json["errors"]["json"]


RULE_BREAKS = [
    (
        "dates out of order",
        {"starts_on": "2025-05-02", "ends_on": "2025-05-01"},
        {"starts_on": ["The start date must not be after the end date."]},
    ),
    (
        "dates outside the plan",
        {"starts_on": "2024-12-31", "ends_on": "2026-01-01"},
        {"starts_on": [PLAN_PERIOD], "ends_on": [PLAN_PERIOD]},
    ),
    (
        "no title in any language",
        {"title": {"ky": "", "ru": "   ", "en": ""}},
        {"title": {"ru": ["Give the title in at least one language."]}},
    ),
    (
        "unknown lead agency",
        {"lead_agency_id": 999_999},
        {"lead_agency_id": ["Choose the lead agency from the list."]},
    ),
    (
        "unknown co-executor",
        {"co_executor_ids": [999_999]},
        {"co_executor_ids": ["Choose co-executors from the list, each once."]},
    ),
    ("unknown plan", {"plan_id": 999_999}, {"plan_id": ["Choose an existing plan."]}),
    (
        "bad number",
        {"number": "2.x"},
        {"number": ["Use a number like 2.3: digits separated by dots."]},
    ),
    ("three decimals", {"budget": "10.005"}, {"budget": ["Use at most two decimal places."]}),
    (
        "money from nowhere",
        {"funding_source": None},
        {"funding_source": ["Say where the money comes from."]},
    ),
]

FIELD_ERRORS = [
    (
        "negative target",
        {"indicators": [{"text": "Articles", "target": -1}]},
        {
            "indicators": {
                "0": {
                    "target": [
                        "Must be greater than or equal to 0 and less than or equal to 1000000000."
                    ]
                }
            }
        },
    ),
    (
        "unknown direction",
        {"direction": "sideways"},
        {"direction": ["Must be one of: media_plan, media_relations."]},
    ),
    ("unknown region", {"regions": ["osh", "mars"]}, {"regions": {"1": ["Must be one of: "]}}),
    ("unknown status field", {"status": "done"}, {"status": ["Unknown field."]}),
    ("unknown language", {"title": {"fr": "Titre"}}, {"title": {"fr": ["Unknown field."]}}),
    ("title as a string", {"title": "Title"}, {"title": {"_schema": ["Invalid input type."]}}),
    ("number as a number", {"number": 7}, {"number": ["Not a valid string."]}),
    ("id as a string", {"lead_agency_id": "5"}, {"lead_agency_id": ["Not a valid integer."]}),
    ("id as a float", {"lead_agency_id": 5.5}, {"lead_agency_id": ["Not a valid integer."]}),
    ("regions as a string", {"regions": "osh"}, {"regions": ["Not a valid list."]}),
    ("a date in words", {"ends_on": "tomorrow"}, {"ends_on": ["Not a valid date."]}),
    ("number null", {"number": None}, {"number": ["Field may not be null."]}),
    ("budget in words", {"budget": "a lot"}, {"budget": ["Not a valid number."]}),
    (
        "budget NaN",
        {"budget": "NaN"},
        {"budget": ["Special numeric values (nan or infinity) are not permitted."]},
    ),
    (
        "huge budget",
        {"budget": "1e30"},
        {"budget": ["Must be greater than or equal to 0 and less than 1000000000000."]},
    ),
    (
        "huge target",
        {"indicators": [{"text": "Articles", "target": 10**30}]},
        {"indicators": {"0": {"target": ["Must be greater than or equal to 0 and "]}}},
    ),
    (
        "id beyond 2**31",
        {"lead_agency_id": 2**31},
        {"lead_agency_id": ["Must be greater than or equal to 1 and less than or equal to "]},
    ),
    (
        "plan id beyond 2**31",
        {"plan_id": 2**63},
        {"plan_id": ["Must be greater than or equal to 1 and less than or equal to "]},
    ),
    (
        "NUL in a title",
        {"title": {"ru": "a\x00b"}},
        {"title": {"ru": ["The text contains characters that cannot be stored."]}},
    ),
    (
        "lone surrogate in a title",
        {"title": {"ru": "a\ud800b"}},
        {"title": {"ru": ["The text contains characters that cannot be stored."]}},
    ),
]

TEN_THOUSAND = "x" * 10_000
LONG_FIELDS = [
    ({"title": {"ky": TEN_THOUSAND}}, {"title": {"ky": ["Longer than maximum length 300."]}}),
    (
        {"description": {"en": TEN_THOUSAND}},
        {"description": {"en": ["Longer than maximum length 5000."]}},
    ),
    (
        {"keywords": {"ru": TEN_THOUSAND}},
        {"keywords": {"ru": ["Longer than maximum length 2000."]}},
    ),
    ({"number": TEN_THOUSAND}, {"number": ["Use a number like 2.3: digits separated by dots."]}),
    (
        {"indicators": [{"text": TEN_THOUSAND, "target": 1, "unit": TEN_THOUSAND}]},
        {
            "indicators": {
                "0": {
                    "text": ["Longer than maximum length 500."],
                    "unit": ["Longer than maximum length 60."],
                }
            }
        },
    ),
]


def matches(actual, expected) -> bool:
    """``expected`` with each message a prefix of the actual one."""
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(matches(actual[key], value) for key, value in expected.items())
        )
    if isinstance(expected, list):
        return len(actual) == len(expected) and all(
            a.startswith(e) for a, e in zip(actual, expected, strict=True)
        )
    return False


@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in RULE_BREAKS + FIELD_ERRORS] + LONG_FIELDS,
    ids=[case[0] for case in RULE_BREAKS + FIELD_ERRORS] + ["long"] * len(LONG_FIELDS),
)
def test_create_refuses_bad_input_field_by_field(
    client, headers, item_body, snapshot, changes, expected
):
    before = snapshot()
    response = client.post(URL, json=item_body(**changes), headers=headers)
    assert matches(errors(response), expected), response.json
    assert snapshot() == before


@pytest.mark.parametrize(
    ("changes", "expected"),
    [case[1:] for case in RULE_BREAKS + FIELD_ERRORS if "plan_id" not in case[1]] + LONG_FIELDS,
)
def test_update_refuses_the_same_input(
    client, headers, make_item, snapshot, changes, expected, patch_item
):
    item = make_item(budget=None)
    changes = {"budget": "100", "funding_source": "donor"} | changes
    before = snapshot()
    response = patch_item(item.id, changes, headers)
    assert matches(errors(response), expected), response.json
    assert snapshot() == before


def test_missing_fields_are_named(client, headers):
    response = client.post(URL, json={}, headers=headers)
    required = ["direction", "ends_on", "format", "lead_agency_id", "number", "plan_id", "title"]
    assert errors(response) == {name: ["Missing data for required field."] for name in required}


def test_a_taken_number_is_refused(client, headers, make_item, item_body):
    make_item(number="4.2")
    response = client.post(URL, json=item_body(number="4.2"), headers=headers)
    assert errors(response) == {"number": ["Another item of this plan already has number 4.2."]}


@pytest.mark.parametrize("body", ["[]", '"text"', "42", "null"])
def test_a_body_that_is_not_an_object_is_422(client, headers, body):
    response = client.post(URL, data=body, content_type="application/json", headers=headers)
    assert errors(response) == {"_schema": ["Invalid input type."]}


@pytest.mark.parametrize(
    "body",
    ["{", "1" * 5000, "[" * 100_000, '{"number": 1' + "0" * 5000 + "}", b"\xff\xfe"],
    ids=["truncated", "huge integer", "deep nesting", "huge integer field", "not utf-8"],
)
def test_a_body_json_cannot_read_is_400(client, headers, body):
    response = client.post(URL, data=body, content_type="application/json", headers=headers)
    assert response.status_code == 400
    assert response.json["errors"] == {"json": ["Invalid JSON body."]}


def test_a_status_change_is_checked_too(client, headers, make_item):
    item = make_item()
    url = f"{URL}/{item.id}/status"
    response = client.post(url, json={"status": "lost", "reason": "x" * 10_000}, headers=headers)
    assert errors(response) == {
        "status": ["Must be one of: planned, in_progress, done, postponed, cancelled."],
        "reason": ["Longer than maximum length 2000."],
    }
    assert errors(client.post(url, json={}, headers=headers)) == {
        "status": ["Missing data for required field."]
    }
