"""What a job run achieved, kept in no language.

A job returns phrases, message ids with their numbers (``Phrase.ngettext("%(num)d digest
queued", "%(num)d digests queued", 3)``); its run stores them as JSON in ``JobRun.result``, and
the scheduler's page and `mediaplan jobs` translate them when they show them, into their
reader's language. Results stored as plain text (by runs from before, or by jobs that return a
string) are shown as they are.
"""

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flask_babel import gettext, ngettext

logger = logging.getLogger(__name__)

# The key of the stored JSON, which tells a result of phrases from one stored as text.
PHRASES = "phrases"


@dataclass(frozen=True)
class Phrase:
    """A message id, with its plural when it counts something, and its parameters.

    Made with ``Phrase.gettext`` or ``Phrase.ngettext``, named so that `make extract-messages`
    finds the message ids; they translate nothing until ``translate``.
    """

    msgid: str
    plural: str | None = None
    params: Mapping[str, int | str] = field(default_factory=dict)

    @classmethod
    def gettext(cls, msgid: str, **params: int | str) -> "Phrase":
        return cls(msgid, None, params)

    @classmethod
    def ngettext(cls, singular: str, plural: str, num: int, **params: int | str) -> "Phrase":
        return cls(singular, plural, {"num": num, **params})

    def translate(self) -> str:
        """The phrase in the current language."""
        if self.plural is None:
            return gettext(self.msgid, **self.params)
        others = {key: value for key, value in self.params.items() if key != "num"}
        return ngettext(self.msgid, self.plural, self.params["num"], **others)


#: What a job function returns: phrases, or text shown as it is; empty when it did nothing.
JobResult = Sequence[Phrase] | str


def dump(result: JobResult | None) -> str:
    """The text a run stores for ``result``."""
    if not result:
        return ""
    if isinstance(result, str):
        return result
    phrases = [{"msgid": p.msgid, "plural": p.plural, "params": dict(p.params)} for p in result]
    return json.dumps({PHRASES: phrases}, ensure_ascii=False)


def describe(stored: str) -> str:
    """A stored result in the current language: its phrases translated and joined, or the text
    as it was stored."""
    phrases = _load(stored)
    if phrases is None:
        return stored
    try:
        return ", ".join(phrase.translate() for phrase in phrases)
    except (KeyError, TypeError, ValueError):
        # A translation asking for a parameter the run did not store: show what is known.
        logger.warning("Job result %r does not match its messages", stored)
        return stored


def _load(stored: str) -> list[Phrase] | None:
    if not stored.startswith("{"):
        return None
    try:
        data = json.loads(stored)
        return [
            Phrase(item["msgid"], item.get("plural"), item.get("params") or {})
            for item in data[PHRASES]
        ]
    except (ValueError, KeyError, TypeError):
        return None
