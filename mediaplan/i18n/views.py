"""Switching the interface language."""

from flask import Blueprint, abort, redirect, request, session
from flask_login import current_user

from mediaplan.db import LANGUAGES, current_language, writes
from mediaplan.extensions import db
from mediaplan.i18n.selection import SESSION_KEY
from mediaplan.navigation import home_url
from mediaplan.security import is_safe_redirect

bp = Blueprint("i18n", __name__)

# Each language named in itself, so a reader finds their own whatever the page shows.
INTERFACE_LANGUAGES = (("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English"))


def language_switcher(_obj, _user) -> dict:
    """The header's language buttons; after switching, the reader returns to this page."""
    return {
        "languages": INTERFACE_LANGUAGES,
        "current": current_language(),
        "next": request.full_path if request.method == "GET" else "",
    }


@bp.post("/language")
@writes
def switch_language():
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    session[SESSION_KEY] = language
    if current_user.is_authenticated:
        current_user.locale = language
        db.session.commit()
    target = request.form.get("next")
    return redirect(target if is_safe_redirect(target) else home_url(current_user))
