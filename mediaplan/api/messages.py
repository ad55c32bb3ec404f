"""marshmallow's and webargs' English field messages, put into the reader's language."""

import re
from functools import cache

from flask_babel import gettext

# marshmallow fills these in before we see them ("Must be one of: a, b."); a message is
# translated by recognising its template. mediaplan/i18n/library_messages.py marks each one.
TEMPLATES = (
    "Must be one of: {choices}.",
    "Longer than maximum length {max}.",
    "Must be greater than or equal to {min} and less than or equal to {max}.",
    "Must be greater than or equal to {min} and less than {max}.",
)


def translate_messages(messages):
    """Translate every message in marshmallow's nested {field: [message]} structure."""
    if isinstance(messages, dict):
        return {key: translate_messages(value) for key, value in messages.items()}
    if isinstance(messages, list | tuple):
        return [translate_messages(message) for message in messages]
    return translate(str(messages))


def translate(message: str) -> str:
    for template, pattern in _patterns():
        match = pattern.fullmatch(message)
        if match:
            try:
                return gettext(template).format(**match.groupdict())
            except (KeyError, IndexError, ValueError):
                # A translation that lost a placeholder must not turn a 422 into a 500.
                return message
    # Messages that are not in the catalog, ours included, come back unchanged.
    return gettext(message)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((template, _pattern(template)) for template in TEMPLATES)


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    # Even parts are literal text, odd parts the names of the placeholders between them.
    regex = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts)
    )
    return re.compile(regex, re.DOTALL)
