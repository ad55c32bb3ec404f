"""Agency administration (admins)."""

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from mediaplan.agencies.forms import AgencyForm
from mediaplan.agencies.history import HISTORY_FIELDS
from mediaplan.agencies.models import Agency
from mediaplan.agencies.service import AUDIT_KIND, save_agency
from mediaplan.audit.display import describe
from mediaplan.audit.service import history
from mediaplan.db import writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.web import get_or_404, roles_required, show_errors

bp = Blueprint("agencies", __name__, url_prefix="/admin/agencies")


@bp.get("/")
@roles_required("admin")
def index():
    agencies = db.session.scalars(sa.select(Agency).order_by(Agency.code)).all()
    return render_template("agencies/index.html", agencies=agencies)


@bp.route("/new", methods=["GET", "POST"])
@writes(methods=["POST"])
@roles_required("admin")
def create():
    return _edit(None)


@bp.route("/<int:agency_id>", methods=["GET", "POST"])
@writes(methods=["POST"])
@roles_required("admin")
def edit(agency_id: int):
    return _edit(get_or_404(Agency, agency_id))


def _edit(agency: Agency | None):
    form = AgencyForm(obj=agency)
    if form.validate_on_submit():
        try:
            save_agency(agency, form.data, actor_id=current_user.id)
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("agencies.index"))
    entries = [] if agency is None else describe(history(AUDIT_KIND, agency.id), HISTORY_FIELDS)
    return render_template("agencies/form.html", form=form, agency=agency, history=entries)
