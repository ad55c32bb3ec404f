"""Plans as a whole: opening one for a new period, carrying a plan's items forward into the
next one, closing a past plan to edits and opening it again."""

import datetime as dt
import re
from dataclasses import dataclass, replace

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from mediaplan.audit import service as audit
from mediaplan.db import LANGUAGES, utcnow
from mediaplan.errors import PermissionDenied, ValidationFailed
from mediaplan.extensions import db
from mediaplan.locking import for_update
from mediaplan.plan import limits, rights
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.plan.service import PlanItemData, create_item
from mediaplan.plan.validation import validate_item

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
# A plan covers a year as a rule; more than two is a typing error.
LONGEST_PERIOD = dt.timedelta(days=2 * 366)
# Items not carried forward: what was called off stays in its own year.
NOT_CARRIED = ("cancelled",)
# What the history keeps of a new plan.
PLAN_FIELDS = ("code", "title_ky", "title_ru", "title_en", "starts_on", "ends_on")


@dataclass(frozen=True)
class PlanData:
    code: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    title_ky: str = ""
    title_ru: str = ""
    title_en: str = ""


def create_plan(data: PlanData, *, actor) -> Plan:
    """Open a plan for a period; the caller commits.

    :raises PermissionDenied: unless ``actor`` owns the plan (admin, coordinator).
    :raises ValidationFailed: for a bad or taken code, no title, or a wrong period.
    """
    if not rights.can_manage_plans(actor):
        raise PermissionDenied(_l("Only coordinators open, copy and close plans."))
    errors = _plan_errors(data)
    if errors:
        raise ValidationFailed(errors)
    plan = Plan(
        code=data.code.strip(),
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        **{f"title_{lang}": getattr(data, f"title_{lang}").strip() for lang in LANGUAGES},
    )
    db.session.add(plan)
    db.session.flush()
    audit.record(
        "plan",
        plan.id,
        actor_id=actor.id,
        action="created",
        changes=audit.diff({}, audit.snapshot(plan, PLAN_FIELDS)),
    )
    return plan


def _plan_errors(data: PlanData) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message) -> None:
        errors.setdefault(field, []).append(str(message))

    code = data.code.strip()
    if not CODE_PATTERN.match(code):
        add("code", _l("Use up to 40 letters, digits, dots, dashes or underscores."))
    elif db.session.scalar(sa.select(Plan.id).where(Plan.code == code)):
        add("code", _l("Another plan already has this code."))
    titles = [getattr(data, f"title_{lang}").strip() for lang in LANGUAGES]
    if not any(titles):
        add("title_ru", _l("Give the title in at least one language."))
    for lang, title in zip(LANGUAGES, titles, strict=True):
        if len(title) > limits.TITLE_MAX:
            add(f"title_{lang}", _l("At most %(n)d characters.", n=limits.TITLE_MAX))
    if data.starts_on is None:
        add("starts_on", _l("Give the first day of the plan."))
    if data.ends_on is None:
        add("ends_on", _l("Give the last day of the plan."))
    if data.starts_on and data.ends_on:
        if data.starts_on > data.ends_on:
            add("ends_on", _l("The last day must not be before the first."))
        elif data.ends_on - data.starts_on > LONGEST_PERIOD:
            add("ends_on", _l("A plan covers at most two years."))
    return errors


def next_period(plan: Plan) -> tuple[dt.date, dt.date]:
    """The period after ``plan``'s, as long as it: usually the next year."""
    shift = _shift(plan)
    return plan.starts_on + shift, plan.ends_on + shift


def _shift(plan: Plan) -> relativedelta:
    years = (plan.ends_on.year - plan.starts_on.year) + 1
    return relativedelta(years=years)


@dataclass(frozen=True)
class CarriedItem:
    """An item of the source plan as it would go into the target: its new dates, or why not."""

    source: PlanItem
    data: PlanItemData | None
    problems: tuple[str, ...]

    @property
    def is_carried(self) -> bool:
        return self.data is not None and not self.problems


def preview_copy(source: Plan, target: Plan, *, actor) -> list[CarriedItem]:
    """What copying ``source``'s items into ``target`` would do, item by item; writes nothing.

    Numbers, texts, agencies, tags, indicators, budget and keywords are kept; the dates move
    by the whole years between the two plans' first days; every copy starts as planned.
    """
    if not rights.can_manage_plans(actor):
        raise PermissionDenied(_l("Only coordinators open, copy and close plans."))
    shift = relativedelta(years=target.starts_on.year - source.starts_on.year)
    carried = []
    for item in _items_of(source):
        if item.status in NOT_CARRIED:
            carried.append(CarriedItem(item, None, (str(_l("Cancelled: stays in its plan.")),)))
            continue
        data = _moved(item, shift)
        errors = validate_item(target, data, actor=actor)
        carried.append(CarriedItem(item, data, tuple(_plain(errors))))
    return carried


def copy_items(source: Plan, target: Plan, *, actor) -> list[PlanItem]:
    """Copy the items ``preview_copy`` shows as carried; the caller commits.

    :raises PermissionDenied: unless ``actor`` owns the plan, or when ``target`` is closed.
    """
    if target.is_closed:
        raise PermissionDenied(_l("This plan is closed: open it again to change it."))
    return [
        create_item(target, line.data, actor=actor)
        for line in preview_copy(source, target, actor=actor)
        if line.is_carried
    ]


def _items_of(plan: Plan) -> list[PlanItem]:
    query = (
        sa.select(PlanItem)
        .where(PlanItem.plan_id == plan.id)
        .options(
            selectinload(PlanItem.co_executors),
            selectinload(PlanItem.tags),
            selectinload(PlanItem.indicators),
        )
        .order_by(PlanItem.sort_key, PlanItem.id)
    )
    return list(db.session.scalars(query))


def _moved(item: PlanItem, shift: relativedelta) -> PlanItemData:
    data = PlanItemData.from_item(item)
    return replace(
        data,
        starts_on=data.starts_on + shift if data.starts_on else None,
        ends_on=data.ends_on + shift if data.ends_on else None,
    )


def _plain(errors: dict[str, list[str]]) -> list[str]:
    return [message for messages in errors.values() for message in messages]


def close_plan(plan: Plan, *, actor, now: dt.datetime | None = None) -> None:
    """Close ``plan`` to edits; the caller commits."""
    if not rights.can_manage_plans(actor):
        raise PermissionDenied(_l("Only coordinators open, copy and close plans."))
    for_update(plan)
    if plan.closed_at is None:
        plan.closed_at, plan.closed_by_id = now or utcnow(), actor.id
        audit.record("plan", plan.id, actor_id=actor.id, action="closed")


def reopen_plan(plan: Plan, *, actor) -> None:
    """Open a closed plan to edits again; the caller commits."""
    if not rights.can_manage_plans(actor):
        raise PermissionDenied(_l("Only coordinators open, copy and close plans."))
    for_update(plan)
    if plan.closed_at is not None:
        plan.closed_at, plan.closed_by_id = None, None
        audit.record("plan", plan.id, actor_id=actor.id, action="reopened")
