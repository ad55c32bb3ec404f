"""The rules a plan item's content must follow, as field messages in the user's language."""

import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from mediaplan.agencies.models import Agency
from mediaplan.db import LANGUAGES, is_valid_id
from mediaplan.extensions import db
from mediaplan.plan import limits, rights
from mediaplan.plan.choices import DIRECTIONS, FORMATS, FUNDING_SOURCES, TAG_VOCABULARIES
from mediaplan.plan.models import Plan, PlanItem

Errors = dict[str, list[str]]


def validate_item(
    plan: Plan, data, *, actor, item: PlanItem | None = None, language: str = "ru"
) -> Errors:
    """Check ``data`` (a PlanItemData) for ``plan``; returns {} when everything is right. A
    message about the titles as a whole goes to the title in ``language``, the reader's."""
    errors: Errors = {}

    def add(field: str, message) -> None:
        errors.setdefault(field, []).append(str(message))

    _check_number(plan, data, item, add)
    _check_choices(data, add)
    _check_texts(data, add, language if language in LANGUAGES else "ru")
    _check_agencies(data, actor, item, add)
    _check_dates(plan, data, add)
    _check_indicators(data, add)
    _check_budget(data, add)
    _check_reminder(data, add)
    return errors


def _check_number(plan, data, item, add) -> None:
    number = (data.number or "").strip()
    if not limits.NUMBER_PATTERN.match(number):
        add("number", _l("Use a number like 2.3: digits separated by dots."))
        return
    query = sa.select(PlanItem.id).where(PlanItem.plan_id == plan.id, PlanItem.number == number)
    taken = db.session.scalar(query)
    if taken and (item is None or taken != item.id):
        add("number", _l("Another item of this plan already has number %(n)s.", n=number))


def _check_choices(data, add) -> None:
    if data.direction not in DIRECTIONS:
        add("direction", _l("Choose a direction from the list."))
    if data.format not in FORMATS:
        add("format", _l("Choose a format from the list."))
    for field, kind in (
        ("regions", "region"),
        ("target_groups", "target_group"),
        ("languages", "language"),
    ):
        values = getattr(data, field) or []
        if any(value not in TAG_VOCABULARIES[kind] for value in values):
            add(field, _l("Choose only values from the list."))
        elif len(set(values)) != len(values):
            add(field, _l("Each value may be chosen once."))


def _check_texts(data, add, language: str) -> None:
    titles = [(getattr(data, f"title_{lang}") or "").strip() for lang in LANGUAGES]
    if not any(titles):
        add(f"title_{language}", _l("Give the title in at least one language."))
    for lang in LANGUAGES:
        for name, maximum in (
            ("title", limits.TITLE_MAX),
            ("description", limits.DESCRIPTION_MAX),
            ("keywords", limits.KEYWORDS_MAX),
        ):
            if len(getattr(data, f"{name}_{lang}") or "") > maximum:
                add(f"{name}_{lang}", _l("At most %(n)d characters.", n=maximum))


def _check_agencies(data, actor, item: PlanItem | None, add) -> None:
    lead = db.session.get(Agency, data.lead_agency_id) if is_valid_id(data.lead_agency_id) else None
    if lead is None or not lead.is_active:
        add("lead_agency_id", _l("Choose the lead agency from the list."))
    elif not rights.can_lead(actor, lead.id):
        add("lead_agency_id", _l("You can only plan items led by your own agency."))
    ids = data.co_executor_ids or []
    if len(ids) > limits.CO_EXECUTORS_MAX:
        add("co_executor_ids", _l("At most %(n)d co-executors.", n=limits.CO_EXECUTORS_MAX))
        return
    if data.lead_agency_id in ids:
        add("co_executor_ids", _l("The lead agency cannot also be a co-executor."))
    known = {agency_id for agency_id in ids if is_valid_id(agency_id)}
    # A deactivated agency stays a co-executor of the items it already had, and joins no other.
    current = {agency.id for agency in item.co_executors} if item is not None else set()
    found = (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Agency)
            .where(Agency.id.in_(known), Agency.is_active | Agency.id.in_(current))
        )
        if known
        else 0
    )
    if found != len(set(ids)) or len(set(ids)) != len(ids):
        add("co_executor_ids", _l("Choose co-executors from the list, each once."))


def _check_dates(plan, data, add) -> None:
    starts_on, ends_on = data.starts_on, data.ends_on
    if ends_on is None:
        add("ends_on", _l("Give the end date or the deadline."))
        return
    if starts_on and starts_on > ends_on:
        add("starts_on", _l("The start date must not be after the end date."))
    period = {"start": format_date(plan.starts_on), "end": format_date(plan.ends_on)}
    for field, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        if day and not plan.covers(day):
            add(field, _l("The plan runs from %(start)s to %(end)s.", **period))


def _check_indicators(data, add) -> None:
    indicators = data.indicators or []
    if len(indicators) > limits.INDICATORS_MAX:
        add("indicators", _l("At most %(n)d indicators.", n=limits.INDICATORS_MAX))
        return
    for indicator in indicators:
        if not (indicator.text or "").strip():
            add("indicators", _l("Every indicator needs a text."))
        elif len(indicator.text) > limits.INDICATOR_TEXT_MAX:
            add("indicators", _l("At most %(n)d characters.", n=limits.INDICATOR_TEXT_MAX))
        if indicator.target is None or not 0 <= indicator.target <= limits.TARGET_MAX:
            add("indicators", _l("A target is a whole number, zero or more."))
        if len(indicator.unit or "") > limits.INDICATOR_UNIT_MAX:
            add("indicators", _l("At most %(n)d characters.", n=limits.INDICATOR_UNIT_MAX))


def _check_budget(data, add) -> None:
    if data.budget is not None:
        # NaN compares with nothing, so it is caught before the comparisons below.
        if data.budget.is_nan() or data.budget < 0:
            add("budget", _l("The budget must be zero or more."))
        elif data.budget >= limits.BUDGET_MAX:
            add("budget", _l("The budget is too large."))
        elif data.budget.as_tuple().exponent < -2:
            add("budget", _l("Use at most two decimal places."))
    if data.funding_source and data.funding_source not in FUNDING_SOURCES:
        add("funding_source", _l("Choose a funding source from the list."))
    elif data.budget and not data.funding_source:
        add("funding_source", _l("Say where the money comes from."))


def _check_reminder(data, add) -> None:
    days = data.reminder_days
    if days is not None and not 0 <= days <= limits.REMINDER_DAYS_MAX:
        add("reminder_days", _l("Between 0 and %(n)d days.", n=limits.REMINDER_DAYS_MAX))
