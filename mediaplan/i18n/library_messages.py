"""Messages that WTForms and marshmallow show to users, marked here so that they are
extracted into our catalogs; the forms then translate them through mediaplan.forms, and the
API through mediaplan.api.messages."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

WTFORMS_MESSAGES = (
    _l("This field is required."),
    _l("Not a valid date value."),
    _l("Not a valid decimal value."),
    _l("Not a valid integer value."),
    _l("Not a valid choice."),
    _l("Invalid Choice: could not coerce."),
    _l("Invalid choice(s): one or more data inputs could not be coerced."),
    # Looked up as a plural by WTForms, with the values joined by "', '".
    lazy_ngettext(
        "'%(value)s' is not a valid choice for this field.",
        "'%(value)s' are not valid choices for this field.",
        1,
        value="",
    ),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Invalid email address."),
    _l("Field must be equal to %(other_name)s."),
    lazy_ngettext(
        "Field cannot be longer than %(max)d character.",
        "Field cannot be longer than %(max)d characters.",
        1,
        max=1,
    ),
)

# The field messages the API's schemas can produce, and webargs' one for an unreadable body.
# Those with {placeholders} are templates: mediaplan.api.messages.TEMPLATES lists them too.
MARSHMALLOW_MESSAGES = (
    _l("Missing data for required field."),
    _l("Field may not be null."),
    _l("Unknown field."),
    _l("Invalid input type."),
    _l("Not a valid string."),
    _l("Not a valid integer."),
    _l("Not a valid number."),
    _l("Special numeric values (nan or infinity) are not permitted."),
    _l("Not a valid date."),
    _l("Not a valid list."),
    _l("Invalid JSON body."),
    _l("Must be one of: {choices}."),
    _l("Longer than maximum length {max}."),
    _l("Must be greater than or equal to {min} and less than or equal to {max}."),
    _l("Must be greater than or equal to {min} and less than {max}."),
)
