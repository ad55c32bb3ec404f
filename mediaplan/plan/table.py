"""The plan table on the web: one page of items with everything each row shows, read in a fixed
number of queries whatever the page size, and turned into ready strings for the template."""

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from flask import url_for
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy.orm import load_only, raiseload

from mediaplan.agencies.models import Agency
from mediaplan.db import localized
from mediaplan.extensions import db
from mediaplan.plan.filters import PlanItemFilters, matching_items
from mediaplan.plan.models import Plan, PlanItem, PlanItemTag, plan_item_co_executors
from mediaplan.templating import item_dates, labels

# Only what a row shows: the descriptions and keywords make an item's row wide.
ROW_COLUMNS = (
    PlanItem.id,
    PlanItem.number,
    PlanItem.title_ky,
    PlanItem.title_ru,
    PlanItem.title_en,
    PlanItem.format,
    PlanItem.status,
    PlanItem.lead_agency_id,
    PlanItem.starts_on,
    PlanItem.ends_on,
)
# Built once: constructing loader options costs more than running the page's smaller queries.
ROW_OPTIONS = (load_only(*ROW_COLUMNS, raiseload=True), raiseload("*"))


@dataclass(frozen=True)
class PlanRow:
    id: int
    number: str
    title: str
    url: str
    format: str
    status: str
    status_code: str
    lead_agency: str
    co_executors: str
    dates: str
    regions: str


@dataclass(frozen=True)
class PlanTable:
    page: Pagination
    rows: list[PlanRow]
    # (id, name) of the active agencies, by name, for the agency filter.
    agency_choices: list[tuple[int, str]]


def plan_table(
    filters: PlanItemFilters,
    *,
    plan: Plan | None,
    language: str,
    page: int,
    per_page: int,
    max_per_page: int,
) -> PlanTable:
    """Five queries: the total, the page's items, their regions, their co-executors and every
    agency (names for the rows and choices for the filter)."""
    select = matching_items(filters, plan=plan, language=language).options(*ROW_OPTIONS)
    pagination = db.paginate(
        select, page=page, per_page=per_page, max_per_page=max_per_page, error_out=False
    )
    agencies = list(db.session.scalars(sa.select(Agency)))
    items = pagination.items
    regions, co_executors = _regions(items), _co_executors(items)
    short_names = {agency.id: agency.short_name for agency in agencies}
    by_code = sorted(agencies, key=lambda agency: agency.code)
    format_labels, status_labels, region_labels = (
        labels("format"),
        labels("status"),
        labels("region"),
    )
    rows = [
        PlanRow(
            id=item.id,
            number=item.number,
            title=localized(item, "title", language),
            url=url_for("plan.item", item_id=item.id),
            format=format_labels[item.format],
            status=status_labels[item.status],
            status_code=item.status,
            lead_agency=short_names.get(item.lead_agency_id, ""),
            co_executors=", ".join(
                short_names[agency.id] for agency in by_code if agency.id in co_executors[item.id]
            ),
            dates=item_dates(item),
            regions=", ".join(region_labels[code] for code in regions[item.id]),
        )
        for item in items
    ]
    choices = sorted(
        ((agency.id, agency.name) for agency in agencies if agency.is_active),
        key=lambda choice: choice[1],
    )
    return PlanTable(pagination, rows, choices)


def _regions(items: list[PlanItem]) -> dict[int, list[str]]:
    regions: dict[int, list[str]] = defaultdict(list)
    if items:
        # Sorted here: an ORDER BY code would make SQLite walk every region of every item in
        # the (kind, code) index instead of looking up these items by primary key.
        query = sa.select(PlanItemTag.item_id, PlanItemTag.code).where(
            PlanItemTag.kind == "region", PlanItemTag.item_id.in_([i.id for i in items])
        )
        for item_id, code in sorted(db.session.execute(query), key=lambda row: row.code):
            regions[item_id].append(code)
    return regions


def _co_executors(items: list[PlanItem]) -> dict[int, set[int]]:
    co_executors: dict[int, set[int]] = defaultdict(set)
    if items:
        table = plan_item_co_executors
        query = sa.select(table.c.item_id, table.c.agency_id).where(
            table.c.item_id.in_([i.id for i in items])
        )
        for item_id, agency_id in db.session.execute(query):
            co_executors[item_id].add(agency_id)
    return co_executors
