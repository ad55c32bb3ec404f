"""Fills an empty, migrated database with a plan of many items, fast: Core inserts in batches,
not the per-item service. The items vary the demo plan's texts, agencies, tags and statuses."""

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from mediaplan.agencies.models import Agency
from mediaplan.demo import data
from mediaplan.plan.choices import DELIVERY_LANGUAGES, FORMATS, REGIONS, TARGET_GROUPS
from mediaplan.plan.models import (
    Plan,
    PlanItem,
    PlanItemIndicator,
    PlanItemStatusChange,
    PlanItemTag,
    new_items_version,
    plan_item_co_executors,
)
from mediaplan.plan.service import sort_key
from mediaplan.reminders.models import Reminder

BATCH = 2_000
STATUS_WEIGHTS = {"planned": 50, "in_progress": 25, "done": 15, "postponed": 6, "cancelled": 4}
# Osh and Bishkek carry most of the work; the rest of the country less.
REGION_WEIGHTS = {code: 3 if code in ("osh", "bishkek", "nationwide") else 1 for code in REGIONS}
TEXT_FIELDS = [
    f"{name}_{lang}" for name in ("title", "description", "keywords") for lang in ("ky", "ru", "en")
]
# What the item form proposes and the default settings: 3 days ahead, at 09:00 in Bishkek.
REMINDER_DAYS = 3
REMINDER_HOUR = 9
REMINDER_ZONE = ZoneInfo("Asia/Bishkek")
ACTIVE_STATUSES = ("planned", "in_progress")


@dataclass
class Loaded:
    plan_id: int
    items: int
    tags: int
    co_executors: int
    agency_codes: list[str]
    # Agency ids by code, for filters that take an id.
    agency_ids: dict[str, int]
    reminders: int = 0


def load_plan(
    url: str, *, items: int = 10_000, seed: int = 2025, reminders: bool = False
) -> Loaded:
    """Insert the demo agencies, one 2025 plan and ``items`` items into the database at ``url``.

    With ``reminders``, every active item also gets the reminder row the service would keep
    for it, as in a plan that has been in use: pending when due later, sent when due already.
    """
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            agency_ids = _insert_agencies(connection, now)
            plan_id = connection.execute(
                sa.insert(Plan.__table__).returning(Plan.__table__.c.id),
                [{k: v for k, v in data.PLAN.items() if k != "year"} | _stamps(now)],
            ).scalar_one()
            counts = {"tags": 0, "co_executors": 0, "reminders": 0}
            for start in range(0, items, BATCH):
                rows = [
                    _item_row(rng, plan_id, n, agency_ids, now)
                    for n in range(start, min(start + BATCH, items))
                ]
                counts_batch = _insert_items(connection, rng, rows, agency_ids, now, reminders)
                for key, value in counts_batch.items():
                    counts[key] += value
        _analyze(engine)
    finally:
        engine.dispose()
    return Loaded(
        plan_id,
        items,
        counts["tags"],
        counts["co_executors"],
        list(agency_ids),
        agency_ids,
        counts["reminders"],
    )


