"""Bad input through the web UI: a clear message in the user's language, never a 500, and the
database exactly as it was."""

import itertools
import re
from datetime import date

import pytest
import sqlalchemy as sa
from flask_babel import format_date, ngettext
from markupsafe import escape

from mediaplan.plan.choices import STATUSES

pytestmark = pytest.mark.usefixtures("english")

LONG = "x" * 10_000
HUGE_ID = str(10**20)


def msg(msgid: str, **params) -> tuple:
    return (msgid, params)


def too_long(maximum: int) -> tuple:
    return msg(
        lambda: ngettext(
            "Field cannot be longer than %(max)d character.",
            "Field cannot be longer than %(max)d characters.",
            maximum,
            max=maximum,
        )
    )


def not_in_list(value: str) -> tuple:
    return msg(
        lambda: ngettext(
            "'%(value)s' is not a valid choice for this field.",
            "'%(value)s' are not valid choices for this field.",
            1,
            value=value,
        )
    )


def outside_plan() -> tuple:
    return msg(
        "The plan runs from %(start)s to %(end)s.",
        start=lambda: format_date(date(2025, 1, 1)),
        end=lambda: format_date(date(2025, 12, 31)),
    )


NOT_A_CHOICE = msg("Not a valid choice.")
REQUIRED = msg("This field is required.")

