"""A record's history as its reader sees it: fields by their labels, codes by the labels of
their vocabulary, yes and no, dates in the reader's language; ready for
templates/audit/_history.html."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask_babel import gettext

from mediaplan.audit.choices import CREATED
from mediaplan.audit.models import AuditEntry
from mediaplan.templating import format_day, label

# What an empty value (None, "", an empty list) shows.
NOTHING = "—"


@dataclass(frozen=True)
class Field:
    """How the history names a recorded field and shows its values.

    ``label`` is a (lazy) text. A value is shown by ``show`` when given; else a code of
    ``vocabulary`` by its label; else through ``names`` (agency ids to names, say), falling
    back to the value itself. Lists are shown item by item, booleans as yes or no.
    """

    label: Any
    vocabulary: str | None = None
    names: Mapping[Any, str] | None = None
    show: Callable[[Any], str] | None = None


@dataclass(frozen=True)
class ShownChange:
    label: str
    # None in the entry that created the record: only the value it was given is shown.
    old: str | None
    new: str


@dataclass(frozen=True)
class ShownEntry:
    at: datetime
    actor: str
    action: str
    changes: list[ShownChange]


def describe(entries: Iterable[AuditEntry], fields: Mapping[str, Any]) -> list[ShownEntry]:
    """``entries`` (from ``service.history``) ready to show, their changes in the order of
    ``fields``: {field: Field, or just its label}. A field missing there shows its own name."""
    specs = {name: _as_field(spec) for name, spec in fields.items()}
    order = {name: position for position, name in enumerate(specs)}
    return [_entry(entry, specs, order) for entry in entries]


def _as_field(spec: Any) -> Field:
    return spec if isinstance(spec, Field) else Field(spec)


def _entry(entry: AuditEntry, specs: dict[str, Field], order: dict[str, int]) -> ShownEntry:
    names = sorted(entry.changes, key=lambda name: (order.get(name, len(order)), name))
    changes = []
    for name in names:
        old, new = entry.changes[name]
        spec = specs.get(name) or _as_field(name)
        shown_old = None if entry.action == CREATED else show_value(old, spec)
        changes.append(ShownChange(str(spec.label), shown_old, show_value(new, spec)))
    return ShownEntry(
        at=entry.created_at,
        actor=entry.actor.name if entry.actor else gettext("system"),
        action=label("audit_action", entry.action),
        changes=changes,
    )


def show_value(value: Any, spec: Field) -> str:
    """One recorded value as text in the reader's language."""
    if value is None or value == "" or value == []:
        return NOTHING
    if spec.show is not None:
        return spec.show(value)
    if isinstance(value, list):
        return ", ".join(show_value(item, spec) for item in value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, dict):
        return " ".join(str(item) for item in value.values() if item not in (None, ""))
    if spec.vocabulary is not None:
        return label(spec.vocabulary, value)
    if spec.names is not None:
        return spec.names.get(value, str(value))
    return str(value)


def show_date(value: str) -> str:
    """A date the log keeps as an ISO string, in the reader's format; for ``Field.show``."""
    return format_day(date.fromisoformat(value))
