"""The account page's token section: create a token (its secret shown once) and revoke tokens
after a confirmation."""

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
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

# Where a new token's secret waits, between the POST that made it and the page that shows it
# once: never in a URL, which browsers and servers keep.
NEW_SECRET_KEY = "new_api_token"  # noqa: S105 (a session key, not a secret)

bp = Blueprint("tokens", __name__, url_prefix="/account/tokens")


class TokenForm(Form):
    name = StringField(_l("Token name"), validators=[DataRequired(), Length(max=100)])


@bp.route("/", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def index():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            _token, secret = create_token(current_user, form.name.data)
        except ValidationFailed as error:
            db.session.rollback()
            show_errors(form, error)
        else:
            db.session.commit()
            # Redirected, so that reloading the page cannot make a second token.
            session[NEW_SECRET_KEY] = secret
            flash(_("Copy the token now: it will not be shown again."), "warning")
            return redirect(url_for("tokens.index"))
    return render_template(
        "users/tokens.html",
        form=form,
        secret=session.pop(NEW_SECRET_KEY, None),
        tokens=tokens_of(current_user),
    )


@bp.route("/<int:token_id>/revoke", methods=["GET", "POST"])
@writes(methods=["POST"])
@login_required
def revoke(token_id: int):
    token = get_or_404(ApiToken, token_id)
    if token.user_id != current_user.id:
        abort(403)
    if not token.is_active:
        return redirect(url_for("tokens.index"))
    form = Form()
    if request.method == "GET":
        # The question first, in a page of its own: it needs no script.
        return render_template("users/token_revoke.html", token=token, form=form)
    if not form.validate_on_submit():
        abort(400)
    revoke_token(token)
    db.session.commit()
    flash(_("Token revoked."), "success")
    return redirect(url_for("tokens.index"))
