"""The plan table on the web: one page of items with everything each row shows, read in a fixed
number of queries whatever the page size, and turned into ready strings for the template.

The rows are plain column tuples, not ORM objects: a page needs a dozen columns of each item
(not its descriptions in three languages), and building and tracking ORM objects cost more
than the queries themselves."""

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app, url_for
from flask_sqlalchemy.pagination import Pagination

from mediaplan.agencies.models import Agency
from mediaplan.db import LANGUAGES, joined_strings, localized
from mediaplan.extensions import db
from mediaplan.plan import TOTALS_CACHE
from mediaplan.plan.filters import PlanItemFilters, PlanScope, item_conditions, item_ordering
from mediaplan.plan.models import Plan, PlanItem, PlanItemTag, plan_item_co_executors
from mediaplan.templating import item_dates, labels, locale_tag

_TAGS = PlanItemTag.__table__.c
_CO_EXECUTORS = plan_item_co_executors.c
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
    # Read with the page rather than by a query of their own: a list of ids in an IN (...)
    # is rendered into the SQL at every execution, which costs more than running it.
    sa.select(joined_strings(_TAGS.code))
    .where(_TAGS.item_id == PlanItem.id, _TAGS.kind == "region")
    .scalar_subquery()
    .label("regions"),
    sa.select(joined_strings(_CO_EXECUTORS.agency_id))
    .where(_CO_EXECUTORS.item_id == PlanItem.id)
    .scalar_subquery()
    .label("co_executors"),
)
# url_for once per page with this id, then the real ids put in its place.
_SENTINEL_ID = 2_147_483_647
STATEMENT_CACHE_SIZE = 512

# Built once: building a statement costs about as much as running these small ones.
_AGENCY_NAMES = [
    getattr(Agency, f"{kind}_{lang}") for kind in ("name", "abbreviation") for lang in LANGUAGES
]
_AGENCIES = sa.select(Agency.id, Agency.code, Agency.is_active, *_AGENCY_NAMES)


class PlanRow(NamedTuple):
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
    """Flask-SQLAlchemy's pagination over a SELECT of columns (``select``) with LIMIT and
    OFFSET parameters, one row tuple per item, with the number of items from ``total()``."""

    def _query_items(self) -> list[sa.Row]:
        parameters = {"limit": self.per_page, "offset": self._query_offset}
        # On the session's connection, as every query of the table: plain rows without the
        # ORM's result processing, which costs more than the query.
        connection = db.session.connection()
        return list(connection.execute(self._query_args["select"], parameters))

    def _query_count(self) -> int:
        return self._query_args["total"]()


def plan_table(
    filters: PlanItemFilters,
    *,
    plan: Plan | None,
    language: str,
    page: int,
    per_page: int,
    max_per_page: int,
) -> PlanTable:
    """Two queries, three when the total is not known yet for this version of the plan: the
    page's items with their regions and co-executors, and every agency (names for the rows and
    choices for the filter)."""
    scope = PlanScope(plan.id, plan.starts_on) if plan is not None else None
    pagination = RowPagination(
        page=page,
        per_page=per_page,
        max_per_page=max_per_page,
        error_out=False,
        select=_page_select(filters, scope, language),
        total=lambda: total(filters, plan=plan),
    )
    items = pagination.items
    agencies = list(db.session.connection().execute(_AGENCIES))
    # Agency.name and .short_name, with the language looked up once.
    names = {agency.id: localized(agency, "name", language) for agency in agencies}
    short_names = {
        str(agency.id): localized(agency, "abbreviation", language) or names[agency.id]
        for agency in agencies
    }
    # Co-executors are listed in the order of their codes, as on the item page.
    code_order = {str(agency.id): agency.code for agency in agencies}
    format_labels = labels("format")
    status_labels = labels("status")
    region_labels = labels("region")
    locale = locale_tag()
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
            lead_agency=short_names.get(str(item.lead_agency_id), ""),
            co_executors=", ".join(
                short_names[agency_id]
                for agency_id in sorted(_split(item.co_executors), key=code_order.__getitem__)
            ),
            dates=item_dates(item, locale=locale),
            regions=", ".join(region_labels[code] for code in sorted(_split(item.regions))),
        )
        for item in items
    ]
    choices = sorted(
        ((agency.id, names[agency.id]) for agency in agencies if agency.is_active),
        key=lambda choice: choice[1],
    )
    return PlanTable(pagination, rows, choices)


@lru_cache(maxsize=STATEMENT_CACHE_SIZE)
def _page_select(filters: PlanItemFilters, scope: PlanScope | None, language: str) -> sa.Select:
    """One page of the items passing ``filters``. Built once per filters: SQLAlchemy then
    reuses the statement's cache key and compiled form instead of building both anew."""
    return (
        sa.select(*ROW_COLUMNS)
        .where(*item_conditions(filters, scope, correlated=True))
        .order_by(*item_ordering(filters, language))
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .offset(sa.bindparam("offset", type_=sa.Integer))
    )


def _split(joined: str | None) -> list[str]:
    return joined.split(",") if joined else []


def total(filters: PlanItemFilters, *, plan: Plan | None) -> int:
    """How many items pass ``filters``, counted once per version of the plan's items and
    filters: paging through a result, or many people opening the same view, counts once.
    Counting visits every matching item, some milliseconds at 10,000 items."""

    def count() -> int:
        select = sa.select(sa.func.count(PlanItem.id)).where(*item_conditions(filters, plan))
        return db.session.execute(select).scalar_one()

    if plan is None:
        return count()
    # Sorting does not change the total, and the plan is already in the key.
    key = (plan.id, plan.items_version, replace(filters, plan_id=None, sort="", descending=False))
    return current_app.extensions[TOTALS_CACHE].get(key, count)
