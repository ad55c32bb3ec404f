"""The rules of the media plan: creating and changing items and their status."""

import datetime as dt
import logging
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.models import Agency
from mediaplan.audit import service as audit
from mediaplan.db import LANGUAGES, utcnow
from mediaplan.errors import Conflict, PermissionDenied, ValidationFailed
from mediaplan.extensions import db
from mediaplan.locking import for_update
from mediaplan.plan import rights
from mediaplan.plan.choices import REASON_REQUIRED_FROM, REASON_REQUIRED_TO, STATUSES, TRANSITIONS
from mediaplan.plan.limits import DEFAULT_REMINDER_DAYS, REASON_MAX
from mediaplan.plan.models import (
    Plan,
    PlanItem,
    PlanItemIndicator,
    PlanItemStatusChange,
    PlanItemTag,
)
from mediaplan.plan.validation import validate_item
from mediaplan.signals import plan_item_changed, send

logger = logging.getLogger(__name__)


@dataclass
class IndicatorData:
    text: str
    target: int
    unit: str = ""


@dataclass
class PlanItemData:
    """Everything a user sets on an item; status is changed separately."""

    number: str
    direction: str
    format: str
    lead_agency_id: int | None
    ends_on: dt.date | None
    starts_on: dt.date | None = None
    title_ky: str = ""
    title_ru: str = ""
    title_en: str = ""
    description_ky: str = ""
    description_ru: str = ""
    description_en: str = ""
    co_executor_ids: list[int] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    indicators: list[IndicatorData] = field(default_factory=list)
    budget: Decimal | None = None
    funding_source: str | None = None
    keywords_ky: str = ""
    keywords_ru: str = ""
    keywords_en: str = ""
    reminder_days: int | None = DEFAULT_REMINDER_DAYS

    @classmethod
    def from_item(cls, item: PlanItem) -> "PlanItemData":
        return cls(
            number=item.number,
            direction=item.direction,
            format=item.format,
            lead_agency_id=item.lead_agency_id,
            starts_on=item.starts_on,
            ends_on=item.ends_on,
            co_executor_ids=[agency.id for agency in item.co_executors],
            target_groups=item.target_groups,
            regions=item.regions,
            languages=item.languages,
            indicators=[IndicatorData(i.text, i.target, i.unit) for i in item.indicators],
            budget=item.budget,
            funding_source=item.funding_source,
            reminder_days=item.reminder_days,
            **{
                f"{name}_{lang}": getattr(item, f"{name}_{lang}")
                for name in ("title", "description", "keywords")
                for lang in LANGUAGES
            },
        )


def sort_key(number: str) -> str:
    return ".".join(part.zfill(4) for part in number.split("."))


def create_item(plan: Plan, data: PlanItemData, *, actor, language: str = "ru") -> PlanItem:
    """Add an item to ``plan`` in status "planned"; the caller commits.

    :raises PermissionDenied: if ``actor`` may not create items.
    :raises ValidationFailed: with field messages if ``data`` breaks a rule.
    """
    if plan.is_closed:
        raise PermissionDenied(_l("This plan is closed: open it again to change it."))
    if not rights.can_create_items(actor):
        raise PermissionDenied(_l("You may not add items to the plan."))
    _raise_on_errors(validate_item(plan, data, actor=actor, language=language))
    item = PlanItem(plan=plan, status="planned", created_by_id=actor.id)
    db.session.add(item)
    _apply(item, data, actor=actor)
    item.status_changes.append(
        PlanItemStatusChange(from_status=None, to_status="planned", actor_id=actor.id)
    )
    db.session.flush()
    _record(item, actor, "created", {}, as_stored(data))
    send(plan_item_changed, item=item, actor=actor, change="created")
    logger.info("Plan item %s created by %s", item.number, actor.id)
    return item


class ItemChanged(Conflict):
    """The item was saved by someone else after the version an edit was made from."""

    def __init__(self, item: PlanItem) -> None:
        super().__init__(
            _l("Someone else saved this item after you opened it: nothing of yours was saved yet.")
        )
        self.item = item


def update_item(
    item: PlanItem, data: PlanItemData, *, actor, version: int | None = None, language: str = "ru"
) -> PlanItem:
    """Change an item's content; the caller commits. ``version`` is the item's version the
    edit was made from; ``language`` decides which title field a missing title is reported at.

    :raises PermissionDenied: if ``actor`` may not edit this item.
    :raises ItemChanged: if the item changed since ``version``, and ``data`` would change it.
    :raises ValidationFailed: with field messages if ``data`` breaks a rule.
    """
    for_update(item)
    _refuse_if_closed(item)
    if not rights.can_edit_item(actor, item):
        raise PermissionDenied(_l("You may only change items led by your own agency."))
    before = as_stored(PlanItemData.from_item(item))
    if as_stored(data) == before:
        # Saving without a change leaves the item, its last editor and its version as they are.
        return item
    _check_version(item, version)
    _raise_on_errors(validate_item(item.plan, data, actor=actor, item=item, language=language))
    _apply(item, data, actor=actor)
    item.version += 1
    db.session.flush()
    _record(item, actor, "edited", before, as_stored(PlanItemData.from_item(item)))
    send(plan_item_changed, item=item, actor=actor, change="edited")
    return item


