"""Switching the interface language."""

from flask import Blueprint, abort, redirect, request, session, url_for
from flask_login import current_user

from mediaplan.db import LANGUAGES
from mediaplan.extensions import db
from mediaplan.i18n.selection import SESSION_KEY
from mediaplan.security import is_safe_redirect

bp = Blueprint("i18n", __name__)


@bp.post("/language")
def switch_language():
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    session[SESSION_KEY] = language
    if current_user.is_authenticated:
        current_user.locale = language
        db.session.commit()
    target = request.form.get("next")
    return redirect(target if is_safe_redirect(target) else url_for("plan.index"))
