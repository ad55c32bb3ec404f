"""Creating and changing users."""

from zoneinfo import available_timezones

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from werkzeug.security import generate_password_hash

from mediaplan.agencies.models import Agency
from mediaplan.audit import service as audit
from mediaplan.audit.choices import CREATED, PASSWORD_CHANGED, SESSIONS_ENDED
from mediaplan.db import is_valid_id
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db
from mediaplan.locking import lock_name
from mediaplan.users.models import ROLES, User
from mediaplan.users.sessions import ACCESS, ADMIN, PASSWORD, end_sessions_of

MIN_PASSWORD_LENGTH = 10
LOCALES = ("ky", "ru", "en")
# What the audit log keeps of a user; of the password only the fact that it changed. The
# language and time zone are the user's own display settings, switched at will (the header's
# language buttons), and stay out of it.
AUDITED_FIELDS = ("email", "name", "role", "agency_id", "is_active")
AUDIT_KIND = "user"
# The default actor of a user's own changes: the user.
THE_USER = object()


def validate_password(password: str) -> list[str]:
    if len(password) < MIN_PASSWORD_LENGTH:
        return [str(_l("Use at least %(n)d characters.", n=MIN_PASSWORD_LENGTH))]
    if len(password) > 1024:
        return [str(_l("The password is too long."))]
    return []


def create_user(
    *,
    email: str,
    name: str,
    role: str,
    agency_id: int,
    password: str,
    locale: str | None = None,
    is_active: bool = True,
    actor_id: int | None = None,
) -> User:
    """Add a user, logged as created by ``actor_id`` (None: the system); the caller commits.

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
        is_active=is_active,
        password_hash=password_hash,
    )
    db.session.add(user)
    db.session.flush()
    changes = audit.diff({}, audit.snapshot(user, AUDITED_FIELDS))
    audit.record(AUDIT_KIND, user.id, actor_id=actor_id, action=CREATED, changes=changes)
    return user


def update_user(
    user: User, *, name: str, role: str, agency_id: int, is_active: bool, actor_id: int | None
) -> User:
    """Change a user's profile, role, agency or access, and log what changed and who
    (``actor_id``) changed it; the caller commits.

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
    before = audit.snapshot(user, AUDITED_FIELDS)
    user.name, user.role, user.agency_id, user.is_active = name.strip(), role, agency_id, is_active
    if changes := audit.diff(before, audit.snapshot(user, AUDITED_FIELDS)):
        action = audit.edit_action(changes)
        audit.record(AUDIT_KIND, user.id, actor_id=actor_id, action=action, changes=changes)
    return user


def end_sessions(user: User, *, actor_id: int | None) -> int:
    """End every session of ``user``, as an administrator does from the user's page, and log
    it when there was one; the caller commits. Returns how many ended."""
    ended = end_sessions_of(user.id, reason=ADMIN)
    if ended:
        audit.record(AUDIT_KIND, user.id, actor_id=actor_id, action=SESSIONS_ENDED)
    return ended


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


def set_password(
    user: User,
    password_hash: str,
    *,
    keep_session: str | None = None,
    actor_id: int | object | None = THE_USER,
) -> int:
    """Give ``user`` the password of ``password_hash`` (from ``new_password_hash``) and end
    their other sessions, all but ``keep_session`` (the token of the one in use); the caller
    commits. Returns how many sessions ended.

    The log notes that the password changed and who changed it (``actor_id``: the user
    unless given, None for the system), never the password or its hash.
    """
    user.password_hash = password_hash
    actor_id = user.id if actor_id is THE_USER else actor_id
    audit.record(AUDIT_KIND, user.id, actor_id=actor_id, action=PASSWORD_CHANGED)
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
