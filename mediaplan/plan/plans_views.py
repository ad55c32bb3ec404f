"""The plans: their list, opening one for a new period, carrying items forward, closing."""

import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from mediaplan.db import writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.plan import plans, queries, rights
from mediaplan.plan.history import plan_history
from mediaplan.plan.models import Plan
from mediaplan.plan.plan_forms import ConfirmForm, PlanForm
from mediaplan.web import get_or_404, select_choices, show_errors

bp = Blueprint("plans", __name__, url_prefix="/plans")
YEAR = re.compile(r"(19|20)\d\d")


@bp.get("/")
@login_required
def index():
    summaries = queries.plans_with_counts()
    return render_template(
        "plans/index.html",
        plans=summaries,
        histories={s.plan.id: plan_history(s.plan.id) for s in summaries},
        can_manage=rights.can_manage_plans(current_user),
        form=ConfirmForm(),
    )


@bp.route("/new", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def create():
    if not rights.can_manage_plans(current_user):
        abort(403)
    existing = queries.newest_plans()
    # Proposed on the empty form only: a submitted one holds what the person sent.
    proposed = existing and request.method == "GET"
    form = PlanForm(data=_next_plan_values(existing[0]) if proposed else None)
    form.copy_from.choices = select_choices(
        [(0, _("Start empty")), *((plan.id, plan.title) for plan in existing)]
    )
    if form.validate_on_submit():
        try:
            plan = plans.create_plan(_plan_data(form), actor=current_user)
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Plan %(code)s opened.", code=plan.code), "success")
            if form.copy_from.data:
                return redirect(url_for("plans.copy", plan_id=plan.id, source=form.copy_from.data))
            return redirect(url_for("plan.index", plan=plan.id))
    return render_template("plans/form.html", form=form)


def _next_plan_values(latest: Plan) -> dict:
    """A new plan proposed after the latest: its next period, its code and titles with the
    year moved on, and its items to carry forward."""
    starts_on, ends_on = plans.next_period(latest)
    years = starts_on.year - latest.starts_on.year
    texts = {f"title_{lang}": getattr(latest, f"title_{lang}") for lang in ("ky", "ru", "en")}
    values = {key: _year_moved(text, years) for key, text in texts.items()}
    code = _year_moved(latest.code, years)
    # A code without a year would be the same code again: the new one carries its year.
    values["code"] = code if code != latest.code else f"{latest.code}-{starts_on.year}"
    return values | {"starts_on": starts_on, "ends_on": ends_on, "copy_from": latest.id}


def _year_moved(text: str, years: int) -> str:
    return YEAR.sub(lambda match: str(int(match.group()) + years), text)


def _plan_data(form: PlanForm) -> plans.PlanData:
    return plans.PlanData(
        code=form.code.data or "",
        starts_on=form.starts_on.data,
        ends_on=form.ends_on.data,
        title_ky=form.title_ky.data or "",
        title_ru=form.title_ru.data or "",
        title_en=form.title_en.data or "",
    )


@bp.route("/<int:plan_id>/copy", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def copy(plan_id: int):
    target = get_or_404(Plan, plan_id)
    source = get_or_404(Plan, request.args.get("source", type=int) or 0)
    if not rights.can_manage_plans(current_user):
        abort(403)
    if source.id == target.id or target.is_closed:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        copied = plans.copy_items(source, target, actor=current_user)
        db.session.commit()
        flash(
            ngettext(
                "%(num)d item carried forward.", "%(num)d items carried forward.", len(copied)
            ),
            "success",
        )
        return redirect(url_for("plan.index", plan=target.id))
    lines = plans.preview_copy(source, target, actor=current_user)
    return render_template("plans/copy.html", source=source, target=target, lines=lines, form=form)


@bp.post("/<int:plan_id>/close")
@writes
@login_required
def close(plan_id: int):
    plan = _closing(plan_id, plans.close_plan)
    flash(_("Plan %(code)s closed to edits.", code=plan.code), "success")
    return redirect(url_for("plans.index"))


@bp.post("/<int:plan_id>/reopen")
@writes
@login_required
def reopen(plan_id: int):
    plan = _closing(plan_id, plans.reopen_plan)
    flash(_("Plan %(code)s open to edits again.", code=plan.code), "success")
    return redirect(url_for("plans.index"))


def _closing(plan_id: int, change) -> Plan:
    plan = get_or_404(Plan, plan_id)
    if not rights.can_manage_plans(current_user):
        abort(403)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    change(plan, actor=current_user)
    db.session.commit()
    return plan
