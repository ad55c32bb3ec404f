"""The plan table on the web: one page of items with everything each row shows, read in a fixed
number of queries whatever the page size, and turned into ready strings for the template.

The rows are plain column tuples, not ORM objects: a page needs a dozen columns of each item
(not its descriptions in three languages), and building and tracking ORM objects cost more
than the queries themselves."""

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from flask import url_for
from flask_babel import get_locale
from flask_sqlalchemy.pagination import Pagination

from mediaplan.agencies.models import Agency
from mediaplan.db import LANGUAGES, localized
from mediaplan.extensions import db
from mediaplan.plan.filters import PlanItemFilters, item_conditions, item_ordering
from mediaplan.plan.models import Plan, PlanItem, PlanItemTag, plan_item_co_executors
from mediaplan.templating import item_dates, labels

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
# url_for once per page with this id, then the real ids put in its place.
_SENTINEL_ID = 2_147_483_647

# Built once: building a statement costs about as much as running these small ones.
_AGENCY_NAMES = [
    getattr(Agency, f"{kind}_{lang}") for kind in ("name", "abbreviation") for lang in LANGUAGES
]
_AGENCIES = sa.select(Agency.id, Agency.code, Agency.is_active, *_AGENCY_NAMES)
# Sorted in Python: an ORDER BY code would make SQLite walk every region of every item in the
# (kind, code) index instead of looking up these items by primary key.
_REGIONS = sa.select(PlanItemTag.item_id, PlanItemTag.code).where(
    PlanItemTag.kind == "region", PlanItemTag.item_id.in_(sa.bindparam("ids", expanding=True))
)
_CO_EXECUTORS = sa.select(
    plan_item_co_executors.c.item_id, plan_item_co_executors.c.agency_id
).where(plan_item_co_executors.c.item_id.in_(sa.bindparam("ids", expanding=True)))


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


class RowPagination(Pagination):
    """Flask-SQLAlchemy's pagination over a SELECT of columns (``select``), one row tuple per
    item, counted by a SELECT of their number (``count_select``)."""

    def _query_items(self) -> list[sa.Row]:
        select = self._query_args["select"]
        return list(db.session.execute(select.limit(self.per_page).offset(self._query_offset)))

    def _query_count(self) -> int:
        return db.session.execute(self._query_args["count_select"]).scalar_one()


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
    rows_select = (
        sa.select(*ROW_COLUMNS)
        .where(*item_conditions(filters, plan, correlated=True))
        .order_by(*item_ordering(filters, language))
    )
    count_select = sa.select(sa.func.count(PlanItem.id)).where(*item_conditions(filters, plan))
    pagination = RowPagination(
        page=page,
        per_page=per_page,
        max_per_page=max_per_page,
        error_out=False,
        select=rows_select,
        count_select=count_select,
    )
    items = pagination.items
    agencies = list(db.session.execute(_AGENCIES))
    ids = [item.id for item in items]
    regions, co_executors = _regions(ids), _co_executors(ids)
    # Agency.name and .short_name, with the language looked up once.
    names = {agency.id: localized(agency, "name", language) for agency in agencies}
    short_names = {
        agency.id: localized(agency, "abbreviation", language) or names[agency.id]
        for agency in agencies
    }
    # Co-executors are listed in the order of their codes, as on the item page.
    code_order = {agency.id: agency.code for agency in agencies}
    format_labels = labels("format")
    status_labels = labels("status")
    region_labels = labels("region")
    locale = get_locale()
    url_pattern = url_for("plan.item", item_id=_SENTINEL_ID)
    rows = [
        PlanRow(
            id=item.id,
            number=item.number,
            title=localized(item, "title", language),
            url=url_pattern.replace(str(_SENTINEL_ID), str(item.id)),
            format=format_labels[item.format],
            status=status_labels[item.status],
            status_code=item.status,
            lead_agency=short_names.get(item.lead_agency_id, ""),
            co_executors=", ".join(
                short_names[agency_id]
                for agency_id in sorted(co_executors[item.id], key=code_order.__getitem__)
            ),
            dates=item_dates(item, locale=locale),
            regions=", ".join(region_labels[code] for code in regions[item.id]),
        )
        for item in items
    ]
    choices = sorted(
        ((agency.id, names[agency.id]) for agency in agencies if agency.is_active),
        key=lambda choice: choice[1],
    )
    return PlanTable(pagination, rows, choices)


def _regions(item_ids: list[int]) -> dict[int, list[str]]:
    regions: dict[int, list[str]] = defaultdict(list)
    if item_ids:
        rows = db.session.execute(_REGIONS, {"ids": item_ids})
        for item_id, code in sorted(rows, key=lambda row: row.code):
            regions[item_id].append(code)
    return regions


def _co_executors(item_ids: list[int]) -> dict[int, list[int]]:
    co_executors: dict[int, list[int]] = defaultdict(list)
    if item_ids:
        for item_id, agency_id in db.session.execute(_CO_EXECUTORS, {"ids": item_ids}):
            co_executors[item_id].append(agency_id)
    return co_executors