# (form field changes, the message the page must show); every case is tried on create and edit.
ITEM_FORM_CASES = {
    "start-after-end": (
        {"starts_on": "2025-04-10", "ends_on": "2025-04-01"},
        msg("The start date must not be after the end date."),
    ),
    "start-before-plan": ({"starts_on": "2024-12-20"}, outside_plan()),
    "end-after-plan": ({"ends_on": "2026-01-10"}, outside_plan()),
    "deadline-after-plan": (
        {"timing": "deadline", "starts_on": None, "ends_on": "2026-03-01"},
        outside_plan(),
    ),
    "impossible-date": ({"ends_on": "2025-13-45"}, msg("Not a valid date value.")),
    "no-end-date": ({"ends_on": ""}, REQUIRED),
    "range-without-start": ({"starts_on": ""}, msg("Give the start date, or choose a deadline.")),
    "unknown-timing": ({"timing": "someday"}, NOT_A_CHOICE),
    "negative-target": (
        {"indicators-0-target": "-5"},
        msg("Number must be between %(min)s and %(max)s.", min=0, max=1_000_000_000),
    ),
    "huge-target": (
        {"indicators-0-target": "99999999999999"},
        msg("Number must be between %(min)s and %(max)s.", min=0, max=1_000_000_000),
    ),
    "non-numeric-target": ({"indicators-0-target": "ten"}, msg("Not a valid integer value.")),
    "target-without-indicator-text": (
        {"indicators-0-text": ""},
        msg("Every indicator needs a text."),
    ),
    "indicator-without-target": (
        {"indicators-0-target": ""},
        msg("A target is a whole number, zero or more."),
    ),
    "long-indicator": ({"indicators-0-text": LONG}, too_long(500)),
    "unknown-direction": ({"direction": "propaganda"}, NOT_A_CHOICE),
    "unknown-format": ({"format": "leaflet-drop"}, NOT_A_CHOICE),
    "unknown-region": ({"regions": ["bishkek", "mars"]}, not_in_list("mars")),
    "region-twice": ({"regions": ["osh", "osh"]}, msg("Each value may be chosen once.")),
    "unknown-target-group": ({"target_groups": ["aliens"]}, not_in_list("aliens")),
    "unknown-language": ({"languages": ["fr"]}, not_in_list("fr")),
    "unknown-funding-source": ({"funding_source": "lottery"}, NOT_A_CHOICE),
    "non-numeric-budget": ({"budget": "a lot"}, msg("Not a valid decimal value.")),
    "negative-budget": ({"budget": "-100"}, msg("Number must be at least %(min)s.", min=0)),
    "nan-budget": ({"budget": "NaN"}, msg("Not a valid decimal value.")),
    "signalling-nan-budget": ({"budget": "sNaN"}, msg("Not a valid decimal value.")),
    "infinite-budget": ({"budget": "Infinity"}, msg("Not a valid decimal value.")),
    "huge-budget": ({"budget": "1e15"}, msg("The budget is too large.")),
    "budget-too-precise": ({"budget": "10.555"}, msg("Use at most two decimal places.")),
    "budget-without-source": (
        {"funding_source": ""},
        msg("Say where the money comes from."),
    ),
    "no-title": (
        {"title_ky": "", "title_ru": "", "title_en": ""},
        msg("Give the title in at least one language."),
    ),
    "blank-titles": (
        {"title_ky": "  ", "title_ru": "\t", "title_en": " \r\n "},
        msg("Give the title in at least one language."),
    ),
    "long-title-ky": ({"title_ky": LONG}, too_long(300)),
    "long-title-ru": ({"title_ru": LONG}, too_long(300)),
    "long-title-en": ({"title_en": LONG}, too_long(300)),
    "long-description": ({"description_en": LONG}, too_long(5000)),
    "long-keywords": ({"keywords_ky": LONG}, too_long(2000)),
    "no-number": ({"number": ""}, REQUIRED),
    "bad-number": ({"number": "one.two"}, msg("Use a number like 2.3: digits separated by dots.")),
    "number-taken": (
        {"number": "1.2"},
        msg("Another item of this plan already has number %(n)s.", n="1.2"),
    ),
    "non-integer-lead": ({"lead_agency_id": "abc"}, msg("Invalid Choice: could not coerce.")),
    "no-lead": ({"lead_agency_id": ""}, msg("Invalid Choice: could not coerce.")),
    "unknown-lead": ({"lead_agency_id": "987654"}, msg("Choose the lead agency from the list.")),
    "huge-lead": ({"lead_agency_id": HUGE_ID}, msg("Choose the lead agency from the list.")),
    "unknown-co-executor": (
        {"co_executor_ids": ["987654"]},
        msg("Choose co-executors from the list, each once."),
    ),
    "huge-co-executor": (
        {"co_executor_ids": [HUGE_ID]},
        msg("Choose co-executors from the list, each once."),
    ),
    "non-integer-co-executor": (
        {"co_executor_ids": ["abc"]},
        msg("Invalid choice(s): one or more data inputs could not be coerced."),
    ),
    # The form shows three rows and adds more in the browser; 21 is one too many.
    "too-many-indicators": (
        {
            field: value
            for n in range(21)
            for field, value in (
                (f"indicators-{n}-text", f"Indicator {n}"),
                (f"indicators-{n}-target", "1"),
            )
        },
        msg("At most %(n)d indicators.", n=20),
    ),
}
ITEM_FORM_PARAMS = [
    pytest.param(changes, expected, id=name)
    for name, (changes, expected) in ITEM_FORM_CASES.items()
]


@pytest.fixture
def coordinator(login_as):
    return login_as("coordinator")


@pytest.fixture
def existing(make_item):
    """The item edited below, and its neighbour 1.2 whose number is taken."""
    make_item(number="1.2")
    return make_item(number="1.1")


def assert_form_error(response, expected, message) -> None:
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message("Please correct the errors below.") in page
    msgid, params = expected
    assert message(msgid, **params) in page


@pytest.mark.parametrize(("changes", "expected"), ITEM_FORM_PARAMS)
def test_create_with_bad_input(
    changes, expected, coordinator, existing, plan, post, item_form, snapshot, message
):
    before = snapshot()

    response = post(f"/plan/{plan.id}/items/new", item_form(**changes))

    assert_form_error(response, expected, message)
    assert snapshot() == before


@pytest.mark.parametrize(("changes", "expected"), ITEM_FORM_PARAMS)
def test_edit_with_bad_input(
    changes, expected, coordinator, existing, post, item_form, snapshot, message
):
    before = snapshot()

    response = post(f"/plan/items/{existing.id}/edit", item_form(**({"number": "1.1"} | changes)))

    assert_form_error(response, expected, message)
    assert snapshot() == before


