"""A history as its reader sees it: field labels and vocabulary labels in the reader's
language, yes and no, names for ids, newest first as given, the system for no actor."""

from datetime import UTC, date, datetime

import pytest
from flask_babel import gettext, lazy_gettext

from mediaplan.audit.display import NOTHING, Field, describe, show_date
from mediaplan.audit.models import AuditEntry
from mediaplan.templating import format_day

AT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
FIELDS = {
    "name": lazy_gettext("Name"),
    "role": Field(lazy_gettext("Role"), vocabulary="role"),
    "agency_id": Field(lazy_gettext("Agency"), names={3: "Маданият министрлиги"}),
    "is_active": lazy_gettext("Active"),
}


@pytest.fixture
def kyrgyz(app):
    with app.test_request_context(headers={"Accept-Language": "ky"}):
        yield


def entry(action: str, changes: dict) -> AuditEntry:
    return AuditEntry(kind="user", record_id=1, action=action, changes=changes, created_at=AT)


def test_an_edit_shows_each_field_by_its_label_from_old_to_new(kyrgyz):
    changes = {
        "is_active": [True, False],
        "role": ["press_officer", "trainer"],
        "agency_id": [3, 99],
        "name": ["Aida", ""],
    }

    (shown,) = describe([entry("deactivated", changes)], FIELDS)

    assert shown.action == gettext("Deactivated")
    assert shown.actor == "система"
    assert shown.at == AT
    assert [(c.label, c.old, c.new) for c in shown.changes] == [
        ("Аты", "Aida", NOTHING),
        ("Ролу", "Басма сөз катчысы", "Тренер"),
        # An id no longer known shows as itself rather than vanishing.
        ("Мекеме", "Маданият министрлиги", "99"),
        ("Активдүү", gettext("yes"), gettext("no")),
    ]


def test_a_creation_shows_only_the_values_given(kyrgyz):
    (shown,) = describe([entry("created", {"role": [None, "trainer"]})], FIELDS)

    assert [(c.label, c.old, c.new) for c in shown.changes] == [("Ролу", None, "Тренер")]


def test_lists_show_item_by_item_and_unknown_fields_by_name(kyrgyz):
    changes = {"regions": [["osh"], ["batken", "osh"]], "role": ["viewer", "admin"]}

    (shown,) = describe([entry("edited", changes)], {"role": FIELDS["role"]})

    assert [(c.label, c.old, c.new) for c in shown.changes] == [
        ("Ролу", "Байкоочу", "Администратор"),
        ("regions", "osh", "batken, osh"),
    ]


def test_a_field_may_show_its_values_its_own_way(kyrgyz):
    fields = {"ends_on": Field("Мөөнөтү", show=show_date)}

    (shown,) = describe([entry("edited", {"ends_on": ["2025-01-31", None]})], fields)

    (change,) = shown.changes
    assert change.old == format_day(date(2025, 1, 31)) == "2025-ж., 31-янв."
    assert change.new == NOTHING
