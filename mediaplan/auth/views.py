"""Login and logout."""

from datetime import timedelta

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from mediaplan.auth.forms import LoginForm
from mediaplan.auth.service import LoginLimits, LoginThrottled, authenticate
from mediaplan.db import writes
from mediaplan.extensions import db
from mediaplan.i18n.selection import SESSION_KEY
from mediaplan.navigation import home_url
from mediaplan.security import is_safe_redirect

bp = Blueprint("auth", __name__)


def login_limits() -> LoginLimits:
    config = current_app.config
    return LoginLimits(
        per_account=int(config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]),
        per_address=int(config["LOGIN_MAX_FAILURES_PER_ADDRESS"]),
        window=timedelta(seconds=int(config["LOGIN_FAILURE_WINDOW_SECONDS"])),
    )


@bp.route("/login", methods=["GET", "POST"])
@writes(methods=["POST"])
def login():
    form = LoginForm(next=request.args.get("next", ""))
    if current_user.is_authenticated:
        return redirect(home_url(current_user))
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)
    address = request.remote_addr or "unknown"
    try:
        user = authenticate(
            form.email.data, form.password.data, address=address, limits=login_limits()
        )
    except LoginThrottled:
        flash(_("Too many failed attempts. Please wait a few minutes and try again."), "danger")
        return render_template("auth/login.html", form=form), 429
    db.session.commit()
    if user is None:
        flash(_("Wrong e-mail or password."), "danger")
        return render_template("auth/login.html", form=form), 200
    _start_session(user)
    target = form.next.data
    return redirect(target if is_safe_redirect(target) else home_url(user))


def _start_session(user) -> None:
    # A new session at login: a session id planted before login must not survive it.
    language = session.get(SESSION_KEY)
    session.clear()
    if language and not user.locale:
        session[SESSION_KEY] = language
    login_user(user)
    session.permanent = True


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))