def test_inactive_lead_agency_is_refused(
    coordinator, make_agency, plan, post, item_form, snapshot, message
):
    closed = make_agency(is_active=False)
    before = snapshot()

    response = post(f"/plan/{plan.id}/items/new", item_form(lead_agency_id=str(closed.id)))

    assert_form_error(response, msg("Choose the lead agency from the list."), message)
    assert snapshot() == before


def test_inactive_agency_is_refused_as_a_new_co_executor(
    coordinator, make_agency, existing, plan, post, item_form, snapshot, message
):
    closed = make_agency(is_active=False)
    before = snapshot()

    created = post(f"/plan/{plan.id}/items/new", item_form(co_executor_ids=[str(closed.id)]))
    edited = post(
        f"/plan/items/{existing.id}/edit",
        item_form(number="1.1", co_executor_ids=[str(closed.id)]),
    )

    for response in (created, edited):
        assert_form_error(response, msg("Choose co-executors from the list, each once."), message)
    assert snapshot() == before


def test_lead_agency_cannot_be_co_executor(
    coordinator, agency, plan, post, item_form, snapshot, message
):
    before = snapshot()

    response = post(f"/plan/{plan.id}/items/new", item_form(co_executor_ids=[str(agency.id)]))

    assert_form_error(response, msg("The lead agency cannot also be a co-executor."), message)
    assert snapshot() == before


