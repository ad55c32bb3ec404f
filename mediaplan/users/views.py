"""User administration (admins) and each user's own account page."""

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, login_required
from werkzeug.security import check_password_hash

from mediaplan.agencies.service import agency_choices, agency_names
from mediaplan.audit.display import Field, describe
from mediaplan.audit.service import history
from mediaplan.db import end_reading, writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.templating import label
from mediaplan.users import service
from mediaplan.users.forms import (
    EndSessionsForm,
    PasswordForm,
    PreferencesForm,
    UserCreateForm,
    UserEditForm,
    new_user_agency_choices,
)
from mediaplan.users.models import User
from mediaplan.users.sessions import open_sessions, session_limits
from mediaplan.users.tokens import live_token_count, revoke_tokens_of
from mediaplan.web import get_or_404, roles_required, select_choices, show_errors

bp = Blueprint("users", __name__)


def account_title(user) -> str:
    """The account link's tooltip: who the user is in the plan."""
    return f"{label('role', user.role)} · {user.agency.short_name}"


@bp.get("/admin/users")
@roles_required("admin")
def index():
    users = db.session.scalars(sa.select(User).order_by(User.name)).all()
    return render_template("users/index.html", users=users)


@bp.route("/admin/users/new", methods=["GET", "POST"])
@writes(methods=["POST"])
@roles_required("admin")
def create():
    form = UserCreateForm()
    form.agency_id.choices = new_user_agency_choices(agency_choices())
    if form.validate_on_submit():
        # The service hashes the password before it writes: with no transaction open then.
        end_reading()
        try:
            user = service.create_user(
                email=form.email.data,
                name=form.name.data,
                role=form.role.data,
                agency_id=form.agency_id.data,
                password=form.password.data,
                is_active=form.is_active.data,
                actor_id=current_user.id,
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("User %(email)s created.", email=user.email), "success")
            return redirect(url_for("users.index"))
    return render_template("users/form.html", form=form, user=None)


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@writes(methods=["POST"])
@roles_required("admin")
def edit(user_id: int):
    user = get_or_404(User, user_id)
    form = UserEditForm(obj=user)
    form.agency_id.choices = select_choices(agency_choices())
    if form.validate_on_submit():
        try:
            service.update_user(
                user,
                name=form.name.data,
                role=form.role.data,
                agency_id=form.agency_id.data,
                is_active=form.is_active.data,
                actor_id=current_user.id,
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("users.index"))
    return render_template(
        "users/form.html",
        form=form,
        user=user,
        open_sessions=open_sessions(user.id, session_limits(current_app.config)),
        end_sessions_form=EndSessionsForm(),
        history=describe(history(service.AUDIT_KIND, user.id), _history_fields()),
    )


def _history_fields() -> dict:
    """How a user's history names the fields: as the forms do."""
    return {
        "email": _l("E-mail"),
        "name": _l("Name"),
        "role": Field(_l("Role"), vocabulary="role"),
        "agency_id": Field(_l("Agency"), names=agency_names()),
        "is_active": _l("Active"),
    }


@bp.route("/account", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def account():
    form = _preferences_form()
    if form.validate_on_submit():
        service.set_preferences(current_user, locale=form.locale.data, timezone=form.timezone.data)
        db.session.commit()
        flash(_("Preferences saved."), "success")
        return redirect(url_for("users.account"))
    return _account_page(form, PasswordForm())


@bp.route("/account/password", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def change_password():
    if request.method == "GET":
        # Where a failed change was shown: reloading it shows the account page again.
        return redirect(url_for("users.account"))
    form = PasswordForm()
    if form.validate_on_submit() and _change_password(form):
        return redirect(url_for("users.account"))
    return _account_page(_preferences_form(), form), 400


def _change_password(form: PasswordForm) -> bool:
    user_id, token = current_user.id, current_user.session_token
    stored = current_user.password_hash
    # Both hashes are checked and made with no transaction open: they take a tenth of a
    # second each, and a writing transaction would hold the write lock meanwhile.
    end_reading()
    if not check_password_hash(stored, form.current_password.data):
        form.current_password.errors.append(_("The current password is wrong."))
        return False
    try:
        new_hash = service.new_password_hash(form.new_password.data)
    except ValidationFailed as error:
        show_errors(form, error)
        return False
    user = db.session.get(User, user_id)
    ended = service.set_password(user, new_hash, keep_session=token)
    revoked = revoke_tokens_of(user_id) if form.revoke_tokens.data else 0
    db.session.commit()
    flash(_("Password changed."), "success")
    if ended:
        flash(
            ngettext(
                "%(num)d other session was ended.", "%(num)d other sessions were ended.", ended
            ),
            "info",
        )
    if revoked:
        flash(
            ngettext("%(num)d API token was revoked.", "%(num)d API tokens were revoked.", revoked),
            "info",
        )
    return True


def _preferences_form() -> PreferencesForm:
    return PreferencesForm(
        locale=current_user.locale or current_app.config["DEFAULT_LOCALE"],
        timezone=current_user.timezone or current_app.config["DEFAULT_TIMEZONE"],
    )


def _account_page(form: PreferencesForm, password_form: PasswordForm) -> str:
    return render_template(
        "users/account.html",
        form=form,
        password_form=password_form,
        live_tokens=live_token_count(current_user.id),
    )


@bp.post("/admin/users/<int:user_id>/sessions/end")
@writes
@roles_required("admin")
def end_sessions(user_id: int):
    user = get_or_404(User, user_id)
    if not EndSessionsForm().validate_on_submit():
        abort(400)
    ended = service.end_sessions(user, actor_id=current_user.id)
    db.session.commit()
    flash(ngettext("%(num)d session ended.", "%(num)d sessions ended.", ended), "success")
    return redirect(url_for("users.edit", user_id=user.id))
