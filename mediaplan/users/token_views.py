"""The account page's token section: create a token (shown once) and revoke tokens."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from mediaplan.db import writes
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.forms import Form
from mediaplan.users.models import ApiToken
from mediaplan.users.tokens import create_token, revoke_token, tokens_of
from mediaplan.web import get_or_404, show_errors

bp = Blueprint("tokens", __name__, url_prefix="/account/tokens")


class TokenForm(Form):
    name = StringField(_l("Token name"), validators=[DataRequired(), Length(max=100)])


@bp.route("/", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def index():
    form = TokenForm()
    secret = None
    if form.validate_on_submit():
        try:
            _token, secret = create_token(current_user, form.name.data)
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            flash(_("Copy the token now: it will not be shown again."), "warning")
            form = TokenForm(formdata=None)
    return render_template(
        "users/tokens.html",
        form=form,
        secret=secret,
        tokens=tokens_of(current_user),
        revoke_form=Form(),
    )


@bp.post("/<int:token_id>/revoke")
@writes
@login_required
def revoke(token_id: int):
    token = get_or_404(ApiToken, token_id)
    if token.user_id != current_user.id:
        abort(403)
    form = Form()
    if not form.validate_on_submit():
        abort(400)
    revoke_token(token)
    db.session.commit()
    flash(_("Token revoked."), "success")
    return redirect(url_for("tokens.index"))
