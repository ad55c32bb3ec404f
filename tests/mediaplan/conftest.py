"""Helpers for the web tests: database snapshots, messages as pages show them, page content."""

import pytest
import sqlalchemy as sa
from flask_babel import gettext
from markupsafe import escape

from mediaplan.extensions import db as _db

# When a token or a session was last used: noted for any request it authenticates, refused
# ones included, and no data of the user's.
USE_COLUMNS = {"api_tokens": "last_used_at", "user_sessions": "last_seen_at"}


@pytest.fixture
def snapshot(app, db):
    """``snapshot()`` returns every row of every table but the last-use times, to compare
    before and after a request."""

    def take() -> dict[str, list[dict]]:
        with app.app_context():
            return {
                table.name: [
                    {k: v for k, v in row._mapping.items() if k != USE_COLUMNS.get(table.name)}
                    for row in _db.session.execute(
                        sa.select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in _db.metadata.sorted_tables
            }

    return take


@pytest.fixture
def message(app):
    """``message(msgid, lang, **params)``: the text a page in ``lang`` shows, HTML-escaped.

    ``msgid`` may be a callable (for ngettext or format_date) run in that language.
    """

    def translate(msgid, lang: str = "en", **params) -> str:
        with app.test_request_context(headers={"Accept-Language": lang}):
            params = {key: value() if callable(value) else value for key, value in params.items()}
            text = msgid() if callable(msgid) else gettext(msgid, **params)
            return str(escape(text))

    return translate


@pytest.fixture
def english(client):
    """The client's browser asks for English pages (users in tests have no language set)."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def user_form(agency, **changes) -> dict:
    """What the new-user form sends; a change given as None leaves that field out."""
    data = {
        "email": "New.Person@Example.org ",
        "name": "Nurlan Abdyldaev",
        "role": "trainer",
        "agency_id": str(agency.id),
        "password": "a long enough password",
        "is_active": "y",
    } | changes
    return {key: value for key, value in data.items() if value is not None}
