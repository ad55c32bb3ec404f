"""Creating and changing users."""

from zoneinfo import available_timezones

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from werkzeug.security import generate_password_hash

from mediaplan.agencies.models import Agency
from mediaplan.db import is_valid_id
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.locking import lock_name
from mediaplan.users.models import ROLES, User
from mediaplan.users.sessions import ACCESS, PASSWORD, end_sessions_of

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
    password_errors = validate_password(password)
    # Hashed before the first query, so that no transaction is open meanwhile.
    password_hash = None if password_errors else hash_password(password)
    errors = _check_user_fields(email=email, name=name, role=role, agency_id=agency_id)
    if db.session.scalar(sa.select(User.id).where(User.email == email)):
        errors.setdefault("email", []).append(str(_l("A user with this e-mail already exists.")))
    if password_errors:
        errors["password"] = password_errors
    if locale is not None and locale not in LOCALES:
        errors["locale"] = [str(_l("Unknown language."))]
    if errors:
        raise ValidationFailed(errors)
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        agency_id=agency_id,
        locale=locale,
        password_hash=password_hash,
    )
    db.session.add(user)
    db.session.flush()
    return user


def update_user(user: User, *, name: str, role: str, agency_id: int, is_active: bool) -> User:
    """Change a user's profile, role, agency or access; the caller commits.

    :raises ValidationFailed: for bad fields, or when the change would leave no active
        administrator.
    """
    errors = _check_user_fields(email=user.email, name=name, role=role, agency_id=agency_id)
    if errors:
        raise ValidationFailed(errors)
    if user.role == "admin" and user.is_active and (role != "admin" or not is_active):
        _keep_an_administrator(user, "role" if role != "admin" else "is_active")
    if (role, agency_id, is_active) != (user.role, user.agency_id, user.is_active):
        # New rights take effect at once: sessions opened under the old ones end.
        end_sessions_of(user.id, reason=ACCESS)
    user.name, user.role, user.agency_id, user.is_active = name.strip(), role, agency_id, is_active
    return user


def _keep_an_administrator(user: User, field: str) -> None:
    """Refuse to take the rights of the last active administrator, who alone can give them."""
    # Two administrators demoting each other at once must not both succeed.
    lock_name("users", "administrators")
    others = sa.select(sa.func.count()).where(
        User.role == "admin", User.is_active, User.id != user.id
    )
    if not db.session.scalar(others):
        message = _l("Mediaplan needs an active administrator: make another user one first.")
        raise ValidationFailed({field: [str(message)]})


def hash_password(password: str) -> str:
    """The stored form of a password; slow on purpose (scrypt), so call it with no transaction
    open (mediaplan.db.end_reading)."""
    return generate_password_hash(password)


def new_password_hash(password: str) -> str:
    """The hash of an acceptable new password.

    :raises ValidationFailed: for a password too short or too long.
    """
    if errors := validate_password(password):
        raise ValidationFailed({"new_password": errors})
    return hash_password(password)


def set_password(user: User, password_hash: str, *, keep_session: str | None = None) -> int:
    """Give ``user`` the password of ``password_hash`` (from ``new_password_hash``) and end
    their other sessions, all but ``keep_session`` (the token of the one in use); the caller
    commits. Returns how many sessions ended."""
    user.password_hash = password_hash
    return end_sessions_of(user.id, reason=PASSWORD, keep_token=keep_session)


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
