"""An item's history as its page shows it: edits of its fields and changes of its status, on one
line of time, newest first."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.service import agency_names
from mediaplan.audit.display import Field, ShownChange, ShownEntry, describe, show_date
from mediaplan.audit.service import history
from mediaplan.plan.models import PlanItem
from mediaplan.templating import label

AGENCY_FIELDS = ("lead_agency_id", "co_executor_ids")
TITLE_FIELDS = {
    "title_ky": _l("Title (Kyrgyz)"),
    "title_ru": _l("Title (Russian)"),
    "title_en": _l("Title (English)"),
}


def _fields(names: dict[int, str]) -> dict:
    """The item's fields by the labels of its form, in the form's order."""
    return {
        "number": _l("Number"),
        "direction": Field(_l("Direction"), vocabulary="direction"),
        "format": Field(_l("Format"), vocabulary="format"),
        **TITLE_FIELDS,
        "description_ky": _l("Description (Kyrgyz)"),
        "description_ru": _l("Description (Russian)"),
        "description_en": _l("Description (English)"),
        "lead_agency_id": Field(_l("Lead agency"), names=names),
        "co_executor_ids": Field(_l("Co-executors"), names=names),
        "target_groups": Field(_l("Target groups"), vocabulary="target_group"),
        "regions": Field(_l("Regions"), vocabulary="region"),
        "languages": Field(_l("Languages of delivery"), vocabulary="language"),
        "starts_on": Field(_l("Starts on"), show=show_date),
        "ends_on": Field(_l("Ends on or due by"), show=show_date),
        "indicators": Field(_l("Indicators"), show=_indicators),
        "budget": _l("Budget, som"),
        "funding_source": Field(_l("Funding source"), vocabulary="funding_source"),
        "reminder_days": _l("Remind the lead agency, days before"),
        "keywords_ky": _l("Coverage keywords (Kyrgyz)"),
        "keywords_ru": _l("Coverage keywords (Russian)"),
        "keywords_en": _l("Coverage keywords (English)"),
    }


def _indicators(values: list[dict]) -> str:
    return "; ".join(
        " ".join(str(part) for part in (i.get("text"), i.get("target"), i.get("unit")) if part)
        for i in values
    )


def item_history(item: PlanItem) -> list[ShownEntry]:
    """Every recorded change of ``item``, newest first."""
    entries = history("plan_item", item.id)
    uses_agencies = any(name in entry.changes for entry in entries for name in AGENCY_FIELDS)
    edits = describe(entries, _fields(agency_names() if uses_agencies else {}))
    created_logged = any(entry.action == "created" for entry in entries)
    statuses = [
        ShownEntry(
            at=change.changed_at,
            actor=change.actor.name if change.actor else gettext("system"),
            action=_status_move(change.from_status, change.to_status),
            changes=[ShownChange(gettext("Reason"), None, change.reason)] if change.reason else [],
        )
        for change in item.status_changes
        # The first status is the creation's own, already told by its log entry.
        if change.from_status is not None or not created_logged
    ]
    return sorted([*edits, *statuses], key=lambda entry: entry.at, reverse=True)


def _status_move(from_status: str | None, to_status: str) -> str:
    if from_status is None:
        return label("status", to_status)
    return f"{label('status', from_status)} → {label('status', to_status)}"


def plan_history(plan_id: int) -> list[ShownEntry]:
    """How a plan was opened, closed and opened again, newest first."""
    fields = {
        "code": _l("Code"),
        **TITLE_FIELDS,
        "starts_on": Field(_l("First day"), show=show_date),
        "ends_on": Field(_l("Last day"), show=show_date),
    }
    return describe(history("plan", plan_id), fields)
