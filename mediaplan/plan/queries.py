"""Reading plans and items for the screens."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from mediaplan.db import is_valid_id
from mediaplan.extensions import db
from mediaplan.plan.models import Plan, PlanItem, PlanItemStatusChange

_NEWEST_PLANS = sa.select(Plan).order_by(Plan.starts_on.desc())


def newest_plans() -> list[Plan]:
    return list(db.session.scalars(_NEWEST_PLANS))


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
