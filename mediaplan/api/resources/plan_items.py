"""/api/v1/plan-items: the plan table for partner systems, and changing items."""

from dataclasses import replace

from flask import abort, current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from mediaplan.api.blueprint import ApiBlueprint, commits
from mediaplan.api.schemas import (
    PlanItemCreateSchema,
    PlanItemPageSchema,
    PlanItemPatchSchema,
    PlanItemQueryArgsSchema,
    PlanItemSchema,
    StatusChangeSchema,
)
from mediaplan.db import current_language
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan import rights, service
from mediaplan.plan.filters import filtered_items
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.web import get_or_404

blp = ApiBlueprint(
    "api_plan_items",
    __name__,
    url_prefix="/api/v1/plan-items",
    description="Items of the media plan: the same filters, rights and rules as the web pages.",
)
# No bounds in the converter: they would turn a PATCH of a huge id into a 405 (werkzeug tries
# the GET rule first). get_or_404 answers 404 to ids no row can have.
ITEM = "/<int:item_id>"


@blp.get("")
@commits
@blp.arguments(PlanItemQueryArgsSchema, location="query")
@blp.response(200, PlanItemPageSchema)
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


@blp.get(ITEM)
@commits
@blp.response(200, PlanItemSchema)
def get_item(item_id: int):
    return get_or_404(PlanItem, item_id)


@blp.post("")
@commits
@blp.arguments(PlanItemCreateSchema)
@blp.response(201, PlanItemSchema)
def create_item(fields: dict):
    if not rights.can_create_items(current_user):
        abort(403)
    plan = db.session.get(Plan, fields.pop("plan_id"))
    if plan is None:
        raise ValidationFailed({"plan_id": [str(_l("Choose an existing plan."))]})
    return service.create_item(plan, service.PlanItemData(**fields), actor=current_user)


@blp.patch(ITEM)
@commits
@blp.arguments(PlanItemPatchSchema)
@blp.response(200, PlanItemSchema)
def update_item(changes: dict, item_id: int):
    """Change the fields given; the others keep their values."""
    item = get_or_404(PlanItem, item_id)
    if not rights.can_edit_item(current_user, item):
        abort(403)
    data = replace(service.PlanItemData.from_item(item), **changes)
    return service.update_item(item, data, actor=current_user)


@blp.post(f"{ITEM}/status")
@commits
@blp.arguments(StatusChangeSchema)
@blp.response(200, PlanItemSchema)
def change_status(change: dict, item_id: int):
    """Move the item to another status; postponing, cancelling and reopening need a reason."""
    item = get_or_404(PlanItem, item_id)
    if not rights.can_change_status(current_user, item):
        abort(403)
    service.change_status(item, change["status"], actor=current_user, reason=change["reason"])
    return item
