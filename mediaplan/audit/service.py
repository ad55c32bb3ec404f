"""Writing to the audit log and reading a record's history.

Callers record in the transaction of the change itself, so an entry exists exactly when its
change was committed: ``record`` flushes and never commits, and a rollback takes both away.
"""

import dataclasses
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

import sqlalchemy as sa

from mediaplan.audit.choices import DEACTIVATED, EDITED, REACTIVATED
from mediaplan.audit.models import AuditEntry
from mediaplan.db import is_valid_id
from mediaplan.extensions import db

# Fields whose values never reach the log, whatever a caller passes: a change of password is
# recorded as an action of its own, without the password or its hash. Whole words of a
# snake_case name, so that "password_hash" or "api_token" is secret and "hashtags" is not.
SECRET_FIELD = re.compile(r"(?:^|_)(?:password|passwd|secret|token|hash)(?:_|$)", re.IGNORECASE)
NAME_MAX = 40


def record(
    kind: str,
    record_id: int,
    *,
    actor_id: int | None,
    action: str,
    changes: Mapping[str, Iterable] | None = None,
) -> AuditEntry:
    """Add an entry to the log in the current transaction; the caller commits.

    :param kind: what the record is, e.g. "user", "agency", "plan_item".
    :param actor_id: the user who made the change, None for the system (CLI, jobs).
    :param action: a code of the "audit_action" vocabulary, e.g. "edited".
    :param changes: {field: (old, new)}, such as ``diff`` makes; values are made JSON-safe.
    :raises ValueError: for a secret field, a bad id or a name too long.
    """
    if not is_valid_id(record_id) or not all(0 < len(n) <= NAME_MAX for n in (kind, action)):
        raise ValueError(f"cannot record {action!r} of {kind!r} {record_id!r}")
    stored = {}
    for field, (old, new) in (changes or {}).items():
        if SECRET_FIELD.search(field):
            raise ValueError(f"{field!r} must not be recorded in the audit log")
        stored[field] = [json_safe(old), json_safe(new)]
    entry = AuditEntry(
        kind=kind, record_id=record_id, actor_id=actor_id, action=action, changes=stored
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def snapshot(obj: object, fields: Iterable[str]) -> dict[str, Any]:
    """The values of ``fields`` of ``obj``, to compare before and after a change."""
    return {field: getattr(obj, field) for field in fields}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list]:
    """The fields whose values differ between two snapshots, as {field: [old, new]} in
    JSON-safe form, in the order of ``after``. A field missing on one side counts as None,
    so ``diff({}, after)`` lists what a new record was given. Secret fields are left out.

    Values that compare equal (Decimal("5") and Decimal("5.00")), that differ only in the
    order of a list's codes, or that are both empty (None, "", []) are no change.
    """
    changed = {}
    for field in [*after, *(f for f in before if f not in after)]:
        old, new = before.get(field), after.get(field)
        if SECRET_FIELD.search(field) or old == new or (_is_empty(old) and _is_empty(new)):
            continue
        old, new = json_safe(old), json_safe(new)
        if old != new:
            changed[field] = [old, new]
    return changed


def edit_action(changes: Mapping[str, Any], flag: str = "is_active") -> str:
    """The action an edit amounts to: "deactivated" or "reactivated" when it turned the
    record's ``flag`` off or on, otherwise "edited"."""
    if flag in changes:
        return REACTIVATED if changes[flag][1] else DEACTIVATED
    return EDITED


def history(kind: str, record_id: int) -> list[AuditEntry]:
    """Every entry of one record, newest first, with the actor loaded."""
    query = (
        sa.select(AuditEntry)
        .where(AuditEntry.kind == kind, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
    return list(db.session.scalars(query))


def json_safe(value: Any) -> Any:
    """``value`` as JSON can keep it: dates and times as ISO strings, Decimals as strings,
    enums by value, dataclasses and mappings as objects, sets and lists of texts or numbers
    sorted (lists of objects, such as indicators, keep their order).

    :raises TypeError: for anything else, such as a model object, which must be named by id.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return json_safe(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json_safe(dataclasses.asdict(value))
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return _sorted_if_plain([json_safe(item) for item in value])
    raise TypeError(f"cannot record a {type(value).__name__} in the audit log")


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | set | dict) and not value)


def _sorted_if_plain(items: list) -> list:
    # Codes and ids are sets in all but name (regions, co-executors); their order means nothing.
    if all(isinstance(i, str) for i in items):
        return sorted(items)
    if all(isinstance(i, int | float) and not isinstance(i, bool) for i in items):
        return sorted(items)
    return items
