"""The home page: what needs the user's attention in the plan in use."""

from flask import Blueprint, current_app, render_template
from flask_login import current_user, login_required

from mediaplan.navigation import page_sections
from mediaplan.plan.dashboard import dashboard, plan_in_use, scope_of
from mediaplan.plan.filters import today_in

bp = Blueprint("dashboard", __name__)


@bp.get("/home")
@login_required
def index():
    today = today_in(current_app.config["DEFAULT_TIMEZONE"])
    plan = plan_in_use(today)
    if plan is None:
        return render_template("plan/dashboard.html", board=None, sections=[])
    scope = scope_of(current_user, plan, today)
    return render_template(
        "plan/dashboard.html",
        board=dashboard(scope),
        sections=page_sections("plan.dashboard", scope, current_user),
    )
