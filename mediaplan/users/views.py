"""User administration (admins) and each user's own account page."""

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from mediaplan.agencies.service import agency_choices
from mediaplan.db import writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.templating import label
from mediaplan.users import service
from mediaplan.users.forms import PasswordForm, PreferencesForm, UserCreateForm, UserEditForm
from mediaplan.users.models import User
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
    form.agency_id.choices = select_choices(agency_choices())
    if form.validate_on_submit():
        try:
            user = service.create_user(
                email=form.email.data,
                name=form.name.data,
                role=form.role.data,
                agency_id=form.agency_id.data,
                password=form.password.data,
            )
            user.is_active = form.is_active.data
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
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("users.index"))
    return render_template("users/form.html", form=form, user=user)


@bp.route("/account", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def account():
    form = PreferencesForm(
        locale=current_user.locale or "ru", timezone=current_user.timezone or "Asia/Bishkek"
    )
    if form.validate_on_submit():
        service.set_preferences(current_user, locale=form.locale.data, timezone=form.timezone.data)
        db.session.commit()
        flash(_("Preferences saved."), "success")
        return redirect(url_for("users.account"))
    return render_template("users/account.html", form=form, password_form=PasswordForm())


@bp.post("/account/password")
@writes
@login_required
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        if not current_user.check_password(form.current_password.data):
            form.current_password.errors.append(_("The current password is wrong."))
        else:
            try:
                service.set_password(current_user, form.new_password.data)
            except ValidationFailed as error:
                db.session.rollback()
                show_errors(form, error)
            else:
                db.session.commit()
                # The password change ends other sessions; this one continues under the new key.
                login_user(current_user._get_current_object())
                flash(_("Password changed."), "success")
                return redirect(url_for("users.account"))
    prefs = PreferencesForm(locale=current_user.locale or "ru")
    return render_template("users/account.html", form=prefs, password_form=form), 400
