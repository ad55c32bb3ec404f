"""Builds the demo data through the same services a user's actions go through."""

import secrets
from dataclasses import dataclass, field

import sqlalchemy as sa

from mediaplan.agencies.models import Agency
from mediaplan.demo import data
from mediaplan.extensions import db
from mediaplan.plan.models import Plan
from mediaplan.plan.service import IndicatorData, PlanItemData, change_status, create_item
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
    plan_code: str
    item_count: int
    password: str
    logins: list[tuple[str, str]] = field(default_factory=list)


def database_is_empty() -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Agency)) == 0


class DemoAlreadyLoaded(Exception):
    """The demo plan is in the database already."""


def load_demo(*, password: str | None = None) -> DemoResult:
    """Create the demo agencies, users and 2025 plan; the caller commits.

    :raises DemoAlreadyLoaded: when the demo plan exists.
    """
    if db.session.scalar(sa.select(Plan.id).where(Plan.code == data.PLAN["code"])):
        raise DemoAlreadyLoaded(data.PLAN["code"])
    password = password or secrets.token_urlsafe(12)
    agencies = _load_agencies()
    users = _load_users(agencies, password)
    plan = Plan(**{key: value for key, value in data.PLAN.items() if key != "year"})
    db.session.add(plan)
    coordinator = users["coordinator"]
    for entry in data.ITEMS:
        item = create_item(plan, _item_data(entry, agencies), actor=coordinator)
        _replay_status(item, entry, coordinator)
    db.session.flush()
    logins = [(user.email, role) for role, user in users.items()]
    return DemoResult(plan.code, len(data.ITEMS), password, logins)


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


def _item_data(entry: dict, agencies: dict[str, Agency]) -> PlanItemData:
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
        starts_on=entry["starts_on"],
        ends_on=entry["ends_on"],
        indicators=[IndicatorData(*indicator) for indicator in entry["indicators"]],
        budget=entry["budget"],
        funding_source=entry["funding_source"],
        **texts,
    )


# The status path an item took to reach its demo status, so its history reads like real use.
STATUS_PATHS = {
    "planned": (),
    "in_progress": ("in_progress",),
    "done": ("in_progress", "done"),
    "postponed": ("postponed",),
    "cancelled": ("cancelled",),
}


def _replay_status(item, entry: dict, actor: User) -> None:
    for status in STATUS_PATHS[entry["status"]]:
        change_status(item, status, actor=actor, reason=entry.get("status_reason", ""))
