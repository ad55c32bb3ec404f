"""Reading plans and items for the screens."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from mediaplan.db import is_valid_id
from mediaplan.extensions import db
from mediaplan.plan.models import Plan, PlanItem, PlanItemStatusChange

_NEWEST_PLANS = sa.select(Plan).order_by(Plan.starts_on.desc())


def newest_plans() -> list[Plan]:
    return list(db.session.scalars(_NEWEST_PLANS))


@dataclass(frozen=True)
class PlanSummary:
    plan: Plan
    items: int
    done: int


def plans_with_counts() -> list[PlanSummary]:
    """Every plan, newest first, with how many items it has and how many are done."""
    counts = sa.select(
        PlanItem.plan_id,
        sa.func.count(),
        sa.func.count().filter(PlanItem.status == "done"),
    ).group_by(PlanItem.plan_id)
    by_plan = {plan_id: (items, done) for plan_id, items, done in db.session.execute(counts)}
    return [PlanSummary(plan, *by_plan.get(plan.id, (0, 0))) for plan in newest_plans()]


def item_for_page(item_id: int) -> PlanItem | None:
    if not is_valid_id(item_id):
        return None
    query = (
        sa.select(PlanItem)
        .where(PlanItem.id == item_id)
        .options(
            selectinload(PlanItem.co_executors),
            selectinload(PlanItem.tags),
            selectinload(PlanItem.indicators),
            selectinload(PlanItem.status_changes).joinedload(PlanItemStatusChange.actor),
        )
    )
    return db.session.scalars(query).first()
