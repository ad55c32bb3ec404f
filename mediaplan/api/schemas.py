"""Schema helpers the API's resources share: vocabulary choices and texts in three
languages."""

from marshmallow import Schema, fields, validate

from mediaplan.api.fields import Text
from mediaplan.db import LANGUAGES


def choice(vocabulary: dict, **kwargs) -> fields.String:
    return fields.String(validate=validate.OneOf(list(vocabulary)), **kwargs)


def choices(vocabulary: dict, **kwargs) -> fields.List:
    return fields.List(choice(vocabulary), **kwargs)


def localized_input(name: str, max_length: int) -> type[Schema]:
    texts = {lang: Text(validate=validate.Length(max=max_length)) for lang in LANGUAGES}
    return Schema.from_dict(texts, name=name)


class LocalizedTextSchema(Schema):
    ky = fields.String()
    ru = fields.String()
    en = fields.String()
