"""Helpers for the audit tests: reading the whole log as stored."""

import pytest
import sqlalchemy as sa

from mediaplan.extensions import db as _db


@pytest.fixture
def log_rows(app, db):
    """``log_rows()``: every row of the audit log as stored, oldest first, as dicts; the
    changes also as the database's own text of them."""

    def read() -> list[dict]:
        from mediaplan.audit.models import AuditEntry

        table = AuditEntry.__table__
        text = sa.cast(table.c.changes, sa.Text).label("changes_text")
        with _db.session.no_autoflush:
            rows = _db.session.execute(sa.select(table, text).order_by(table.c.id))
            return [dict(row._mapping) for row in rows]

    def in_app_context() -> list[dict]:
        with app.app_context():
            return read()

    return in_app_context


@pytest.fixture
def entries_of(app, db):
    """``entries_of(kind, id)``: a record's history as the service reads it, newest first,
    as (action, actor id, changes) tuples."""

    def read(kind: str, record_id: int) -> list[tuple]:
        from mediaplan.audit.service import history

        with app.app_context():
            return [(e.action, e.actor_id, e.changes) for e in history(kind, record_id)]

    return read
