"""An item led by an agency of its own, the people of that agency in three languages, and the
outbox as notices leave it."""

import pytest
import sqlalchemy as sa
from flask_babel import force_locale, gettext

from mediaplan.notifications.models import OutboxMessage


@pytest.fixture
def lead(make_agency):
    """The item's lead agency: make_item's own coordinator belongs to another one."""
    return make_agency(code="lead")


@pytest.fixture
def item(make_item, lead):
    return make_item(
        lead=lead,
        title_ru="Брифинг для редакций",
        title_en="Briefing for editors",
        title_ky="Редакциялар үчүн брифинг",
    )


@pytest.fixture
def team(item, lead, make_user):
    """The lead agency's people (made after the item, so its creation told them nothing)."""
    return {
        "ky": make_user("trainer", agency=lead, locale="ky", name="Нургуль"),
        "ru": make_user("press_officer", agency=lead, locale="ru", name="Бакыт"),
        "en": make_user("press_officer", agency=lead, locale="en", name="Anna"),
        # No language chosen: the default (Russian).
        "default": make_user("viewer", agency=lead, name="Азамат"),
    }


@pytest.fixture
def methodologist(make_user, other_agency):
    return make_user("methodologist", agency=other_agency, name="Эркин Жумабеков")


def notices(db, **where) -> list[OutboxMessage]:
    """The outbox's messages in the order they were queued, filtered by column values."""
    query = sa.select(OutboxMessage).filter_by(**where).order_by(OutboxMessage.id)
    return list(db.session.scalars(query))


def by_recipient(db, **where) -> dict[int, OutboxMessage]:
    return {message.recipient_id: message for message in notices(db, **where)}


def translated(language: str, msgid: str, **values) -> str:
    """``msgid`` as a reader of ``language`` sees it, whether or not the catalog has it yet."""
    with force_locale(language):
        return gettext(msgid, **values)
