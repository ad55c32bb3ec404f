"""The plan table's in-memory index finds the same items, in the same order, as the SQL
filters the API uses, for any combination of filters, sorts and pages."""

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediaplan.extensions import db as _db
from mediaplan.plan.choices import DIRECTIONS, FORMATS, REGIONS, STATUSES, TARGET_GROUPS
from mediaplan.plan.filters import SORTS, PlanItemFilters, filtered_items
from mediaplan.plan.index import build_plan_index, titles_of_plan
from mediaplan.plan.models import Plan

ITEMS = 48
WORDS = ["Жаштар", "жаштар", "молодёжи", "Ош", "ОШ", "Youth", "radio", "Радио", "үчүн", "эфир"]
# Free text people type: whole words in any case, parts of words, item numbers, spaces, and
# characters that mean something to LIKE.
SEARCHES = st.one_of(
    st.none(),
    st.sampled_from([*WORDS, "жаш", "1.1", "2.", " ош ", "%", "_", "\\", "\x1f", "  "]),
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщыэюяңөүAaRr. %_", max_size=4),
)


@pytest.fixture
def varied_plan(make_item, make_agency, agency, plan):
    """Items spread over every filter: agencies as lead and co-executor, tags, statuses, dates
    over the year and deadlines, titles in one to three languages, equal titles and dates."""
    rng = random.Random(7)
    days = set()
    others = [make_agency() for _ in range(3)]
    leads = [agency, *others]
    statuses = list(STATUSES)
    for n in range(ITEMS):
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 360))
        deadline = rng.random() < 0.3
        ends = min(start + dt.timedelta(days=rng.randrange(0, 40)), dt.date(2025, 12, 31))
        # Bounds on an item's first or last day, and a day either side of them.
        days |= {day + dt.timedelta(days=d) for day in (start, ends) for d in (-1, 0, 1)}
        title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n % 7}"
        lead = rng.choice(leads)
        co_executors = [a for a in others if a is not lead]
        make_item(
            number=f"{n % 4 + 1}.{n // 4 + 1}",
            lead=lead,
            status=rng.choice(statuses),
            direction=rng.choice(list(DIRECTIONS)),
            format=rng.choice(list(FORMATS)[:4]),
            title_ru=title if n % 3 else "",
            title_ky=title.upper() if n % 2 else "",
            title_en=f"Item {n % 5}" if n % 3 == 0 else "",
            starts_on=None if deadline else start,
            ends_on=ends,
            co_executor_ids=[a.id for a in rng.sample(co_executors, rng.randrange(0, 3))],
            regions=rng.sample(list(REGIONS)[:5], rng.randrange(0, 3)),
            target_groups=rng.sample(list(TARGET_GROUPS)[:4], rng.randrange(0, 3)),
        )
    return plan, [a.id for a in leads], sorted(days)


def filters_strategy(agency_ids: list[int], item_days: list[dt.date]):
    days = st.sampled_from(item_days) | st.dates(
        min_value=dt.date(2024, 12, 1), max_value=dt.date(2026, 1, 31)
    )
    return st.builds(
        PlanItemFilters,
        direction=st.none() | st.sampled_from(list(DIRECTIONS)),
        format=st.none() | st.sampled_from(list(FORMATS)[:5]),
        status=st.none() | st.sampled_from(list(STATUSES)),
        agency_id=st.none() | st.sampled_from([*agency_ids, 999_999]),
        quarter=st.none() | st.sampled_from([1, 2, 3, 4]),
        date_from=st.none() | days,
        date_to=st.none() | days,
        region=st.none() | st.sampled_from(list(REGIONS)[:6]),
        target_group=st.none() | st.sampled_from(list(TARGET_GROUPS)[:5]),
        q=SEARCHES,
        sort=st.sampled_from(SORTS),
        descending=st.booleans(),
        overdue=st.booleans(),
    )


def test_the_index_and_the_sql_filters_agree(app, varied_plan, database_url):
    plan, agency_ids, item_days = varied_plan
    # Titles compare by code point in SQLite, as in the index; PostgreSQL orders them by the
    # database's collation, so there only the items found are compared for a title sort.
    exact_titles = database_url.startswith("sqlite")

    with app.app_context():
        plan = _db.session.get(Plan, plan.id)
        connection = _db.session.connection()
        index = build_plan_index(
            connection, plan.id, lambda: titles_of_plan(_db.session.connection(), plan.id)
        )
        assert len(index) == ITEMS

        @settings(
            max_examples=300,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture],
        )
        @given(
            filters=filters_strategy(agency_ids, item_days),
            language=st.sampled_from(["ky", "ru", "en"]),
            today=st.sampled_from(item_days),
        )
        def agree(filters, language, today):
            select = filtered_items(filters, plan=plan, language=language, today=today)
            expected = [item.id for item in _db.session.scalars(select)]
            found = index.matching(filters, year=plan.starts_on.year, today=today)
            assert index.count(found) == len(expected)
            ids = index.page(found, filters, language=language, offset=0, limit=ITEMS)
            if filters.sort == "title" and not exact_titles:
                assert sorted(ids) == sorted(expected)
            else:
                assert ids == expected
            # A page from the middle is the same slice of the whole.
            middle = index.page(found, filters, language=language, offset=5, limit=7)
            assert middle == ids[5:12]

        agree()


def test_an_empty_plan_has_an_empty_index(app, db, make_plan):
    empty = make_plan(code="EMPTY")
    with app.app_context():
        index = build_plan_index(_db.session.connection(), empty.id, list)
        found = index.matching(PlanItemFilters(q="x", region="osh"), year=2025)
        page = index.page(found, PlanItemFilters(sort="title"), language="ru", offset=0, limit=5)
    assert len(index) == 0 and index.count(found) == 0 and page == []


def _index_of_texts(*texts: str):
    """An index of items that differ only in their searchable text."""
    rows = [
        (n + 1, "media_plan", "publication", "planned", 1, 739_283, 739_283, text)
        for n, text in enumerate(texts)
    ]
    return build_index_from_rows(rows)


def build_index_from_rows(rows):
    from mediaplan.plan.index import PlanIndex

    return PlanIndex(rows, tags=[], co_executors=[], load_titles=list)


@pytest.mark.parametrize(
    ("term", "ids"),
    [
        ("1.1", [1, 2, 3]),  # at the start of consecutive items
        ("ош", [1, 3, 4]),  # at the end of one item and the start of the next
        ("1.1 ош", [1]),  # a whole text
        ("ош\x001.10", []),  # never across two items
        ("ош 1.1", []),
        ("\x00", []),
    ],
)
def test_free_text_matches_within_an_item_only(term, ids):
    index = _index_of_texts("1.1 ош", "1.10 ат", "1.11 ош", "ош 2.1", "2.2")
    found = index.matching(PlanItemFilters(q=term), year=2025)
    assert index.page(found, PlanItemFilters(), language="ru", offset=0, limit=10) == ids
