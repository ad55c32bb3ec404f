"""marshmallow fields the API's schemas share."""

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from mediaplan.db import LANGUAGES, MAX_ID

UNSTORABLE = _l("The text contains characters that cannot be stored.")


class Text(fields.String):
    """A string both databases can store: PostgreSQL refuses NUL, and JSON escapes can carry
    lone surrogates that no UTF-8 encoder accepts."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text or not _encodable(text):
            raise ValidationError(str(UNSTORABLE))
        return text


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Id(fields.Integer):
    """A positive id that fits the database; JSON numbers only, never "5" or 5.0."""

    def __init__(self, **kwargs) -> None:
        super().__init__(strict=True, validate=validate.Range(min=1, max=MAX_ID), **kwargs)


class DecimalString(fields.Decimal):
    """Money as a decimal string ("1500.50"), so no client loses cents to floating point; a
    JSON number is accepted too. init_app documents it as a string."""


class Localized(fields.Nested):
    """Dumps {ky, ru, en} from the object's ``<name>_<lang>`` columns; the nested schema only
    documents the shape."""

    # The object's own ``title`` is the text in the reader's language; read the columns instead.
    _CHECK_ATTRIBUTE = False

    def _serialize(self, value, attr, obj, **kwargs) -> dict[str, str]:
        return {lang: getattr(obj, f"{attr}_{lang}") for lang in LANGUAGES}