def add_items(
    url: str,
    plan_code: str,
    *,
    items: int,
    first_section: int,
    seed: int = 2025,
    reminders: bool = False,
) -> Loaded:
    """Add ``items`` items to the plan ``plan_code`` already in the database (the demo plan),
    led by its agencies, numbered from section ``first_section`` on with at most 999 items a
    section: numbers the item form and the API accept, so the items can be edited."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    engine = sa.create_engine(url)
    plans, agencies = Plan.__table__, Agency.__table__
    try:
        with engine.begin() as connection:
            plan_id = connection.execute(
                sa.select(plans.c.id).where(plans.c.code == plan_code)
            ).scalar_one()
            agency_ids = dict(connection.execute(sa.select(agencies.c.code, agencies.c.id)).all())
            counts = {"tags": 0, "co_executors": 0, "reminders": 0}
            for start in range(0, items, BATCH):
                rows = [
                    _item_row(
                        rng, plan_id, n, agency_ids, now, number=_editable_number(first_section, n)
                    )
                    for n in range(start, min(start + BATCH, items))
                ]
                counts_batch = _insert_items(connection, rng, rows, agency_ids, now, reminders)
                for key, value in counts_batch.items():
                    counts[key] += value
            # Core inserts skip the ORM's version hook: a server already running would
            # otherwise keep showing the plan without these items.
            connection.execute(
                sa.update(plans)
                .where(plans.c.id == plan_id)
                .values(items_version=new_items_version())
            )
        _analyze(engine)
    finally:
        engine.dispose()
    return Loaded(
        plan_id,
        items,
        counts["tags"],
        counts["co_executors"],
        list(agency_ids),
        agency_ids,
        counts["reminders"],
    )


def _editable_number(first_section: int, n: int) -> str:
    return f"{first_section + n // 999}.{1 + n % 999}"


def _analyze(engine) -> None:
    if engine.dialect.name == "postgresql":
        # What autovacuum does a minute after a bulk import: planner statistics (without
        # them PostgreSQL expects one row per table and picks nested loops) and the
        # visibility map that index-only scans need.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")


def _stamps(now: dt.datetime) -> dict:
    return {"created_at": now, "updated_at": now}


def _insert_agencies(connection, now: dt.datetime) -> dict[str, int]:
    table = Agency.__table__
    rows = [{"is_active": True} | entry | _stamps(now) for entry in data.AGENCIES]
    for row in rows:
        for field in ("abbreviation_ky", "abbreviation_ru", "abbreviation_en"):
            row.setdefault(field, "")
    ids = connection.execute(
        sa.insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    return dict(zip([row["code"] for row in rows], ids, strict=True))


def _item_row(
    rng: random.Random, plan_id: int, n: int, agency_ids: dict, now, number: str | None = None
) -> dict:
    template = data.ITEMS[n % len(data.ITEMS)]
    # Four sections of up to 2,500 items: numbers like 3.417, unique within the plan.
    number = number or f"{1 + n // 2500}.{1 + n % 2500}"
    texts = {field: template.get(field, "") for field in TEXT_FIELDS}
    suffix = f" ({number})"
    for lang in ("ky", "ru", "en"):
        if texts[f"title_{lang}"]:
            texts[f"title_{lang}"] = texts[f"title_{lang}"][: 300 - len(suffix)] + suffix
    ends_on = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(20, 365))
    starts_on = None if rng.random() < 0.2 else ends_on - dt.timedelta(days=rng.randrange(0, 90))
    if starts_on and starts_on.year < 2025:
        starts_on = dt.date(2025, 1, 1)
    budget = rng.choice([None, None, rng.randrange(10_000, 5_000_000)])
    return {
        "plan_id": plan_id,
        "number": number,
        "sort_key": sort_key(number),
        "direction": "media_plan" if rng.random() < 0.6 else "media_relations",
        "format": rng.choice(list(FORMATS)),
        "status": rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0],
        **texts,
        "search_text": " ".join(
            [number, texts["title_ky"], texts["title_ru"], texts["title_en"]]
        ).casefold(),
        "lead_agency_id": agency_ids[rng.choice(list(agency_ids))],
        "starts_on": starts_on,
        "ends_on": ends_on,
        "budget": budget,
        "funding_source": "republican_budget" if budget else None,
        "reminder_days": REMINDER_DAYS,
        **_stamps(now),
    }


def _reminder_row(item_id: int, row: dict, now: dt.datetime) -> dict | None:
    """The reminder the service keeps for an item (reminders/service.py), or None."""
    if row["status"] not in ACTIVE_STATUSES:
        return None
    day = (row["starts_on"] or row["ends_on"]) - dt.timedelta(days=REMINDER_DAYS)
    due_at = dt.datetime.combine(day, dt.time(REMINDER_HOUR), tzinfo=REMINDER_ZONE)
    due_at = due_at.astimezone(dt.UTC)
    sent = due_at <= now
    return {
        "item_id": item_id,
        "kind": "start" if row["starts_on"] else "due",
        "due_at": due_at,
        "state": "sent" if sent else "pending",
        "sent_at": due_at if sent else None,
        "recipients": 0,
    }


def _insert_items(
    connection, rng: random.Random, rows: list[dict], agency_ids, now, reminders: bool
) -> dict:
    table = PlanItem.__table__
    ids = connection.execute(
        sa.insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    tags, co_executors, indicators, changes, reminder_rows = [], [], [], [], []
    for item_id, row in zip(ids, rows, strict=True):
        if reminders and (reminder := _reminder_row(item_id, row, now)) is not None:
            reminder_rows.append(reminder)
        regions = rng.choices(list(REGION_WEIGHTS), weights=list(REGION_WEIGHTS.values()), k=3)
        for kind, codes in (
            ("region", set(regions[: rng.randint(1, 3)])),
            ("target_group", set(rng.sample(list(TARGET_GROUPS), rng.randint(1, 3)))),
            ("language", set(rng.sample(list(DELIVERY_LANGUAGES), rng.randint(1, 2)))),
        ):
            tags.extend({"item_id": item_id, "kind": kind, "code": code} for code in codes)
        others = [i for i in agency_ids.values() if i != row["lead_agency_id"]]
        co_executors.extend(
            {"item_id": item_id, "agency_id": agency_id}
            for agency_id in rng.sample(others, rng.choice((0, 1, 1, 2, 2, 3)))
        )
        indicators.extend(
            {
                "item_id": item_id,
                "position": position,
                "text": "Опубликовано материалов",
                "target": rng.randrange(1, 100),
                "unit": "материалов",
            }
            for position in range(rng.randint(1, 2))
        )
        changes.append(
            {
                "item_id": item_id,
                "from_status": None,
                "to_status": "planned",
                "reason": "",
                "changed_at": now,
            }
        )
        if row["status"] != "planned":
            changes.append(
                {
                    "item_id": item_id,
                    "from_status": "planned",
                    "to_status": row["status"],
                    "reason": "" if row["status"] in ("in_progress", "done") else "Перенос",
                    "changed_at": now,
                }
            )
    for target, values in (
        (PlanItemTag.__table__, tags),
        (plan_item_co_executors, co_executors),
        (PlanItemIndicator.__table__, indicators),
        (PlanItemStatusChange.__table__, changes),
        (Reminder.__table__, reminder_rows),
    ):
        if values:
            connection.execute(sa.insert(target), values)
    return {"tags": len(tags), "co_executors": len(co_executors), "reminders": len(reminder_rows)}
