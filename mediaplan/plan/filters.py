"""The plan table's filters, sorting and paging, shared by the web table and the API."""

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from mediaplan.plan.models import Plan, PlanItem, PlanItemTag, plan_item_co_executors

SORTS = ("number", "title", "dates", "status")
QUARTERS = (1, 2, 3, 4)


@dataclass(frozen=True)
class PlanItemFilters:
    plan_id: int | None = None
    direction: str | None = None
    format: str | None = None
    agency_id: int | None = None
    status: str | None = None
    quarter: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    region: str | None = None
    target_group: str | None = None
    q: str | None = None
    sort: str = "number"
    descending: bool = False


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * quarter - 2, 1)
    next_first = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, next_first - dt.timedelta(days=1)


def matching_items(filters: PlanItemFilters, *, plan: Plan | None, language: str) -> sa.Select:
    """A SELECT of the items that pass ``filters``, sorted; it loads no relationship."""
    query = sa.select(PlanItem)
    for condition in _conditions(filters, plan):
        query = query.where(condition)
    return query.order_by(*_ordering(filters, language))


def filtered_items(filters: PlanItemFilters, *, plan: Plan | None, language: str) -> sa.Select:
    """A SELECT of the items that pass ``filters``, sorted, with their agencies and tags loaded."""
    return matching_items(filters, plan=plan, language=language).options(
        joinedload(PlanItem.lead_agency),
        selectinload(PlanItem.co_executors),
        selectinload(PlanItem.tags),
    )


def _conditions(filters: PlanItemFilters, plan: Plan | None) -> list:
    conditions = []
    if plan is not None:
        conditions.append(PlanItem.plan_id == plan.id)
    for column, value in (
        (PlanItem.direction, filters.direction),
        (PlanItem.format, filters.format),
        (PlanItem.status, filters.status),
    ):
        if value:
            conditions.append(column == value)
    if filters.agency_id:
        co_executed = sa.select(plan_item_co_executors.c.item_id).where(
            plan_item_co_executors.c.agency_id == filters.agency_id
        )
        conditions.append(
            sa.or_(PlanItem.lead_agency_id == filters.agency_id, PlanItem.id.in_(co_executed))
        )
    for kind, code in (("region", filters.region), ("target_group", filters.target_group)):
        if code:
            tagged = sa.select(PlanItemTag.item_id).where(
                PlanItemTag.kind == kind, PlanItemTag.code == code
            )
            conditions.append(PlanItem.id.in_(tagged))
    conditions.extend(_date_conditions(filters, plan))
    if filters.q and filters.q.strip():
        conditions.append(PlanItem.search_text.like(_like_pattern(filters.q), escape="\\"))
    return conditions


def _date_conditions(filters: PlanItemFilters, plan: Plan | None) -> list:
    date_from, date_to = filters.date_from, filters.date_to
    if filters.quarter:
        year = plan.starts_on.year if plan else dt.date.today().year
        q_from, q_to = quarter_bounds(year, filters.quarter)
        date_from = max(date_from, q_from) if date_from else q_from
        date_to = min(date_to, q_to) if date_to else q_to
    # An item occupies [starts_on, ends_on], or just its deadline day; keep those that overlap.
    conditions = []
    if date_from:
        conditions.append(PlanItem.ends_on >= date_from)
    if date_to:
        conditions.append(sa.func.coalesce(PlanItem.starts_on, PlanItem.ends_on) <= date_to)
    return conditions


def _like_pattern(text: str) -> str:
    escaped = text.strip().casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _ordering(filters: PlanItemFilters, language: str) -> list:
    if filters.sort == "title":
        # Sort by the title the user sees: their language first, then the fallbacks.
        columns = [getattr(PlanItem, f"title_{lang}") for lang in (language, "ru", "ky", "en")]
        key = sa.func.coalesce(*[sa.func.nullif(column, "") for column in columns])
    elif filters.sort == "dates":
        key = sa.func.coalesce(PlanItem.starts_on, PlanItem.ends_on)
    elif filters.sort == "status":
        key = PlanItem.status
    else:
        key = PlanItem.sort_key
    ordered = key.desc() if filters.descending else key.asc()
    return [ordered, PlanItem.sort_key, PlanItem.id]
