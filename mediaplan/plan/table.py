"""The plan table on the web: one page of items with everything each row shows, read in a fixed
number of queries whatever the page size, and turned into ready strings for the template.

Which items pass the filters, how many they are and which of them make the page comes from
the plan's in-memory index (plan/index.py); the database then gives the page's rows by id.
The rows are plain column tuples, not ORM objects: a page needs a dozen columns of each item
(not its descriptions in three languages), and building and tracking ORM objects cost more
than the queries themselves."""

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app, url_for
from flask_sqlalchemy.pagination import Pagination

from mediaplan.agencies.models import Agency
from mediaplan.db import LANGUAGES, joined_strings, localized
from mediaplan.extensions import db
from mediaplan.plan import PLAN_INDEXES
from mediaplan.plan.filters import PlanItemFilters, is_overdue
from mediaplan.plan.index import PlanIndex, build_plan_index, titles_of_plan
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
# The page's rows, by the ids the index chose. Built once: building a statement costs about
# as much as running it.
_ROWS_BY_ID = sa.select(*ROW_COLUMNS).where(PlanItem.id.in_(sa.bindparam("ids", expanding=True)))
# url_for once per page with this id, then the real ids put in its place.
_SENTINEL_ID = 2_147_483_647

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
    is_overdue: bool


@dataclass(frozen=True)
class PlanTable:
    page: Pagination
    rows: list[PlanRow]
    # (id, name) of the active agencies, by name, for the agency filter.
    agency_choices: list[tuple[int, str]]


class IndexPagination(Pagination):
    """Flask-SQLAlchemy's pagination over the items of a plan ``index`` passing ``filters``
    (their bitset is ``bits``), one row tuple per item, in the order the filters ask for."""

    def _query_items(self) -> list[sa.Row]:
        args = self._query_args
        index: PlanIndex | None = args["index"]
        if index is None:
            return []
        ids = index.page(
            args["bits"],
            args["filters"],
            language=args["language"],
            offset=self._query_offset,
            limit=self.per_page,
        )
        if not ids:
            return []
        # On the session's connection, as every query of the table: plain rows without the
        # ORM's result processing, which costs more than the query.
        rows = db.session.connection().execute(_ROWS_BY_ID, {"ids": ids})
        by_id = {row.id: row for row in rows}
        return [by_id[item_id] for item_id in ids if item_id in by_id]

    def _query_count(self) -> int:
        return PlanIndex.count(self._query_args["bits"])


def plan_table(
    filters: PlanItemFilters,
    *,
    plan: Plan | None,
    language: str,
    page: int,
    per_page: int,
    max_per_page: int,
    today: dt.date,
) -> PlanTable:
    """Two queries, five when this version of the plan has no index in this process yet: the
    page's items with their regions and co-executors, and every agency (names for the rows and
    choices for the filter)."""
    index = plan_index(plan) if plan is not None else None
    pagination = IndexPagination(
        page=page,
        per_page=per_page,
        max_per_page=max_per_page,
        error_out=False,
        index=index,
        bits=0 if index is None else index.matching(filters, year=plan.starts_on.year, today=today),
        filters=filters,
        language=language,
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
            is_overdue=is_overdue(item.status, item.ends_on, today),
        )
        for item in items
    ]
    choices = sorted(
        ((agency.id, names[agency.id]) for agency in agencies if agency.is_active),
        key=lambda choice: choice[1],
    )
    return PlanTable(pagination, rows, choices)


def _split(joined: str | None) -> list[str]:
    return joined.split(",") if joined else []


def plan_index(plan: Plan) -> PlanIndex:
    """The index of the plan's items as they are in this version of the plan, built at the
    first view after a change, then shared by every request of this process."""
    plan_id = plan.id

    def build() -> PlanIndex:
        # Titles are read, if ever, by the request that first sorts by title.
        load_titles = lambda: titles_of_plan(db.session.connection(), plan_id)  # noqa: E731
        return build_plan_index(db.session.connection(), plan_id, load_titles)

    return current_app.extensions[PLAN_INDEXES].get((plan_id, plan.items_version), build)
