"""What needs a user's attention in the plan in use: items due soon, overdue ones, and those
waiting for someone to act; of their agency, or of the whole plan for the people who own it."""

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from mediaplan.extensions import db
from mediaplan.plan import rights
from mediaplan.plan.filters import OPEN_STATUSES
from mediaplan.plan.models import Plan, PlanItem

DUE_SOON_DAYS = 14
SHOWN = 10


@dataclass(frozen=True)
class Scope:
    """Whose items a home page shows: one agency's (``agency_id``) or the whole plan's."""

    plan: Plan
    agency_id: int | None
    today: dt.date


@dataclass(frozen=True)
class Dashboard:
    scope: Scope
    due_soon: list[PlanItem]
    overdue: list[PlanItem]
    waiting: list[PlanItem]
    overdue_count: int


def plan_in_use(today: dt.date) -> Plan | None:
    """The plan covering ``today``, else the newest."""
    covering = sa.select(Plan).where(Plan.starts_on <= today, Plan.ends_on >= today)
    newest = sa.select(Plan).order_by(Plan.starts_on.desc())
    return db.session.scalars(covering.order_by(Plan.starts_on.desc())).first() or (
        db.session.scalars(newest).first()
    )


def scope_of(user, plan: Plan, today: dt.date) -> Scope:
    """Press officers and trainers look after their agency's items; the others, the plan's."""
    agency_id = user.agency_id if user.role in rights.AGENCY_EDITOR_ROLES else None
    return Scope(plan, agency_id, today)


def dashboard(scope: Scope) -> Dashboard:
    today = scope.today
    open_items = _items(scope).where(PlanItem.status.in_(OPEN_STATUSES))
    due_soon = open_items.where(
        PlanItem.ends_on >= today, PlanItem.ends_on <= today + dt.timedelta(days=DUE_SOON_DAYS)
    ).order_by(PlanItem.ends_on, PlanItem.sort_key)
    overdue = open_items.where(PlanItem.ends_on < today)
    # Their first day has come and nobody said they started, moved or dropped them.
    waiting = (
        _items(scope)
        .where(
            PlanItem.status == "planned",
            sa.func.coalesce(PlanItem.starts_on, PlanItem.ends_on) <= today,
            PlanItem.ends_on >= today,
        )
        .order_by(PlanItem.starts_on, PlanItem.sort_key)
    )
    count = sa.select(sa.func.count()).select_from(overdue.subquery())
    return Dashboard(
        scope=scope,
        due_soon=_first(due_soon),
        overdue=_first(overdue.order_by(PlanItem.ends_on, PlanItem.sort_key)),
        waiting=_first(waiting),
        overdue_count=db.session.scalar(count) or 0,
    )


def _items(scope: Scope) -> sa.Select:
    query = (
        sa.select(PlanItem)
        .where(PlanItem.plan_id == scope.plan.id)
        .options(joinedload(PlanItem.lead_agency))
    )
    if scope.agency_id is not None:
        query = query.where(PlanItem.lead_agency_id == scope.agency_id)
    return query


def _first(query: sa.Select) -> list[PlanItem]:
    return list(db.session.scalars(query.limit(SHOWN)))
