"""Reading and changing agencies."""

import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.choices import AGENCY_KINDS
from mediaplan.agencies.models import Agency
from mediaplan.audit import service as audit
from mediaplan.audit.choices import CREATED
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db

CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{1,39}$")
NAME_FIELDS = ("name_ky", "name_ru", "name_en")
ABBREVIATION_FIELDS = ("abbreviation_ky", "abbreviation_ru", "abbreviation_en")
# What a user sets on an agency, each change of which the audit log keeps.
FIELDS = ("code", "kind", *NAME_FIELDS, *ABBREVIATION_FIELDS, "is_active")
AUDIT_KIND = "agency"


def active_agencies() -> list[Agency]:
    return list(db.session.scalars(sa.select(Agency).where(Agency.is_active).order_by(Agency.code)))


def agency_choices() -> list[tuple[int, str]]:
    return sorted(((a.id, a.name) for a in active_agencies()), key=lambda pair: pair[1])


def agency_names() -> dict[int, str]:
    """Every agency's name by id, closed ones included: for showing ids kept in a history."""
    return {agency.id: agency.name for agency in db.session.scalars(sa.select(Agency))}


def save_agency(agency: Agency | None, data: dict, *, actor_id: int | None) -> Agency:
    """Create (``agency`` None) or update an agency from ``data``, and log what changed and
    who (``actor_id``, None for the system) changed it; the caller commits.

    :raises ValidationFailed: on a bad or taken code, an unknown kind or no name at all.
    """
    errors = _validate(agency, data)
    if errors:
        raise ValidationFailed(errors)
    is_new = agency is None
    if agency is None:
        agency = Agency()
        db.session.add(agency)
    before = {} if is_new else audit.snapshot(agency, FIELDS)
    for field in FIELDS:
        value = data.get(field)
        setattr(agency, field, value.strip() if isinstance(value, str) else value)
    db.session.flush()
    if changes := audit.diff(before, audit.snapshot(agency, FIELDS)):
        action = CREATED if is_new else audit.edit_action(changes)
        audit.record(AUDIT_KIND, agency.id, actor_id=actor_id, action=action, changes=changes)
    return agency


def _validate(agency: Agency | None, data: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    code = (data.get("code") or "").strip()
    if not CODE_PATTERN.match(code):
        errors["code"] = [str(_l("Use 2-40 lowercase Latin letters, digits, - or _."))]
    else:
        taken = db.session.scalar(sa.select(Agency.id).where(Agency.code == code))
        if taken and (agency is None or taken != agency.id):
            errors["code"] = [str(_l("This code is already used."))]
    if data.get("kind") not in AGENCY_KINDS:
        errors["kind"] = [str(_l("Unknown kind of agency."))]
    if not any((data.get(f) or "").strip() for f in NAME_FIELDS):
        errors["name_ru"] = [str(_l("Give the name in at least one language."))]
    for field in NAME_FIELDS:
        if len(data.get(field) or "") > 300:
            errors[field] = [str(_l("At most %(n)d characters.", n=300))]
    for field in ABBREVIATION_FIELDS:
        if len(data.get(field) or "") > 40:
            errors[field] = [str(_l("At most %(n)d characters.", n=40))]
    return errors
