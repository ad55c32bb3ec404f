"""The plan table makes as many SQL queries for 60 items as for 5, and for 50 rows as for 10.

Each page is measured as the first view of its plan version (``cold``), when the plan's
in-memory index is built; later views of the same version, whatever their filters, read only
the page's rows."""

import contextlib

import pytest
import sqlalchemy as sa

from mediaplan.extensions import db as _db
from mediaplan.plan import PLAN_INDEXES

# The plan's items, their filtered tags and their co-executors.
INDEX_QUERIES = 3
# Every item made below passes these, so the page is full and every relationship gets loaded.
FILTERS = {
    "direction": "media_plan",
    "region": "osh",
    "target_group": "youth",
    "q": "публикация",
}


@pytest.fixture
def count_queries(app):
    """``with count_queries() as statements:`` collects every statement sent to the database."""

    @contextlib.contextmanager
    def count():
        with app.app_context():
            engine = _db.engine
        statements: list[str] = []

        def record(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        sa.event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            sa.event.remove(engine, "before_cursor_execute", record)

    return count


@pytest.fixture
def make_rich_items(make_item, make_agency, agency):
    """Items with co-executors, regions, target groups and languages, all led by ``agency``."""
    co_executors = [make_agency(abbreviation_ru=f"КО{n}") for n in range(3)]

    def make(count: int) -> None:
        for n in range(count):
            make_item(
                lead=agency,
                title_ru=f"Публикация для молодёжи Оша {n}",
                co_executor_ids=[a.id for a in co_executors[: 1 + n % 3]],
                regions=["osh", "bishkek"] if n % 2 else ["osh"],
                target_groups=["youth", "women"] if n % 2 else ["youth"],
                languages=["ky", "ru"],
            )

    return make


@pytest.fixture
def plan_page(app, client, count_queries):
    """GET /plan with ``params`` and check the rows shown, co-executors included; returns the
    statements sent. ``cold`` forgets the plan indexes built before."""

    def get(*, expect_rows: int, cold: bool = True, **params) -> list[str]:
        if cold:
            app.extensions[PLAN_INDEXES].clear()
        with count_queries() as statements:
            response = client.get("/plan", query_string=params)
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert page.count('<a href="/plan/items/') == expect_rows
        assert "КО0" in page
        return statements

    return get


FILTER_SETS = [
    pytest.param({}, id="unfiltered"),
    pytest.param(FILTERS, id="filters"),
    pytest.param({**FILTERS, "agency": "lead"}, id="filters-and-agency"),
]


@pytest.mark.parametrize("filters", FILTER_SETS)
def test_query_count_does_not_grow_with_items(
    filters, make_rich_items, plan_page, login_as, agency
):
    filters = _resolve(filters, agency)
    login_as("viewer")
    make_rich_items(5)
    few = plan_page(**filters, per_page=10, expect_rows=5)
    make_rich_items(55)
    many = plan_page(**filters, per_page=10, expect_rows=10)
    assert len(few) == len(many), many


@pytest.mark.parametrize("filters", FILTER_SETS)
def test_query_count_does_not_grow_with_page_size(
    filters, make_rich_items, plan_page, login_as, agency
):
    filters = _resolve(filters, agency)
    login_as("viewer")
    make_rich_items(60)
    small = plan_page(**filters, per_page=10, expect_rows=10)
    large = plan_page(**filters, per_page=50, expect_rows=50)
    later = plan_page(**filters, per_page=25, page=2, expect_rows=25)
    assert len(small) == len(large) == len(later), large


@pytest.mark.parametrize("filters", FILTER_SETS)
def test_the_index_is_built_once_per_plan_version(
    filters, make_rich_items, plan_page, login_as, agency
):
    filters = _resolve(filters, agency)
    login_as("viewer")
    make_rich_items(30)
    first = plan_page(**filters, per_page=10, expect_rows=10)
    next_page = plan_page(**filters, per_page=10, page=2, cold=False, expect_rows=10)
    other_filters = plan_page(region="osh", per_page=10, cold=False, expect_rows=10)
    assert len(next_page) == len(other_filters) == len(first) - INDEX_QUERIES
    # Neither counts nor filters in the database: the index did.
    assert not any("count(plan_items" in statement for statement in first + next_page)
    assert not any("LIKE" in statement for statement in first + next_page)


def test_query_count_is_small(make_rich_items, plan_page, login_as, agency):
    """The user with the header's count of unread notifications, the plans, the page's rows
    with their regions and co-executors, and the agencies: four SELECTs, and the index's three
    at the first view of a plan version."""
    login_as("viewer")
    make_rich_items(12)
    filters = _resolve({**FILTERS, "agency": "lead"}, agency)
    cold = plan_page(**filters, per_page=10, expect_rows=10)
    warm = plan_page(**filters, per_page=10, page=2, cold=False, expect_rows=2)
    assert len(_selects(cold)) == 4 + INDEX_QUERIES, _selects(cold)
    assert len(_selects(warm)) == 4, _selects(warm)


def _selects(statements: list[str]) -> list[str]:
    return [statement for statement in statements if statement.lstrip().startswith("SELECT")]


def _resolve(filters: dict, agency) -> dict:
    return {key: agency.id if value == "lead" else value for key, value in filters.items()}
