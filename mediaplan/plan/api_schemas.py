"""What the API reads and writes about plans, their items and the agencies that lead them."""

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, post_load, validate

from mediaplan.api.fields import DecimalString, Id, Localized, Text
from mediaplan.api.schemas import LocalizedTextSchema, choice, choices, localized_input
from mediaplan.plan import limits
from mediaplan.plan.choices import (
    DELIVERY_LANGUAGES,
    DIRECTIONS,
    FORMATS,
    FUNDING_SOURCES,
    REGIONS,
    STATUSES,
    TARGET_GROUPS,
)
from mediaplan.plan.schemas import PlanItemQuerySchema
from mediaplan.plan.service import IndicatorData

BUDGET_PATTERN = {"pattern": r"^\d{1,12}(\.\d{1,2})?$"}
LOCALIZED_FIELDS = ("title", "description", "keywords")

VERSION_HELP = (
    "The item's version the change is made from, as the item was read; also accepted as an "
    'If-Match header ("3"). A change made from an older version is refused with 409.'
)


def version_field(**kwargs) -> fields.Integer:
    return fields.Integer(
        strict=True,
        validate=validate.Range(min=1, max=2**31 - 1),
        metadata={"description": VERSION_HELP},
        **kwargs,
    )


# One class each: the OpenAPI document names components after their class.
TitleInputSchema = localized_input("TitleInput", limits.TITLE_MAX)
DescriptionInputSchema = localized_input("DescriptionInput", limits.DESCRIPTION_MAX)
KeywordsInputSchema = localized_input("KeywordsInput", limits.KEYWORDS_MAX)
NUMBER_FORMAT = validate.Regexp(
    limits.NUMBER_PATTERN, error=_l("Use a number like 2.3: digits separated by dots.")
)


class IndicatorSchema(Schema):
    text = Text(required=True, validate=validate.Length(max=limits.INDICATOR_TEXT_MAX))
    target = fields.Integer(
        strict=True, required=True, validate=validate.Range(min=0, max=limits.TARGET_MAX)
    )
    unit = Text(load_default="", validate=validate.Length(max=limits.INDICATOR_UNIT_MAX))

    @post_load
    def to_data(self, data: dict, **kwargs) -> IndicatorData:
        return IndicatorData(**data)


class PlanItemPatchSchema(Schema):
    """An item's content; every field is optional and replaces only itself."""

    number = Text(validate=NUMBER_FORMAT)
    direction = choice(DIRECTIONS)
    format = choice(FORMATS)
    title = fields.Nested(TitleInputSchema)
    description = fields.Nested(DescriptionInputSchema)
    keywords = fields.Nested(KeywordsInputSchema)
    lead_agency_id = Id()
    co_executor_ids = fields.List(Id(), validate=validate.Length(max=limits.CO_EXECUTORS_MAX))
    target_groups = choices(TARGET_GROUPS)
    regions = choices(REGIONS)
    languages = choices(DELIVERY_LANGUAGES)
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date()
    indicators = fields.List(
        fields.Nested(IndicatorSchema), validate=validate.Length(max=limits.INDICATORS_MAX)
    )
    budget = DecimalString(
        allow_none=True,
        validate=validate.Range(min=0, max=limits.BUDGET_MAX, max_inclusive=False),
        metadata=BUDGET_PATTERN,
    )
    funding_source = choice(FUNDING_SOURCES, allow_none=True)
    reminder_days = fields.Integer(
        allow_none=True,
        strict=True,
        validate=validate.Range(min=0, max=limits.REMINDER_DAYS_MAX),
        metadata={"description": "Days before the start or deadline to remind the lead agency."},
    )

    version = version_field()

    @post_load
    def to_item_fields(self, data: dict, **kwargs) -> dict:
        """Keyword arguments of PlanItemData: {"title": {"ru": ...}} becomes title_ru."""
        for name in LOCALIZED_FIELDS:
            for lang, text in data.pop(name, {}).items():
                data[f"{name}_{lang}"] = text
        return data


class PlanItemCreateSchema(PlanItemPatchSchema):
    """A new item: the plan it belongs to and what every item needs."""

    class Meta:
        # A new item has no version to be made from.
        exclude = ("version",)

    plan_id = Id(required=True)
    number = Text(required=True, validate=NUMBER_FORMAT)
    direction = choice(DIRECTIONS, required=True)
    format = choice(FORMATS, required=True)
    title = fields.Nested(TitleInputSchema, required=True)
    lead_agency_id = Id(required=True)
    ends_on = fields.Date(required=True)


class StatusChangeSchema(Schema):
    status = choice(STATUSES, required=True)
    reason = Text(load_default="", validate=validate.Length(max=limits.REASON_MAX))
    version = version_field()


class PlanItemQueryArgsSchema(PlanItemQuerySchema):
    """The web table's filters; ``q`` must also be text the database can compare."""

    q = Text(validate=validate.Length(max=limits.TITLE_MAX))


class AgencySchema(Schema):
    id = fields.Integer()
    code = fields.String()
    kind = fields.String()
    name = Localized(LocalizedTextSchema)
    abbreviation = Localized(LocalizedTextSchema)
    is_active = fields.Boolean()


class PlanItemSchema(Schema):
    id = fields.Integer()
    plan_id = fields.Integer()
    number = fields.String()
    direction = choice(DIRECTIONS)
    format = choice(FORMATS)
    status = choice(STATUSES)
    title = Localized(LocalizedTextSchema)
    description = Localized(LocalizedTextSchema)
    keywords = Localized(LocalizedTextSchema)
    lead_agency_id = fields.Integer()
    co_executor_ids = fields.Pluck(AgencySchema, "id", many=True, attribute="co_executors")
    target_groups = choices(TARGET_GROUPS)
    regions = choices(REGIONS)
    languages = choices(DELIVERY_LANGUAGES)
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date()
    indicators = fields.List(fields.Nested(IndicatorSchema))
    budget = DecimalString(places=2, as_string=True, allow_none=True, metadata=BUDGET_PATTERN)
    funding_source = choice(FUNDING_SOURCES, allow_none=True)
    reminder_days = fields.Integer(allow_none=True)
    version = fields.Integer(
        metadata={"description": "Raised by every change; send it back with a PATCH."}
    )
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    created_by_id = fields.Integer(allow_none=True)
    updated_by_id = fields.Integer(allow_none=True)


class PlanItemPageSchema(Schema):
    items = fields.List(fields.Nested(PlanItemSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()


class PlanSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    title = Localized(LocalizedTextSchema)
    starts_on = fields.Date()
    ends_on = fields.Date()
