"""Builds the demo data through the same services a user's actions go through."""

import datetime as dt
import secrets
from dataclasses import dataclass, field, replace

import sqlalchemy as sa
from dateutil.relativedelta import relativedelta

from mediaplan.agencies.models import Agency
from mediaplan.comments.service import add_comment
from mediaplan.demo import data
from mediaplan.extensions import db
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.plan.plans import close_plan, copy_items
from mediaplan.plan.service import (
    IndicatorData,
    PlanItemData,
    change_status,
    create_item,
    update_item,
)
from mediaplan.users.models import User
from mediaplan.users.service import create_user

# Who each demo account is; the agency decides what a press officer or trainer may edit.
DEMO_USERS = (
    ("admin", "mkism", "Администратор Медиаплана"),
    ("coordinator", "mkism", "Айгуль Токтосунова"),
    ("press_officer", "mvd", "Бакыт Осмонов"),
    ("trainer", "mpi", "Нургуль Абдыкадырова"),
    ("methodologist", "atc", "Эркин Жумабеков"),
    ("viewer", "osce", "Anna Keller"),
)
DEMO_DOMAIN = "demo.mediaplan.kg"


@dataclass
class DemoResult:
    plans: list[tuple[str, int]]
    password: str
    logins: list[tuple[str, str]] = field(default_factory=list)


def database_is_empty() -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Agency)) == 0


class DemoAlreadyLoaded(Exception):
    """The demo plan is in the database already."""


# The year the demo items are written for; each plan moves them to its own year.
TEMPLATE_YEAR = data.PLAN["year"]
# Of this year's items past their end, one in OVERDUE_EVERY is left unfinished.
OVERDUE_EVERY = 4
# This year's deadlines that fall in the coming days, so that something is always due.
DUE_SOON_DAYS = (3, 9, 16)


def load_demo(*, password: str | None = None, today: dt.date | None = None) -> DemoResult:
    """Create the demo agencies and users, last year's plan (mostly done, closed) and this
    year's, carried forward from it and in progress as of ``today``; the caller commits.

    :raises DemoAlreadyLoaded: when the demo plans exist.
    """
    today = today or dt.date.today()
    codes = [_code(year) for year in (today.year - 1, today.year)]
    if db.session.scalar(sa.select(Plan.id).where(Plan.code.in_(codes))):
        raise DemoAlreadyLoaded(", ".join(codes))
    password = password or secrets.token_urlsafe(12)
    agencies = _load_agencies()
    users = _load_users(agencies, password)
    coordinator = users["coordinator"]
    last_year = _plan_for(today.year - 1)
    for entry in data.ITEMS:
        item = create_item(
            last_year, _item_data(entry, agencies, today.year - 1), actor=coordinator
        )
        _replay_status(item, PAST_STATUS[entry["status"]], entry, coordinator)
    this_year = _plan_for(today.year)
    items = copy_items(last_year, this_year, actor=coordinator)
    close_plan(last_year, actor=coordinator)
    _bring_up_to(today, items, coordinator)
    _comment_on(items, users)
    db.session.flush()
    logins = [(user.email, role) for role, user in users.items()]
    plans = [(last_year.code, len(data.ITEMS)), (this_year.code, len(items))]
    return DemoResult(plans, password, logins)


def _code(year: int) -> str:
    return data.PLAN["code"].replace(str(TEMPLATE_YEAR), str(year))


def _plan_for(year: int) -> Plan:
    texts = {
        key: value.replace(str(TEMPLATE_YEAR), str(year))
        for key, value in data.PLAN.items()
        if key.startswith("title_")
    }
    plan = Plan(
        code=_code(year),
        starts_on=dt.date(year, 1, 1),
        ends_on=dt.date(year, 12, 31),
        **texts,
    )
    db.session.add(plan)
    db.session.flush()
    return plan


# A past plan's items ended where they were going: what was under way got done.
PAST_STATUS = {
    "planned": "done",
    "in_progress": "done",
    "done": "done",
    "postponed": "postponed",
    "cancelled": "cancelled",
}