def test_form_message_is_in_russian_for_a_russian_browser(
    coordinator, plan, client, post, item_form, snapshot, message
):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ru"
    before = snapshot()

    response = post(
        f"/plan/{plan.id}/items/new", item_form(starts_on="2025-05-02", ends_on="2025-05-01")
    )

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<html lang="ru">' in page
    assert message("The start date must not be after the end date.", "ru") in page
    assert message("Please correct the errors below.", "ru") in page
    assert snapshot() == before


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ky",
            ["Бул талааны толтуруу милдеттүү.", "Бүтүн сан туура эмес.", "Ондук сан туура эмес."],
        ),
        (
            "ru",
            ["Обязательное поле.", "Некорректное целое число.", "Некорректное десятичное число."],
        ),
    ],
)
def test_field_messages_of_the_form_library_are_translated(
    language, expected, coordinator, plan, client, post, item_form, snapshot
):
    """WTForms' own messages, in the item form and in its indicator rows, come from our
    catalogs: WTForms ships no Kyrgyz."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    before = snapshot()

    response = post(
        f"/plan/{plan.id}/items/new",
        item_form(number="", budget="a lot", **{"indicators-0-target": "ten"}),
    )

    page = response.get_data(as_text=True)
    for text in expected:
        assert text in page
    assert snapshot() == before


@pytest.mark.parametrize(
    ("language", "regions", "expected"),
    [
        ("ru", ["mars"], "{values} — недопустимое значение для этого поля."),
        ("ru", ["mars", "venus"], "{values} — недопустимые значения для этого поля."),
        ("ky", ["mars", "venus"], "{values} бул талаа үчүн жараксыз маани."),
        ("en", ["mars", "venus"], "{values} are not valid choices for this field."),
    ],
)
def test_unknown_choices_are_named_in_the_users_language(
    language, regions, expected, coordinator, plan, client, post, item_form, snapshot
):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    before = snapshot()

    response = post(f"/plan/{plan.id}/items/new", item_form(regions=regions))

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    # WTForms names the values in the order of a set.
    shown = [
        str(escape(expected.format(values=", ".join(f"'{value}'" for value in order))))
        for order in itertools.permutations(regions)
    ]
    assert any(text in page for text in shown), shown
    assert snapshot() == before


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/plan/items/{id}"),
        ("GET", "/plan/items/{id}/edit"),
        ("POST", "/plan/items/{id}/edit"),
        ("POST", "/plan/items/{id}/status"),
        ("POST", "/plan/items/{id}/comments"),
        ("GET", "/plan/{id}/items/new"),
        ("POST", "/plan/{id}/items/new"),
    ],
    ids=lambda value: value if value in ("GET", "POST") else value.replace("{id}", "N"),
)
@pytest.mark.parametrize("missing_id", ["987654", "2147483648", HUGE_ID])
def test_missing_item_or_plan_is_404(
    method, path, missing_id, coordinator, existing, client, post, item_form, snapshot
):
    before = snapshot()
    url = path.format(id=missing_id)
    data = item_form() | {"status": "in_progress", "body": "Hello"}

    response = client.get(url) if method == "GET" else post(url, data)

    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(
    ("method", "path", "field"),
    [
        ("POST", "/plan/{plan}/items/new", "title_ru"),
        ("POST", "/plan/items/{item}/edit", "description_en"),
        ("POST", "/plan/items/{item}/edit", "indicators-0-text"),
        ("POST", "/plan/items/{item}/status", "reason"),
        ("POST", "/plan/items/{item}/comments", "body"),
        ("GET", "/plan", "q"),
    ],
    ids=lambda value: (
        value if value in ("GET", "POST") else value.replace("{", "").replace("}", "")
    ),
)
def test_nul_character_is_refused(
    method, path, field, coordinator, existing, plan, client, post, item_form, snapshot
):
    # PostgreSQL cannot store NUL; no browser sends one, so the request is malformed.
    url = path.format(plan=plan.id, item=existing.id)
    data = item_form(number="1.1") | {"status": "postponed", "reason": "rain", "body": "Hi"}
    data[field] = "text with a \x00 in it"
    before = snapshot()

    response = (
        client.get(url, query_string={field: data[field]}) if method == "GET" else post(url, data)
    )

    assert response.status_code == 400
    assert snapshot() == before


def test_unknown_plan_in_the_table_is_404(coordinator, plan, client):
    assert client.get(f"/plan?plan={plan.id}").status_code == 200
    assert client.get("/plan?plan=987654").status_code == 404


def cannot_go(from_status: str, to_status: str) -> tuple:
    return msg(
        "An item cannot go from “%(from)s” to “%(to)s”.",
        **{"from": lambda: str(STATUSES[from_status]), "to": lambda: str(STATUSES[to_status])},
    )


# (status the item is in, what is posted, the flashed message)
STATUS_CASES = {
    "planned-to-planned": ("planned", {"status": "planned"}, cannot_go("planned", "planned")),
    "planned-to-unknown": ("planned", {"status": "archived"}, NOT_A_CHOICE),
    "no-status": ("planned", {}, NOT_A_CHOICE),
    "done-to-cancelled": (
        "done",
        {"status": "cancelled", "reason": "budget cut"},
        cannot_go("done", "cancelled"),
    ),
    "cancelled-to-done": (
        "cancelled",
        {"status": "done", "reason": "it happened"},
        cannot_go("cancelled", "done"),
    ),
    "postpone-without-reason": (
        "planned",
        {"status": "postponed", "reason": ""},
        msg("Say why the status changes."),
    ),
    "cancel-with-blank-reason": (
        "in_progress",
        {"status": "cancelled", "reason": "  \n "},
        msg("Say why the status changes."),
    ),
    "reopen-without-reason": (
        "done",
        {"status": "in_progress", "reason": ""},
        msg("Say why the status changes."),
    ),
    "long-reason": ("planned", {"status": "postponed", "reason": LONG}, too_long(2000)),
}


@pytest.mark.parametrize(
    ("status", "data", "expected"),
    [pytest.param(*case, id=name) for name, case in STATUS_CASES.items()],
)
def test_refused_status_change(
    status, data, expected, coordinator, make_item, client, post, snapshot, message
):
    item = make_item(status=status)
    before = snapshot()

    response = post(f"/plan/items/{item.id}/status", data)

    # The item page again, the message at its field, nothing changed.
    assert response.status_code == 400
    assert snapshot() == before
    msgid, params = expected
    assert message(msgid, **params) in response.get_data(as_text=True)


def test_status_message_is_in_russian_for_a_russian_browser(
    coordinator, make_item, client, post, snapshot, message
):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ru"
    item = make_item()
    before = snapshot()

    response = post(f"/plan/items/{item.id}/status", {"status": "cancelled"})

    assert response.status_code == 400
    assert snapshot() == before
    page = response.get_data(as_text=True)
    assert '<html lang="ru">' in page
    assert message("Say why the status changes.", "ru") in page


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("", REQUIRED, id="empty"),
        pytest.param(" \n\t ", REQUIRED, id="blank"),
        pytest.param(LONG, too_long(5000), id="too-long"),
    ],
)
def test_refused_comment(body, expected, coordinator, make_item, client, post, snapshot, message):
    item = make_item()
    before = snapshot()

    response = post(f"/plan/items/{item.id}/comments", {"body": body})

    # The item page again, the error at the comment and the comment as typed, never cut.
    assert response.status_code == 400
    assert snapshot() == before
    page = response.get_data(as_text=True)
    msgid, params = expected
    assert message(msgid, **params) in page
    field = re.search(r'class="field has-error">\s*<label for="body"', page)
    assert field, "the error is not at the comment field"
    if body.strip():
        assert f">\r\n{body}</textarea>" in page or f">{body}</textarea>" in page


def test_plan_table_ignores_bad_filters_with_a_warning(coordinator, make_item, client, message):
    make_item(number="1.1", title_en="Radio talk show")
    make_item(number="1.2", title_en="Round table in Osh")

    response = client.get(
        "/plan?status=bogus&page=-1&per_page=100000&quarter=9&date_from=2025-13-45&agency=abc"
        "&sort=size&order=sideways&region=mars&plan=first&q=" + "x" * 400
    )

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Radio talk show" in page
    assert "Round table in Osh" in page
    # Each ignored filter is named as its control is labelled, not by its parameter.
    for name in (
        "Status", "Page", "Rows per page", "Quarter", "From", "Agency", "Sort", "Order",
        "Region", "Plan", "Search titles",
    ):  # fmt: skip
        warning = message("The filter “%(name)s” had a value that was ignored.", name=name)
        assert warning in page, name
    assert "“per_page”" not in page and "“date_from”" not in page


@pytest.mark.parametrize("page_number", ["1000", "1000000"])
def test_huge_page_number_gives_an_empty_page(page_number, coordinator, make_item, client, message):
    make_item(title_en="Radio talk show")

    response = client.get(f"/plan?page={page_number}")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Radio talk show" not in page
    assert message("No items match these filters.") in page


def test_absurd_page_number_is_ignored(coordinator, make_item, client, message):
    make_item(title_en="Radio talk show")

    response = client.get(f"/plan?page={10**30}")

    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message("The filter “%(name)s” had a value that was ignored.", name="Page") in page
    assert "Radio talk show" in page


def test_a_refused_status_change_keeps_the_choice_for_the_next_try(
    coordinator, make_item, client, post, app, db
):
    from mediaplan.plan.models import PlanItemStatusChange

    item = make_item()
    response = post(f"/plan/items/{item.id}/status", {"status": "postponed", "reason": ""})
    page = response.get_data(as_text=True)
    assert '<option selected value="postponed">' in page
    assert re.search(r'class="field has-error">\s*<label for="reason"', page)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)

    post(
        f"/plan/items/{item.id}/status",
        {"status": "postponed", "reason": "The studio is busy", "version": version},
    )
    with app.app_context():
        changes = db.session.scalars(
            sa.select(PlanItemStatusChange).where(PlanItemStatusChange.item_id == item.id)
        ).all()
        assert [(c.from_status, c.to_status, c.reason) for c in changes][-1] == (
            "planned",
            "postponed",
            "The studio is busy",
        )
