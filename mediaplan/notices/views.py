"""The notices section of the account page, and saving its choices."""

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from mediaplan.db import writes
from mediaplan.extensions import db
from mediaplan.notices.forms import NoticePreferencesForm
from mediaplan.notices.preferences import emailed_kinds, set_emailed_kinds

bp = Blueprint("notices", __name__)


def account_section(_page_object, user) -> dict:
    """The logged-in user's own e-mail choices, as a form showing what is stored (never what
    was posted to another form of the page)."""
    kinds = emailed_kinds(user.id)
    form = NoticePreferencesForm(formdata=None, data={f"email_{kind}": True for kind in kinds})
    return {"form": form}


@bp.post("/account/notices")
@writes
@login_required
def save_preferences():
    form = NoticePreferencesForm()
    if form.validate_on_submit():
        set_emailed_kinds(current_user.id, form.chosen_kinds())
        db.session.commit()
        flash(_("Notice settings saved."), "success")
    return redirect(url_for("users.account") + "#notices")