def _bring_up_to(today: dt.date, items: list[PlanItem], actor: User) -> None:
    """This year's items as they would stand on ``today``: finished, under way or ahead, a
    few past their end and still open (overdue), a few due in the coming days."""
    deadlines = [item for item in items if item.starts_on is None and item.ends_on > today]
    for item, days in zip(deadlines, DUE_SOON_DAYS, strict=False):
        due = min(today + dt.timedelta(days=days), item.plan.ends_on)
        update_item(item, replace(PlanItemData.from_item(item), ends_on=due), actor=actor)
    ended = [item for item in items if item.ends_on < today]
    for number, item in enumerate(ended, start=1):
        if number % OVERDUE_EVERY:
            _move(item, STATUS_PATHS["done"], actor)
        elif number % (2 * OVERDUE_EVERY) == 0:
            _move(item, STATUS_PATHS["in_progress"], actor)  # under way, and late
        # else: never started, and late
    for item in items:
        if item.ends_on >= today and (item.starts_on or item.ends_on) <= today:
            _move(item, STATUS_PATHS["in_progress"], actor)


def _move(item: PlanItem, path: tuple[str, ...], actor: User) -> None:
    for status in path:
        change_status(item, status, actor=actor)


def _comment_on(items: list[PlanItem], users: dict[str, User]) -> None:
    """A methodologist's remarks on some of the press officer's items, as reviews go."""
    officer_agency = users["press_officer"].agency_id
    theirs = [item for item in items if item.lead_agency_id == officer_agency][:2]
    for item, body in zip(theirs, data.REVIEW_COMMENTS, strict=False):
        add_comment(item, body, actor=users["methodologist"])


def _load_agencies() -> dict[str, Agency]:
    agencies = {}
    for entry in data.AGENCIES:
        agency = db.session.scalar(sa.select(Agency).where(Agency.code == entry["code"]))
        if agency is None:
            agency = Agency(**entry)
            db.session.add(agency)
        agencies[entry["code"]] = agency
    db.session.flush()
    return agencies


def _load_users(agencies: dict[str, Agency], password: str) -> dict[str, User]:
    users = {}
    for role, agency_code, name in DEMO_USERS:
        email = f"{role.replace('_', '-')}@{DEMO_DOMAIN}"
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            user = create_user(
                email=email,
                name=name,
                role=role,
                agency_id=agencies[agency_code].id,
                password=password,
            )
        users[role] = user
    return users


def _item_data(entry: dict, agencies: dict[str, Agency], year: int) -> PlanItemData:
    texts = {
        key: entry[key]
        for key in entry
        if key.split("_")[0] in ("title", "description", "keywords")
    }
    return PlanItemData(
        number=entry["number"],
        direction=entry["direction"],
        format=entry["format"],
        lead_agency_id=agencies[entry["lead"]].id,
        co_executor_ids=[agencies[code].id for code in entry["co_executors"]],
        target_groups=entry["target_groups"],
        regions=entry["regions"],
        languages=entry["languages"],
        starts_on=_in_year(entry["starts_on"], year),
        ends_on=_in_year(entry["ends_on"], year),
        indicators=[IndicatorData(*indicator) for indicator in entry["indicators"]],
        budget=entry["budget"],
        funding_source=entry["funding_source"],
        **texts,
    )


def _in_year(day: dt.date | None, year: int) -> dt.date | None:
    return day + relativedelta(years=year - TEMPLATE_YEAR) if day else None


# The status path an item took to reach its demo status, so its history reads like real use.
STATUS_PATHS = {
    "planned": (),
    "in_progress": ("in_progress",),
    "done": ("in_progress", "done"),
    "postponed": ("postponed",),
    "cancelled": ("cancelled",),
}


def _replay_status(item, status: str, entry: dict, actor: User) -> None:
    for step in STATUS_PATHS[status]:
        change_status(item, step, actor=actor, reason=entry.get("status_reason", ""))