def change_status(
    item: PlanItem,
    to_status: str,
    *,
    actor,
    reason: str = "",
    now: dt.datetime | None = None,
    version: int | None = None,
) -> PlanItemStatusChange:
    """Move ``item`` to ``to_status`` and record who, when, from, to and why. ``version``, when
    given, is the item's version the change was chosen from.

    :raises PermissionDenied: if ``actor`` may not change this item.
    :raises ItemChanged: if the item changed since ``version``.
    :raises ValidationFailed: for an unknown or disallowed status, or a missing reason.
    """
    # The transition is allowed or not from the status as it is now: two changes sent at once
    # wait for each other here, and the second is judged from the first one's result.
    for_update(item)
    _refuse_if_closed(item)
    if not rights.can_change_status(actor, item):
        raise PermissionDenied(_l("You may only change items led by your own agency."))
    _check_version(item, version)
    reason = (reason or "").strip()
    errors: dict[str, list[str]] = {}
    if to_status not in STATUSES:
        errors["status"] = [str(_l("Unknown status."))]
    elif to_status not in TRANSITIONS[item.status]:
        errors["status"] = [
            str(
                _l(
                    "An item cannot go from “%(from)s” to “%(to)s”.",
                    **{"from": STATUSES[item.status], "to": STATUSES[to_status]},
                )
            )
        ]
    elif not reason and (to_status in REASON_REQUIRED_TO or item.status in REASON_REQUIRED_FROM):
        errors["reason"] = [str(_l("Say why the status changes."))]
    if len(reason) > REASON_MAX:
        errors["reason"] = [str(_l("At most %(n)d characters.", n=REASON_MAX))]
    _raise_on_errors(errors)
    change = PlanItemStatusChange(
        from_status=item.status,
        to_status=to_status,
        reason=reason,
        actor_id=actor.id,
        changed_at=now or utcnow(),
    )
    item.status_changes.append(change)
    item.status = to_status
    item.updated_by_id = actor.id
    item.version += 1
    db.session.flush()
    send(plan_item_changed, item=item, actor=actor, change="status")
    return change


def _refuse_if_closed(item: PlanItem) -> None:
    if item.plan.is_closed:
        raise PermissionDenied(_l("This plan is closed: open it again to change it."))


def _check_version(item: PlanItem, version: int | None) -> None:
    if version is not None and version != item.version:
        raise ItemChanged(item)


def as_stored(data: PlanItemData) -> PlanItemData:
    """``data`` as _apply_fields would store it: trimmed texts, lists as sets."""
    texts = {
        f"{name}_{lang}": getattr(data, f"{name}_{lang}").strip()
        for name in ("title", "description", "keywords")
        for lang in LANGUAGES
    }
    return replace(
        data,
        number=data.number.strip(),
        funding_source=data.funding_source or None,
        co_executor_ids=sorted(set(data.co_executor_ids)),
        target_groups=sorted(set(data.target_groups)),
        regions=sorted(set(data.regions)),
        languages=sorted(set(data.languages)),
        indicators=[
            IndicatorData(i.text.strip(), i.target, i.unit.strip()) for i in data.indicators
        ],
        **texts,
    )


def _record(item: PlanItem, actor, action: str, before, after: PlanItemData) -> None:
    """Log what an item was given or how it changed, in the transaction of the change."""
    changes = audit.diff(asdict(before) if before else {}, asdict(after))
    audit.record("plan_item", item.id, actor_id=actor.id, action=action, changes=changes)


def _raise_on_errors(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationFailed(errors)


def _apply(item: PlanItem, data: PlanItemData, *, actor) -> None:
    # A half-filled new item must not be flushed by the agency lookup below.
    with db.session.no_autoflush:
        _apply_fields(item, data, actor=actor)


def _apply_fields(item: PlanItem, data: PlanItemData, *, actor) -> None:
    item.number = data.number.strip()
    item.sort_key = sort_key(item.number)
    item.direction, item.format = data.direction, data.format
    for name in ("title", "description", "keywords"):
        for lang in LANGUAGES:
            setattr(item, f"{name}_{lang}", getattr(data, f"{name}_{lang}").strip())
    item.search_text = " ".join(
        [item.number, item.title_ky, item.title_ru, item.title_en]
    ).casefold()
    item.lead_agency_id = data.lead_agency_id
    item.co_executors = _agencies(data.co_executor_ids)
    item.starts_on, item.ends_on = data.starts_on, data.ends_on
    item.budget = data.budget
    item.funding_source = data.funding_source or None
    item.reminder_days = data.reminder_days
    item.updated_by_id = actor.id
    _apply_tags(item, data)
    item.indicators = [
        PlanItemIndicator(position=n, text=i.text.strip(), target=i.target, unit=i.unit.strip())
        for n, i in enumerate(data.indicators)
    ]


def _apply_tags(item: PlanItem, data: PlanItemData) -> None:
    wanted = {("region", c) for c in data.regions}
    wanted |= {("target_group", c) for c in data.target_groups}
    wanted |= {("language", c) for c in data.languages}
    # Keep unchanged rows: deleting and re-inserting the same key in one flush would clash.
    item.tags = [tag for tag in item.tags if (tag.kind, tag.code) in wanted]
    present = {(tag.kind, tag.code) for tag in item.tags}
    item.tags.extend(PlanItemTag(kind=k, code=c) for k, c in sorted(wanted - present))


def _agencies(ids: list[int]) -> list[Agency]:
    if not ids:
        return []
    return list(db.session.scalars(sa.select(Agency).where(Agency.id.in_(set(ids)))))
