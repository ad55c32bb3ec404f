"""The audit log's service: JSON-safe values, diffs with only the changed fields, entries
written in the caller's transaction, secrets refused, history newest first, and entries that
cannot be changed or deleted."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum

import pytest

from mediaplan.audit import service
from mediaplan.audit.models import AuditEntry, AuditLogIsAppendOnly


@dataclass
class Indicator:
    text: str
    target: int


class Colour(Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(date(2025, 3, 1), "2025-03-01", id="date"),
        pytest.param(datetime(2025, 3, 1, 9, 30, tzinfo=UTC), "2025-03-01T09:30:00+00:00", id="dt"),
        pytest.param(Decimal("1500.50"), "1500.50", id="decimal"),
        pytest.param(["osh", "batken", "chui"], ["batken", "chui", "osh"], id="codes-sorted"),
        pytest.param({7, 3, 5}, [3, 5, 7], id="ids-sorted"),
        pytest.param(
            [Indicator("b", 2), Indicator("a", 1)],
            [{"text": "b", "target": 2}, {"text": "a", "target": 1}],
            id="objects-keep-order",
        ),
        pytest.param(Colour.RED, "red", id="enum"),
        pytest.param({"n": Decimal("2")}, {"n": "2"}, id="mapping"),
        pytest.param(True, True, id="bool"),
        pytest.param(None, None, id="none"),
    ],
)
def test_values_are_made_json_safe(value, expected):
    assert service.json_safe(value) == expected


def test_a_model_object_is_refused_rather_than_recorded_as_its_repr():
    with pytest.raises(TypeError):
        service.json_safe(object())


def test_diff_lists_only_the_fields_that_changed():
    before = {"name": "Aida", "role": "trainer", "budget": Decimal("5"), "regions": ["osh", "chui"]}
    after = {
        "name": "Aida K.",
        "role": "trainer",
        "budget": Decimal("5.00"),
        "regions": ["chui", "osh"],
    }

    assert service.diff(before, after) == {"name": ["Aida", "Aida K."]}


def test_diff_of_a_new_record_lists_what_it_was_given():
    after = {"code": "culture", "abbreviation_en": "", "is_active": False, "starts_on": None}

    assert service.diff({}, after) == {"code": [None, "culture"], "is_active": [None, False]}


def test_diff_sees_a_field_dropped_and_values_as_stored():
    changes = service.diff(
        {"ends_on": date(2025, 1, 31), "note": "x"}, {"ends_on": date(2025, 2, 1)}
    )

    assert changes == {"ends_on": ["2025-01-31", "2025-02-01"], "note": ["x", None]}


def test_diff_leaves_secret_fields_out():
    before = {"password_hash": "scrypt:1", "api_token": "a", "name": "A", "hashtags": []}
    after = {"password_hash": "scrypt:2", "api_token": "b", "name": "B", "hashtags": ["#mp"]}

    assert service.diff(before, after) == {"name": ["A", "B"], "hashtags": [[], ["#mp"]]}


@pytest.mark.parametrize("field", ["password", "password_hash", "new_password", "token_hash"])
def test_record_refuses_a_secret_field(ctx, field):
    with pytest.raises(ValueError, match=field):
        service.record("user", 1, actor_id=None, action="edited", changes={field: ["a", "b"]})


@pytest.mark.parametrize(
    ("kind", "record_id", "action"),
    [("", 1, "edited"), ("user", 0, "edited"), ("user", 2**40, "edited"), ("user", 1, "x" * 41)],
)
def test_record_refuses_what_names_no_record(ctx, kind, record_id, action):
    with pytest.raises(ValueError):
        service.record(kind, record_id, actor_id=None, action=action)


def test_record_writes_in_the_callers_transaction(ctx, db, make_user, entries_of):
    actor = make_user("admin")

    entry = service.record(
        "agency", 5, actor_id=actor.id, action="edited", changes={"code": ("a", "b")}
    )

    # Flushed, so it is part of the transaction, and visible to it...
    assert entry.id is not None
    assert service.history("agency", 5) == [entry]
    assert entry.changes == {"code": ["a", "b"]}
    # ...and gone with it when it rolls back: nothing committed it.
    db.session.rollback()
    assert entries_of("agency", 5) == []


def test_history_is_one_records_newest_first(ctx, db, make_user):
    actor = make_user("admin")
    for action in ("created", "edited", "deactivated"):
        service.record("agency", 5, actor_id=actor.id, action=action)
    service.record("agency", 6, actor_id=None, action="created")
    service.record("user", 5, actor_id=None, action="created")
    db.session.commit()

    shown = service.history("agency", 5)

    assert [entry.action for entry in shown] == ["deactivated", "edited", "created"]
    assert {entry.actor.name for entry in shown} == {actor.name}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"is_active": [True, False], "name": ["a", "b"]}, "deactivated"),
        ({"is_active": [False, True]}, "reactivated"),
        ({"name": ["a", "b"]}, "edited"),
    ],
)
def test_an_edit_of_the_active_flag_is_named_for_it(changes, expected):
    assert service.edit_action(changes) == expected


def test_an_entry_cannot_be_changed(ctx, db):
    entry = service.record("agency", 5, actor_id=None, action="edited", changes={"a": [1, 2]})
    db.session.commit()

    entry.action = "created"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()


def test_an_entry_cannot_be_deleted(ctx, db):
    entry = service.record("agency", 5, actor_id=None, action="created")
    db.session.commit()

    db.session.delete(entry)
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(AuditEntry, entry.id) is not None
