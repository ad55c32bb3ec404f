"""The plan in the API: /api/v1/plan-items (the plan table for partner systems, and changing
items), and /api/v1/plans and /api/v1/agencies, the ids a partner needs to fill in an item."""

from dataclasses import replace

import sqlalchemy as sa
from flask import abort, current_app, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_smorest import abort as refuse
from sqlalchemy.orm import selectinload

from mediaplan.agencies.models import Agency
from mediaplan.api.blueprint import ApiBlueprint, commits
from mediaplan.db import current_language
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan import rights, service
from mediaplan.plan.api_schemas import (
    AgencySchema,
    PlanItemCreateSchema,
    PlanItemPageSchema,
    PlanItemPatchSchema,
    PlanItemQueryArgsSchema,
    PlanItemSchema,
    PlanSchema,
    StatusChangeSchema,
)
from mediaplan.plan.filters import filtered_items
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.web import get_or_404

items = ApiBlueprint(
    "api_plan_items",
    __name__,
    url_prefix="/api/v1/plan-items",
    description="Items of the media plan: the same filters, rights and rules as the web pages.",
)
# No bounds in the converter: they would turn a PATCH of a huge id into a 405 (werkzeug tries
# the GET rule first). get_or_404 answers 404 to ids no row can have.
ITEM = "/<int:item_id>"


@items.get("")
@commits
@items.arguments(PlanItemQueryArgsSchema, location="query")
@items.response(200, PlanItemPageSchema)
def list_items(query: dict):
    """Items passing the filters, a page at a time.

    Without "plan", items of every plan; an unknown plan is a 404, as on the web table.
    """
    filters = query["filters"]
    plan = get_or_404(Plan, filters.plan_id) if filters.plan_id else None
    select = filtered_items(filters, plan=plan, language=current_language())
    return db.paginate(
        select.options(selectinload(PlanItem.indicators)),
        page=query["page"],
        per_page=query["per_page"] or current_app.config["PAGE_SIZE"],
        max_per_page=current_app.config["PAGE_SIZE_MAX"],
        error_out=False,
    )


@items.get(ITEM)
@commits
@items.response(200, PlanItemSchema)
def get_item(item_id: int):
    return get_or_404(PlanItem, item_id)


@items.post("")
@commits
@items.arguments(PlanItemCreateSchema)
@items.response(201, PlanItemSchema)
def create_item(fields: dict):
    if not rights.can_create_items(current_user):
        abort(403)
    plan = db.session.get(Plan, fields.pop("plan_id"))
    if plan is None:
        raise ValidationFailed({"plan_id": [str(_l("Choose an existing plan."))]})
    return service.create_item(plan, service.PlanItemData(**fields), actor=current_user)


@items.patch(ITEM)
@commits
@items.arguments(PlanItemPatchSchema)
@items.response(200, PlanItemSchema)
@items.alt_response(409, description="The item changed since the version sent.")
@items.alt_response(428, description="No version was sent.")
def update_item(changes: dict, item_id: int):
    """Change the fields given; the others keep their values. Send the item's version as read
    (the "version" field or an If-Match header): a change made from an older one is refused."""
    item = get_or_404(PlanItem, item_id)
    if not rights.can_edit_item(current_user, item):
        abort(403)
    version = _sent_version(changes.pop("version", None))
    if version is None:
        refuse(428, message=_l("Send the version of the item you read, as “version” or If-Match."))
    data = replace(service.PlanItemData.from_item(item), **changes)
    # A missing title is reported at the same key whatever language the client reads.
    return service.update_item(item, data, actor=current_user, version=version)


def _sent_version(in_body: int | None) -> int | None:
    if in_body is not None:
        return in_body
    header = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    return int(header) if header.isdigit() and len(header) < 10 else None


@items.post(f"{ITEM}/status")
@commits
@items.arguments(StatusChangeSchema)
@items.response(200, PlanItemSchema)
def change_status(change: dict, item_id: int):
    """Move the item to another status; postponing, cancelling and reopening need a reason."""
    item = get_or_404(PlanItem, item_id)
    if not rights.can_change_status(current_user, item):
        abort(403)
    service.change_status(
        item,
        change["status"],
        actor=current_user,
        reason=change["reason"],
        version=change.get("version") or _sent_version(None),
    )
    return item


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
