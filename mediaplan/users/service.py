"""Creating and changing users."""

from zoneinfo import available_timezones

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.models import Agency
from mediaplan.db import is_valid_id
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.users.models import ROLES, User

MIN_PASSWORD_LENGTH = 10
LOCALES = ("ky", "ru", "en")


def validate_password(password: str) -> list[str]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [str(_l("Use at least %(n)d characters.", n=MIN_PASSWORD_LENGTH))]
    if len(password) > 1024:
        return [str(_l("The password is too long."))]
    return []


def create_user(
    *, email: str, name: str, role: str, agency_id: int, password: str, locale: str | None = None
) -> User:
    """Add a user; the caller commits.

    :raises ValidationFailed: on a taken e-mail, an unknown role or agency, or a weak password.
    """
    email = email.strip().lower()
    errors = _check_user_fields(email=email, name=name, role=role, agency_id=agency_id)
    if db.session.scalar(sa.select(User.id).where(User.email == email)):
        errors.setdefault("email", []).append(str(_l("A user with this e-mail already exists.")))
    if password_errors := validate_password(password):
        errors["password"] = password_errors
    if locale is not None and locale not in LOCALES:
        errors["locale"] = [str(_l("Unknown language."))]
    if errors:
        raise ValidationFailed(errors)
    user = User(email=email, name=name.strip(), role=role, agency_id=agency_id, locale=locale)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def update_user(user: User, *, name: str, role: str, agency_id: int, is_active: bool) -> User:
    """Change a user's profile, role, agency or access; the caller commits."""
    errors = _check_user_fields(email=user.email, name=name, role=role, agency_id=agency_id)
    if errors:
        raise ValidationFailed(errors)
    if (role, agency_id, is_active) != (user.role, user.agency_id, user.is_active):
        # New rights take effect at once: sessions opened under the old ones end.
        user.session_version += 1
    user.name, user.role, user.agency_id, user.is_active = name.strip(), role, agency_id, is_active
    return user


def set_password(user: User, password: str) -> None:
    if errors := validate_password(password):
        raise ValidationFailed({"password": errors})
    user.set_password(password)


def set_preferences(user: User, *, locale: str | None, timezone: str | None) -> None:
    if locale is not None and locale not in LOCALES:
        raise ValidationFailed({"locale": [str(_l("Unknown language."))]})
    if timezone is not None and timezone not in available_timezones():
        raise ValidationFailed({"timezone": [str(_l("Unknown time zone."))]})
    user.locale, user.timezone = locale, timezone


def _check_user_fields(*, email: str, name: str, role: str, agency_id: int) -> dict:
    errors: dict[str, list[str]] = {}
    if not email or "@" not in email or len(email) > 254:
        errors["email"] = [str(_l("Enter a valid e-mail address."))]
    if not name.strip() or len(name) > 200:
        errors["name"] = [str(_l("Enter a name of up to 200 characters."))]
    if role not in ROLES:
        errors["role"] = [str(_l("Unknown role."))]
    if not is_valid_id(agency_id) or db.session.get(Agency, agency_id) is None:
        errors["agency_id"] = [str(_l("Unknown agency."))]
    return errors
