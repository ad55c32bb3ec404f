"""What differs between an item as saved now and an edit made from an older version of it,
shown side by side so that the person editing can merge by hand and save again."""

from dataclasses import dataclass, fields

from flask_babel import lazy_gettext as _l

from mediaplan.db import localized
from mediaplan.plan.service import PlanItemData, as_stored
from mediaplan.templating import format_day, label

# Vocabularies of the fields that hold codes, for showing their labels.
CODE_FIELDS = {"direction": "direction", "format": "format", "funding_source": "funding_source"}
TAG_FIELDS = {"regions": "region", "target_groups": "target_group", "languages": "language"}
# Fields without a label of their own on the form.
LABELS = {"indicators": _l("Indicators"), "starts_on": _l("Starts on")}


@dataclass(frozen=True)
class Difference:
    label: str
    saved: str
    yours: str


def differences(saved: PlanItemData, yours: PlanItemData, form, agencies) -> list[Difference]:
    """The fields whose value saved now differs from the edit's, in the form's order, with
    labels from ``form`` and values as a reader sees them; ``agencies`` maps ids to agencies."""
    saved, yours = as_stored(saved), as_stored(yours)
    found = []
    for field in fields(PlanItemData):
        name = field.name
        if getattr(saved, name) == getattr(yours, name):
            continue
        found.append(
            Difference(
                label=str(LABELS.get(name) or form[name].label.text),
                saved=_shown(name, getattr(saved, name), agencies),
                yours=_shown(name, getattr(yours, name), agencies),
            )
        )
    return found


def _shown(name: str, value, agencies) -> str:
    if value in (None, "", []):
        return "—"
    if name in CODE_FIELDS:
        return label(CODE_FIELDS[name], value)
    if name in TAG_FIELDS:
        return ", ".join(label(TAG_FIELDS[name], code) for code in value)
    if name == "lead_agency_id":
        return _agency_name(agencies, value)
    if name == "co_executor_ids":
        return "; ".join(_agency_name(agencies, agency_id) for agency_id in value)
    if name in ("starts_on", "ends_on"):
        return format_day(value)
    if name == "indicators":
        return "; ".join(f"{i.text}: {i.target} {i.unit}".strip() for i in value)
    return str(value)


def _agency_name(agencies, agency_id) -> str:
    agency = agencies.get(agency_id)
    return localized(agency, "name") if agency is not None else str(agency_id)
