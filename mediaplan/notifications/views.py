"""Each user's own notifications."""

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask_login import current_user, login_required

from mediaplan.db import utcnow, writes
from mediaplan.extensions import db
from mediaplan.forms import Form
from mediaplan.notifications.cards import card_of
from mediaplan.notifications.service import mark_read, messages_for

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.get("/")
@login_required
def index():
    smtp_configured = bool(current_app.config["SMTP_HOST"])
    cards = [card_of(m, smtp_configured=smtp_configured) for m in messages_for(current_user)]
    return render_template("notifications/index.html", cards=cards, form=Form())


@bp.post("/read")
@writes
@login_required
def read_all():
    form = Form()
    if form.validate_on_submit():
        mark_read(current_user, now=utcnow())
        db.session.commit()
    return redirect(url_for("notifications.index"))
