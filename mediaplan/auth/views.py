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
from mediaplan.auth.service import (
    LoginLimits,
    LoginThrottled,
    begin_login,
    check_password,
    finish_login,
)
from mediaplan.db import writes
from mediaplan.extensions import db
from mediaplan.i18n.selection import SESSION_KEY
from mediaplan.navigation import home_url
from mediaplan.security import is_safe_redirect
from mediaplan.users.sessions import LOGOUT, end_session, start_session

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
    try:
        attempt = begin_login(form.email.data, address=_address(), limits=login_limits())
    except LoginThrottled:
        db.session.rollback()
        flash(_("Too many failed attempts. Please wait a few minutes and try again."), "danger")
        return render_template("auth/login.html", form=form), 429
    # The attempt is counted and its transaction over before the slow password check, which
    # therefore holds no lock; the login is written in a second short transaction.
    db.session.commit()
    if not check_password(attempt, form.password.data):
        flash(_("Wrong e-mail or password."), "danger")
        return render_template("auth/login.html", form=form), 200
    user = finish_login(attempt)
    _open_session(user)
    db.session.commit()
    target = form.next.data
    return redirect(target if is_safe_redirect(target) else home_url(user))


def _address() -> str:
    return request.remote_addr or "unknown"


def _open_session(user) -> None:
    # A new cookie at login: a session id planted before login must not survive it.
    language = session.get(SESSION_KEY)
    session.clear()
    if language and not user.locale:
        session[SESSION_KEY] = language
    user.session_token = start_session(
        user, address=_address(), user_agent=request.user_agent.string or ""
    )
    login_user(user)
    session.permanent = True


@bp.post("/logout")
@writes
@login_required
def logout():
    # Ended on the server: the cookie, if someone kept a copy, opens nothing any more.
    end_session(current_user.session_token, reason=LOGOUT)
    db.session.commit()
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))
