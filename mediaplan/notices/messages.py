"""The text of notices, in the recipient's language: a title, one sentence saying who did what
to which item (the card on the notifications page), and the e-mail's body."""

import re
from dataclasses import dataclass

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from mediaplan.db import localized
from mediaplan.templating import label

# The part of a comment or a reason the one-sentence summary quotes.
EXCERPT_MAX = 200


@dataclass(frozen=True)
class Change:
    """What happened to an item, as plain values: its ``kind`` ("comment", "edit" or
    "status"), who did it, the new status, and ``text``: the comment, or the status's reason."""

    kind: str
    item: object
    actor_name: str
    status: str = ""
    text: str = ""


@dataclass(frozen=True)
class NoticeText:
    subject: str
    summary: str
    body: str


def notice_text(change: Change, language: str, *, item_link: str, settings_link: str):
    """The notice of ``change`` in ``language``; the links are absolute, for the e-mail."""
    with force_locale(language):
        values = {
            "actor": change.actor_name,
            "number": change.item.number,
            "title": localized(change.item, "title", language),
        }
        excerpt = _excerpt(change.text)
        subject, summary = _subject_and_summary(change, values, excerpt)
        body = render_template(
            "emails/notice.txt",
            summary=summary,
            # The whole text only when the summary could not quote all of it.
            text_label=_("Comment") if change.kind == "comment" else _("Reason"),
            text=change.text if excerpt != change.text else "",
            item_link=item_link,
            settings_link=settings_link,
        )
    return NoticeText(subject, summary, body)


def _subject_and_summary(change: Change, values: dict, excerpt: str) -> tuple[str, str]:
    if change.kind == "comment":
        return (
            _("New comment on item %(number)s", **values),
            _(
                "%(actor)s commented on item %(number)s “%(title)s”: %(excerpt)s",
                excerpt=excerpt,
                **values,
            ),
        )
    if change.kind == "status":
        status = label("status", change.status)
        summary = _(
            "%(actor)s changed the status of item %(number)s “%(title)s” to “%(status)s”.",
            status=status,
            **values,
        )
        if excerpt:
            summary += " " + _("Reason: %(reason)s", reason=excerpt)
        return _("Item %(number)s: status “%(status)s”", status=status, **values), summary
    return (
        _("Item %(number)s was changed", **values),
        _("%(actor)s changed item %(number)s “%(title)s”.", **values),
    )


def _excerpt(text: str) -> str:
    """``text`` on one line, cut at a word near EXCERPT_MAX characters."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= EXCERPT_MAX:
        return flat
    return flat[:EXCERPT_MAX].rsplit(" ", 1)[0] + "…"
