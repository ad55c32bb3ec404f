"""The scheduler page: jobs, their runs, the lock, stored jobs that cannot run, and running a
job now."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from mediaplan.db import utcnow, writes
from mediaplan.forms import Form
from mediaplan.scheduler import results, service
from mediaplan.scheduler.registry import job_kinds
from mediaplan.web import roles_required

bp = Blueprint("scheduler", __name__, url_prefix="/admin/scheduler")


@bp.get("/")
@roles_required("admin", "coordinator")
def index():
    app = current_app._get_current_object()
    statuses = service.job_statuses(app)
    return render_template(
        "scheduler/index.html",
        statuses=statuses,
        # Stored in no language, translated for the reader.
        results={s.kind.name: results.describe(s.last_run.result) for s in statuses if s.last_run},
        orphans=service.orphaned_jobs(job_kinds(app)),
        leader=service.leader(),
        health=service.scheduler_health(
            now=utcnow(), stale_after_seconds=float(app.config["SCHEDULER_STALE_SECONDS"])
        ),
        form=Form(),
    )


@bp.post("/jobs/<name>/run")
@writes
@roles_required("admin", "coordinator")
def run_now(name: str):
    app = current_app._get_current_object()
    if name not in job_kinds(app):
        abort(404)
    if not Form().validate_on_submit():
        abort(400)
    run = service.run_kind(app, name, trigger="manual")
    if run is None or run.status == "ok":
        flash(
            _(
                "Job %(name)s ran: %(result)s",
                name=name,
                result=(results.describe(run.result) if run else "") or _("nothing to do"),
            ),
            "success",
        )
    else:
        flash(_("Job %(name)s failed; see its error below.", name=name), "danger")
    return redirect(url_for("scheduler.index"))
