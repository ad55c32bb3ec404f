"""The home page: what needs the user's attention in the plan in use."""

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user, login_required

from mediaplan.navigation import page_sections
from mediaplan.plan import queries
from mediaplan.plan.dashboard import dashboard, plan_in_use, scope_of
from mediaplan.plan.filters import today_in

bp = Blueprint("dashboard", __name__)


@bp.get("/home")
@login_required
def index():
    today = today_in(current_app.config["DEFAULT_TIMEZONE"])
    plans = queries.newest_plans()
    # Another plan when asked for (an unknown one is ignored), else the one covering today.
    asked = request.args.get("plan", type=int)
    plan = next((p for p in plans if p.id == asked), None) or plan_in_use(today)
    if plan is None:
        return render_template("plan/dashboard.html", board=None, sections=[], plans=[])
    scope = scope_of(current_user, plan, today)
    return render_template(
        "plan/dashboard.html",
        board=dashboard(scope),
        plans=plans,
        sections=page_sections("plan.dashboard", scope, current_user),
    )
