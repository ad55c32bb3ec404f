"""Login and logout, password reset links and the administrator's button that sends one."""

from datetime import timedelta

from flask import (
    Blueprint,
    abort,
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

from mediaplan.auth import resets
from mediaplan.auth.forms import LoginForm, NewPasswordForm, ResetRequestForm, SendResetLinkForm
from mediaplan.auth.service import (
    LoginLimits,
    LoginThrottled,
    begin_login,
    check_password,
    finish_login,
)
from mediaplan.db import end_reading, writes
from mediaplan.errors import Conflict, ValidationFailed
from mediaplan.extensions import db
from mediaplan.i18n.selection import SESSION_KEY
from mediaplan.navigation import home_url
from mediaplan.security import is_safe_redirect
from mediaplan.users.models import User
from mediaplan.users.service import new_password_hash
from mediaplan.users.sessions import LOGOUT, end_session, start_session
from mediaplan.web import get_or_404, roles_required, show_errors

bp = Blueprint("auth", __name__)

# The address of a reset link, its token appended; the token then moves to the session.
RESET_LINK_PATH = "/password/reset/"
RESET_TOKEN_KEY = "password_reset_token"  # noqa: S105 (a session key, not a secret)


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


def reset_settings() -> resets.ResetSettings:
    config = current_app.config
    return resets.ResetSettings(
        lifetime=timedelta(seconds=int(config["PASSWORD_RESET_LINK_SECONDS"])),
        link_prefix=config["BASE_URL"].rstrip("/") + RESET_LINK_PATH,
        default_language=config["DEFAULT_LOCALE"],
    )


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


@bp.route("/password/forgot", methods=["GET", "POST"])
@writes(methods=["POST"])
def forgot_password():
    form = ResetRequestForm()
    if not form.validate_on_submit():
        return render_template("auth/forgot_password.html", form=form)
    try:
        resets.request_reset(
            form.email.data, address=_address(), limits=login_limits(), settings=reset_settings()
        )
    except resets.ResetThrottled:
        db.session.rollback()
        flash(_("Too many requests. Please wait a few minutes and try again."), "danger")
        return render_template("auth/forgot_password.html", form=form), 429
    db.session.commit()
    # The same answer whether the address has an account or not.
    flash(
        _("If an account exists for this address, a link to set a new password is on its way."),
        "info",
    )
    return redirect(url_for("auth.login"))


@bp.get(RESET_LINK_PATH + "<token>")
def open_reset_link(token: str):
    # The token leaves the address bar at once: kept in the session, it shows in no browser
    # history and no Referer header. Opening the link uses nothing up, so a mail scanner that
    # follows it does no harm.
    session[RESET_TOKEN_KEY] = token[: resets.TOKEN_MAX + 1]
    return redirect(url_for("auth.reset_password"))


@bp.route("/password/reset", methods=["GET", "POST"])
@writes(methods=["POST"])
def reset_password():
    token = session.get(RESET_TOKEN_KEY, "")
    if resets.live_link(token) is None:
        return _dead_link()
    form = NewPasswordForm()
    if not form.validate_on_submit():
        return render_template("auth/reset_password.html", form=form)
    # Hashed with no transaction open: scrypt takes a tenth of a second, and a writing
    # transaction would hold the write lock meanwhile.
    end_reading()
    try:
        password_hash = new_password_hash(form.new_password.data)
    except ValidationFailed as error:
        show_errors(form, error)
        return render_template("auth/reset_password.html", form=form)
    if resets.reset_password(token, password_hash) is None:
        db.session.rollback()
        return _dead_link()  # used by another request, or ended, while the hash was made
    db.session.commit()
    session.pop(RESET_TOKEN_KEY, None)
    flash(_("Your new password is set and every session of your account has ended."), "success")
    return redirect(url_for("auth.login"))


def _dead_link():
    return render_template("auth/reset_password.html", form=None), 404


@bp.post("/admin/users/<int:user_id>/password-reset")
@writes
@roles_required("admin")
def send_reset_link(user_id: int):
    user = get_or_404(User, user_id)
    if not SendResetLinkForm().validate_on_submit():
        abort(400)
    try:
        resets.send_reset_link(user, settings=reset_settings(), sent_by=current_user)
    except Conflict as error:
        db.session.rollback()
        flash(str(error), "danger")
    else:
        db.session.commit()
        flash(_("A link to set a new password was sent to %(email)s.", email=user.email), "success")
    return redirect(url_for("users.edit", user_id=user.id))


def reset_link_section(user: User, viewer) -> dict | None:
    """The administrator's "send a link" on a user's page."""
    if user is None or not viewer.has_role("admin"):
        return None
    minutes = resets.whole_minutes(reset_settings().lifetime)
    return {"user": user, "form": SendResetLinkForm(), "minutes": minutes}
