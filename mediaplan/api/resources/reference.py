"""/api/v1/plans and /api/v1/agencies: the ids a partner needs to fill in an item."""

import sqlalchemy as sa

from mediaplan.agencies.models import Agency
from mediaplan.api.blueprint import ApiBlueprint, commits
from mediaplan.api.schemas import AgencySchema, PlanSchema
from mediaplan.extensions import db
from mediaplan.plan.models import Plan

plans = ApiBlueprint(
    "api_plans", __name__, url_prefix="/api/v1/plans", description="Media plans, latest first."
)
agencies = ApiBlueprint(
    "api_agencies",
    __name__,
    url_prefix="/api/v1/agencies",
    description="Agencies; only active ones may lead an item.",
)


@plans.get("")
@commits
@plans.response(200, PlanSchema(many=True))
def list_plans():
    return db.session.scalars(sa.select(Plan).order_by(Plan.starts_on.desc(), Plan.id)).all()


@agencies.get("")
@commits
@agencies.response(200, AgencySchema(many=True))
def list_agencies():
    return db.session.scalars(sa.select(Agency).order_by(Agency.code)).all()
