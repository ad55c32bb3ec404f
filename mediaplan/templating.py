"""Jinja filters and globals, registered in one place."""

from flask import Flask, request, url_for
from flask_babel import format_date, format_datetime, format_decimal
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.choices import AGENCY_KINDS
from mediaplan.db import current_language
from mediaplan.plan import choices
from mediaplan.users.choices import ROLE_LABELS

VOCABULARIES = {
    "direction": choices.DIRECTIONS,
    "format": choices.FORMATS,
    "status": choices.STATUSES,
    "region": choices.REGIONS,
    "target_group": choices.TARGET_GROUPS,
    "language": choices.DELIVERY_LANGUAGES,
    "funding_source": choices.FUNDING_SOURCES,
    "agency_kind": AGENCY_KINDS,
    "role": ROLE_LABELS,
}

INTERFACE_LANGUAGES = (("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English"))


def label(vocabulary: str, code: str | None) -> str:
    if not code:
        return ""
    return str(VOCABULARIES[vocabulary].get(code, code))


def url_with(**changes) -> str:
    """The current URL with some query parameters replaced (None removes one)."""
    args = request.args.to_dict()
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def item_dates(item) -> str:
    if item.starts_on is None:
        return str(_l("by %(date)s", date=format_date(item.ends_on)))
    if item.starts_on == item.ends_on:
        return format_date(item.ends_on)
    return f"{format_date(item.starts_on)} – {format_date(item.ends_on)}"


def register_template_globals(app: Flask) -> None:
    app.jinja_env.filters.update(
        date=format_date,
        datetime=lambda value: format_datetime(value, "short") if value else "",
        number=format_decimal,
        money=lambda value: format_decimal(value, format="#,##0.00") if value is not None else "",
    )
    app.jinja_env.globals.update(
        label=label,
        url_with=url_with,
        item_dates=item_dates,
        vocabularies=VOCABULARIES,
        interface_languages=INTERFACE_LANGUAGES,
        current_language=current_language,
    )
