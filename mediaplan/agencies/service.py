"""Reading and changing agencies."""

import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.choices import AGENCY_KINDS
from mediaplan.agencies.models import Agency
from mediaplan.errors import ValidationFailed
from mediaplan.extensions import db

CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{1,39}$")
NAME_FIELDS = ("name_ky", "name_ru", "name_en")
ABBREVIATION_FIELDS = ("abbreviation_ky", "abbreviation_ru", "abbreviation_en")


def active_agencies() -> list[Agency]:
    return list(db.session.scalars(sa.select(Agency).where(Agency.is_active).order_by(Agency.code)))


def agency_choices() -> list[tuple[int, str]]:
    return sorted(((a.id, a.name) for a in active_agencies()), key=lambda pair: pair[1])


def save_agency(agency: Agency | None, data: dict) -> Agency:
    """Create (``agency`` None) or update an agency from ``data``; the caller commits.

    :raises ValidationFailed: on a bad or taken code, an unknown kind or no name at all.
    """
    errors = _validate(agency, data)
    if errors:
        raise ValidationFailed(errors)
    if agency is None:
        agency = Agency()
        db.session.add(agency)
    for field in ("code", "kind", "is_active", *NAME_FIELDS, *ABBREVIATION_FIELDS):
        value = data.get(field)
        setattr(agency, field, value.strip() if isinstance(value, str) else value)
    db.session.flush()
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
