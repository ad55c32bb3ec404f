"""The plan table, item pages, item forms and status changes."""

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from mediaplan.agencies.models import Agency
from mediaplan.agencies.service import agency_choices
from mediaplan.db import current_language, writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.navigation import page_sections
from mediaplan.plan import queries, rights, service
from mediaplan.plan.choices import TRANSITIONS
from mediaplan.plan.conflicts import differences
from mediaplan.plan.filters import today_in
from mediaplan.plan.forms import PlanItemForm, StatusForm
from mediaplan.plan.history import item_history
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.plan.schemas import load_query
from mediaplan.plan.service import ItemChanged, PlanItemData
from mediaplan.plan.table import plan_table
from mediaplan.plan.validation import validate_item
from mediaplan.web import get_or_404, select_choices, show_errors

bp = Blueprint("plan", __name__)

# The filters' names as the filter form shows them, for messages about their values.
FILTER_LABELS = {
    "plan": _l("Plan"),
    "direction": _l("Direction"),
    "format": _l("Format"),
    "agency": _l("Agency"),
    "status": _l("Status"),
    "quarter": _l("Quarter"),
    "date_from": _l("From"),
    "date_to": _l("To"),
    "region": _l("Region"),
    "target_group": _l("Target group"),
    "q": _l("Search titles"),
    "overdue": _l("Overdue only"),
    "sort": _l("Sort"),
    "order": _l("Order"),
    "page": _l("Page"),
    "per_page": _l("Rows per page"),
}


@bp.get("/plan")
@login_required
def index():
    query, errors = load_query(request.args)
    for field in errors:
        name = FILTER_LABELS.get(field, field)
        flash(_("The filter “%(name)s” had a value that was ignored.", name=name), "warning")
    filters = query["filters"]
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        flash(_("The “from” date is after the “to” date: no item can match."), "warning")
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
        today=today_in(current_app.config["DEFAULT_TIMEZONE"]),
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
        can_create=plan is not None and rights.can_create_items(current_user, plan),
    )


@bp.get("/plan/items/<int:item_id>")
@login_required
def item(item_id: int):
    plan_item = queries.item_for_page(item_id) or abort(404)
    return item_page(plan_item)


def item_page(plan_item: PlanItem, status_form: StatusForm | None = None) -> str:
    """The item's page; a form of another package shown again with its errors finds its way
    through that package's page section."""
    status_form = status_form or _status_form(plan_item)
    return render_template(
        "plan/item.html",
        item=plan_item,
        can_edit=rights.can_edit_item(current_user, plan_item),
        status_form=status_form,
        item_history=item_history(plan_item),
        sections=page_sections("plan.item", plan_item, current_user),
    )


@bp.route("/plan/<int:plan_id>/items/new", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def create(plan_id: int):
    plan = get_or_404(Plan, plan_id)
    if not rights.can_create_items(current_user, plan):
        abort(403)
    form = _item_form(None)
    data = _submitted(form, plan, None)
    if data is not None:
        try:
            new_item = service.create_item(
                plan, data, actor=current_user, language=current_language()
            )
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
    data = _submitted(form, plan_item.plan, plan_item)
    if data is not None:
        try:
            service.update_item(
                plan_item,
                data,
                actor=current_user,
                version=form.version.data,
                language=current_language(),
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        except ItemChanged:
            db.session.rollback()
            return _conflict_page(form, data, item_id), 409
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("plan.item", item_id=plan_item.id))
    return render_template("plan/form.html", form=form, plan=plan_item.plan, item=plan_item)


def _submitted(form: PlanItemForm, plan: Plan, plan_item: PlanItem | None):
    """The item a submitted form describes when it passes every rule, else None: then every
    error, the form's and the plan's, is at its field at once, not one round after another."""
    if not form.is_submitted():
        return None
    valid = form.validate()
    data = form.to_data()
    errors = validate_item(
        plan, data, actor=current_user, item=plan_item, language=current_language()
    )
    for name, messages in errors.items():
        field = getattr(form, name, None)
        # Where the form already explains a field (a date it cannot read, an indicator's
        # target), the plan's message about the same field would only repeat it.
        if field is not None and (field.errors or _entries_have_errors(field)):
            continue
        show_errors(form, ValidationFailed({name: messages}))
    return data if valid and not errors else None


def _entries_have_errors(field) -> bool:
    return any(entry.errors for entry in getattr(field, "entries", ()))


def _conflict_page(form: PlanItemForm, yours, item_id: int):
    """The form with what the person typed, beside what is saved now, and the new version, so
    that saving again keeps what they chose to keep."""
    saved_item = queries.item_for_page(item_id)
    agencies = {agency.id: agency for agency in db.session.scalars(sa.select(Agency))}
    form.version.data = saved_item.version
    changed = differences(PlanItemData.from_item(saved_item), yours, form, agencies)
    return render_template(
        "plan/form.html", form=form, plan=saved_item.plan, item=saved_item, conflict=changed
    )


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
                plan_item,
                form.status.data,
                actor=current_user,
                reason=form.reason.data,
                version=form.version.data,
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        except ItemChanged:
            db.session.rollback()
            form.status.errors.append(
                _("Someone else changed this item after you opened it. Check it and choose again.")
            )
        else:
            db.session.commit()
            flash(_("Status changed."), "success")
            return redirect(url_for("plan.item", item_id=plan_item.id))
    # The page again with the choice made and the reason typed, each error at its field.
    plan_item = queries.item_for_page(item_id)
    form.version.data = plan_item.version
    form.status.choices = _allowed_choices(form, plan_item)
    return item_page(plan_item, form), 400


def _status_form(plan_item: PlanItem) -> StatusForm:
    form = StatusForm(version=plan_item.version)
    form.status.choices = _allowed_choices(form, plan_item)
    return form


def _allowed_choices(form: StatusForm, plan_item: PlanItem) -> list:
    allowed = TRANSITIONS[plan_item.status]
    return [choice for choice in form.status.choices if choice.value in allowed]


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
    data["version"] = plan_item.version
    data["indicators"] = [vars(indicator) for indicator in data["indicators"]]
    return data
