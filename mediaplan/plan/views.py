"""The plan table, item pages, item forms and status changes."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mediaplan.agencies.service import agency_choices
from mediaplan.db import current_language, writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.navigation import page_sections
from mediaplan.plan import queries, rights, service
from mediaplan.plan.choices import TRANSITIONS
from mediaplan.plan.forms import PlanItemForm, StatusForm
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.plan.schemas import load_query
from mediaplan.plan.table import plan_table
from mediaplan.web import get_or_404, select_choices, show_errors

bp = Blueprint("plan", __name__)


@bp.get("/plan")
@login_required
def index():
    query, errors = load_query(request.args)
    for field in errors:
        flash(_("The filter “%(name)s” had a value that was ignored.", name=field), "warning")
    # One query for the plan shown (the one asked for, else the latest) and the plan chooser.
    plans = queries.newest_plans()
    plan_id = query["filters"].plan_id
    if plan_id:
        plan = next((p for p in plans if p.id == plan_id), None) or abort(404)
    else:
        plan = plans[0] if plans else None
    per_page = query["per_page"] or current_app.config["PAGE_SIZE"]
    table = plan_table(
        query["filters"],
        plan=plan,
        language=current_language(),
        page=query["page"],
        per_page=per_page,
        max_per_page=current_app.config["PAGE_SIZE_MAX"],
    )
    return render_template(
        "plan/index.html",
        plan=plan,
        plan_choices=[(choice.id, choice.title) for choice in plans],
        page=table.page,
        rows=table.rows,
        filters=query["filters"],
        agencies=table.agency_choices,
        per_page=per_page,
        can_create=rights.can_create_items(current_user),
    )


@bp.get("/plan/items/<int:item_id>")
@login_required
def item(item_id: int):
    plan_item = queries.item_for_page(item_id) or abort(404)
    return render_template(
        "plan/item.html",
        item=plan_item,
        can_edit=rights.can_edit_item(current_user, plan_item),
        status_form=_status_form(plan_item),
        sections=page_sections("plan.item", plan_item, current_user),
    )


@bp.route("/plan/<int:plan_id>/items/new", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def create(plan_id: int):
    plan = get_or_404(Plan, plan_id)
    if not rights.can_create_items(current_user):
        abort(403)
    form = _item_form(None)
    if form.validate_on_submit():
        try:
            new_item = service.create_item(plan, form.to_data(), actor=current_user)
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Item %(number)s added to the plan.", number=new_item.number), "success")
            return redirect(url_for("plan.item", item_id=new_item.id))
    return render_template("plan/form.html", form=form, plan=plan, item=None)


@bp.route("/plan/items/<int:item_id>/edit", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def edit(item_id: int):
    plan_item = get_or_404(PlanItem, item_id)
    if not rights.can_edit_item(current_user, plan_item):
        abort(403)
    form = _item_form(plan_item)
    if form.validate_on_submit():
        try:
            service.update_item(plan_item, form.to_data(), actor=current_user)
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("plan.item", item_id=plan_item.id))
    return render_template("plan/form.html", form=form, plan=plan_item.plan, item=plan_item)


@bp.post("/plan/items/<int:item_id>/status")
@writes
@login_required
def change_status(item_id: int):
    plan_item = get_or_404(PlanItem, item_id)
    if not rights.can_change_status(current_user, plan_item):
        abort(403)
    # Every status is a valid choice here: the service then says why a transition is not
    # allowed, where the item page's narrowed choices would only say "Not a valid choice."
    form = StatusForm()
    if form.validate_on_submit():
        try:
            service.change_status(
                plan_item, form.status.data, actor=current_user, reason=form.reason.data
            )
        except ValidationFailed as error:
            db.session.rollback()
            for messages in error.errors.values():
                for message in messages:
                    flash(message, "danger")
        else:
            db.session.commit()
            flash(_("Status changed."), "success")
    else:
        for messages in form.errors.values():
            for message in messages:
                flash(message, "danger")
    return redirect(url_for("plan.item", item_id=plan_item.id))


def _status_form(plan_item: PlanItem) -> StatusForm:
    form = StatusForm()
    allowed = TRANSITIONS[plan_item.status]
    form.status.choices = [choice for choice in form.status.choices if choice.value in allowed]
    return form


def _item_form(plan_item: PlanItem | None) -> PlanItemForm:
    if plan_item is None or request.method == "POST":
        form = PlanItemForm()
    else:
        form = PlanItemForm(data=_form_values(plan_item))
    form.lead_agency_id.choices = select_choices(_lead_choices())
    form.co_executor_ids.choices = select_choices(_co_executor_choices(plan_item))
    if (
        not form.is_submitted()
        and plan_item is None
        and current_user.role in rights.AGENCY_EDITOR_ROLES
    ):
        form.lead_agency_id.data = current_user.agency_id
    while len(form.indicators) < 3:
        form.indicators.append_entry()
    return form


def _lead_choices() -> list[tuple[int, str]]:
    choices = agency_choices()
    if current_user.role in rights.PLAN_OWNER_ROLES:
        return choices
    return [choice for choice in choices if choice[0] == current_user.agency_id]


def _co_executor_choices(plan_item: PlanItem | None) -> list[tuple[int, str]]:
    """The active agencies, and the item's co-executors that have been deactivated since: they
    stay on the item until someone unticks them."""
    choices = agency_choices()
    if plan_item is not None:
        choices += [
            (agency.id, _("%(name)s (inactive)", name=agency.name))
            for agency in plan_item.co_executors
            if not agency.is_active
        ]
    return choices


def _form_values(plan_item: PlanItem) -> dict:
    data = vars(service.PlanItemData.from_item(plan_item)).copy()
    data["timing"] = "deadline" if plan_item.is_deadline else "range"
    data["indicators"] = [vars(indicator) for indicator in data["indicators"]]
    return data
