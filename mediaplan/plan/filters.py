"""The plan table's filters, sorting and paging, shared by the web table and the API."""

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from mediaplan.plan.models import Plan, PlanItem, PlanItemTag, plan_item_co_executors

SORTS = ("number", "title", "dates", "status")
QUARTERS = (1, 2, 3, 4)
# The statuses of an item still to be finished: past its end day, it is overdue.
OPEN_STATUSES = ("planned", "in_progress")


def is_overdue(status: str, ends_on: dt.date, today: dt.date) -> bool:
    return status in OPEN_STATUSES and ends_on < today


def today_in(timezone: str) -> dt.date:
    """The plan's date today: items are due by days of the zone the plan is run in."""
    return dt.datetime.now(ZoneInfo(timezone)).date()


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
    # Past its end day (as of the ``today`` the filters are applied on) and still open.
    overdue: bool = False
    sort: str = "number"
    descending: bool = False


class PlanScope(NamedTuple):
    """What the filters need to know of a plan: its id and, for quarters, its year. A plain
    value, so that statements built for it can be cached."""

    id: int
    starts_on: dt.date


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * quarter - 2, 1)
    next_first = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, next_first - dt.timedelta(days=1)


def filtered_items(
    filters: PlanItemFilters, *, plan: Plan | None, language: str, today: dt.date | None = None
) -> sa.Select:
    """A SELECT of the items that pass ``filters``, sorted, with their agencies and tags loaded."""
    return (
        sa.select(PlanItem)
        .where(*item_conditions(filters, plan, today=today))
        .order_by(*item_ordering(filters, language))
        .options(
            joinedload(PlanItem.lead_agency),
            selectinload(PlanItem.co_executors),
            selectinload(PlanItem.tags),
        )
    )


def item_conditions(
    filters: PlanItemFilters,
    plan: Plan | PlanScope | None,
    *,
    correlated: bool = False,
    today: dt.date | None = None,
) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions an item must meet to pass ``filters``.

    ``correlated`` tests tags and co-executors item by item (EXISTS) instead of against the
    list of every matching item id (IN). For one page that is faster on SQLite, which then
    reads items in order and stops after the page instead of first listing thousands of
    tagged items; for counting, which visits every item anyway, the list is faster.
    PostgreSQL plans both forms alike.
    """

    def linked(item_id: sa.Column, *where) -> sa.ColumnElement:
        """The item has a row with ``item_id`` that meets ``where``."""
        if correlated:
            return sa.exists().where(item_id == PlanItem.id, *where)
        return PlanItem.id.in_(sa.select(item_id).where(*where))

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
        co_executors = plan_item_co_executors.c
        co_executed = linked(co_executors.item_id, co_executors.agency_id == filters.agency_id)
        conditions.append(sa.or_(PlanItem.lead_agency_id == filters.agency_id, co_executed))
    for kind, code in (("region", filters.region), ("target_group", filters.target_group)):
        if code:
            tags = PlanItemTag.__table__.c
            conditions.append(linked(tags.item_id, tags.kind == kind, tags.code == code))
    year = plan.starts_on.year if plan else dt.date.today().year
    date_from, date_to = date_bounds(filters, year)
    # An item occupies [starts_on, ends_on], or just its deadline day; keep those that overlap.
    if date_from:
        conditions.append(PlanItem.ends_on >= date_from)
    if date_to:
        conditions.append(sa.func.coalesce(PlanItem.starts_on, PlanItem.ends_on) <= date_to)
    term = search_term(filters.q)
    if term:
        conditions.append(PlanItem.search_text.like(_like_pattern(term), escape="\\"))
    if filters.overdue:
        conditions.append(PlanItem.status.in_(OPEN_STATUSES))
        conditions.append(PlanItem.ends_on < (today or dt.date.today()))
    return conditions


def date_bounds(filters: PlanItemFilters, year: int) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an item must overlap to pass the date filters: the range asked
    for, narrowed to the quarter of ``year`` (the plan's) when one is chosen."""
    date_from, date_to = filters.date_from, filters.date_to
    if filters.quarter:
        q_from, q_to = quarter_bounds(year, filters.quarter)
        date_from = max(date_from, q_from) if date_from else q_from
        date_to = min(date_to, q_to) if date_to else q_to
    return date_from, date_to


def search_term(q: str | None) -> str | None:
    """What free text looks for in an item's casefolded number and titles, if anything."""
    term = (q or "").strip().casefold()
    return term or None


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def item_ordering(filters: PlanItemFilters, language: str) -> list:
    """The ORDER BY of the plan table: the chosen column, then the item number."""
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
    if key is PlanItem.sort_key:
        # The order of the table index: a page is read from it, without sorting.
        if filters.descending:
            return [PlanItem.sort_key.desc(), PlanItem.id.desc()]
        return [PlanItem.sort_key, PlanItem.id]
    return [key.desc() if filters.descending else key, PlanItem.sort_key, PlanItem.id]
