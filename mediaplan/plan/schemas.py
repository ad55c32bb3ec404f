"""Marshmallow schemas for reading the plan table's query string, on the web and in the API."""

from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from mediaplan.plan import filters, limits
from mediaplan.plan.choices import DIRECTIONS, FORMATS, REGIONS, STATUSES, TARGET_GROUPS


def _one_of(vocabulary) -> fields.String:
    return fields.String(validate=validate.OneOf(list(vocabulary)))


class PlanItemQuerySchema(Schema):
    """Filters, sorting and paging of plan items; unknown parameters are ignored."""

    class Meta:
        unknown = EXCLUDE

    plan_id = fields.Integer(data_key="plan", validate=validate.Range(min=1, max=2**31 - 1))
    direction = _one_of(DIRECTIONS)
    format = _one_of(FORMATS)
    agency_id = fields.Integer(data_key="agency", validate=validate.Range(min=1, max=2**31 - 1))
    status = _one_of(STATUSES)
    quarter = fields.Integer(validate=validate.OneOf(filters.QUARTERS))
    date_from = fields.Date()
    date_to = fields.Date()
    region = _one_of(REGIONS)
    target_group = _one_of(TARGET_GROUPS)
    q = fields.String(validate=validate.Length(max=limits.TITLE_MAX))
    overdue = fields.Boolean()
    sort = fields.String(validate=validate.OneOf(filters.SORTS))
    order = fields.String(validate=validate.OneOf(("asc", "desc")))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(validate=validate.Range(min=1, max=100))

    @post_load
    def to_filters(self, data: dict, **kwargs) -> dict:
        data = dict(data)
        # Empty form fields arrive as "", which marshmallow would reject for choices.
        descending = data.pop("order", "asc") == "desc"
        page, per_page = data.pop("page", 1), data.pop("per_page", None)
        return {
            "filters": filters.PlanItemFilters(descending=descending, **data),
            "page": page,
            "per_page": per_page,
        }


# Schemas keep no state between loads, and building one costs more than loading a query string.
_QUERY_SCHEMA = PlanItemQuerySchema()


def load_query(args) -> tuple[dict, dict[str, list[str]]]:
    """Read filters from request args; bad values are dropped and reported, not fatal."""
    schema = _QUERY_SCHEMA
    data = {key: value for key, value in args.items() if value not in ("", None)}
    try:
        return schema.load(data), {}
    except ValidationError as error:
        messages = error.messages if isinstance(error.messages, dict) else {}
        kept = {key: value for key, value in data.items() if key not in messages}
        return schema.load(kept), messages
