"""Forms for user administration and the account page."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length

from mediaplan.forms import Form
from mediaplan.users.choices import ROLE_LABELS
from mediaplan.web import select_choices

LANGUAGE_CHOICES = [("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English")]
TIMEZONE_CHOICES = [
    ("Asia/Bishkek", "Asia/Bishkek (UTC+6)"),
    ("Asia/Almaty", "Asia/Almaty"),
    ("Asia/Tashkent", "Asia/Tashkent (UTC+5)"),
    ("Europe/Moscow", "Europe/Moscow (UTC+3)"),
    ("UTC", "UTC"),
]


def role_choices():
    return select_choices(ROLE_LABELS.items())


class UserEditForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=role_choices)
    agency_id = SelectField(_l("Agency"), coerce=int, validate_choice=False)
    is_active = BooleanField(_l("Active"), default=True)


def optional_id(value) -> int | None:
    """An id chosen in a form, None for the empty choice."""
    return None if value in ("", None) else int(value)


def new_user_agency_choices(pairs) -> list[SelectChoice]:
    """The agencies from (id, name) pairs, after an empty choice that stays selected until one
    is picked."""
    return [SelectChoice("", _l("— choose an agency —")), *select_choices(pairs)]


class UserCreateForm(UserEditForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1024)])
    # Picked by the admin, never the first of the list by default: a user put in the wrong
    # agency would edit that agency's items.
    agency_id = SelectField(
        _l("Agency"),
        coerce=optional_id,
        validate_choice=False,
        validators=[InputRequired(message=_l("Choose an agency."))],
    )


class PreferencesForm(Form):
    locale = SelectField(_l("Interface language"), choices=lambda: select_choices(LANGUAGE_CHOICES))
    timezone = SelectField(_l("Time zone"), choices=lambda: select_choices(TIMEZONE_CHOICES))


class PasswordForm(Form):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=1024)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("The passwords differ."))],
    )
    revoke_tokens = BooleanField(_l("Also revoke my API tokens"))


class EndSessionsForm(Form):
    """A button with its CSRF token: the admin's "end sessions"."""
