"""Database foundations: naming conventions, the UTC datetime type and multilingual text."""

from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import get_locale
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

LANGUAGES = ("ky", "ru", "en")
# When the user's language has no text, Russian is the most widely read, then Kyrgyz.
FALLBACK_ORDER = ("ru", "ky", "en")
# Primary keys are INTEGER columns: PostgreSQL refuses a larger number in a query, and SQLite
# cannot even bind one above 2**63, so such ids from URLs and forms must not reach the database.
MAX_ID = 2**31 - 1


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def is_valid_id(value: object) -> bool:
    """Could ``value`` be the primary key of a row?"""
    return isinstance(value, int) and 0 < value <= MAX_ID


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """An aware datetime stored in UTC; SQLite keeps no zone, so it is re-attached on load."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC datetime is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class joined_strings(sa.sql.functions.FunctionElement):
    """The values of a column over a group's rows, joined by commas in no given order:
    group_concat on SQLite, string_agg on PostgreSQL. Unlike SQLAlchemy's aggregate_strings,
    its separator is part of the statement, so a cached statement renders no parameter."""

    type = sa.String()
    inherit_cache = True


@compiles(joined_strings)
def _group_concat(element, compiler, **kw) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)}, ',')"


@compiles(joined_strings, "postgresql")
def _string_agg(element, compiler, **kw) -> str:
    return f"string_agg(CAST({compiler.process(element.clauses, **kw)} AS TEXT), ',')"


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale else FALLBACK_ORDER[0]


def localized(obj: object, field: str, language: str | None = None) -> str:
    """Return ``obj.<field>_<lang>`` in ``language``, else the first non-empty fallback."""
    language = language or current_language()
    for lang in (language, *FALLBACK_ORDER):
        value = getattr(obj, f"{field}_{lang}", None)
        if value:
            return value
    return ""


def configure_engine_events(engine: sa.Engine) -> None:
    """Give SQLite foreign keys, WAL and real transactions on every connection."""
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_connection, _record) -> None:
        # pysqlite opens transactions on its own schedule and breaks SAVEPOINT; take over
        # BEGIN ourselves, as SQLAlchemy's documentation recommends.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL lets readers go on while the scheduler or a request writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _sqlite_begin(connection) -> None:
        # A deferred transaction that reads and then writes fails at once ("database is
        # locked", whatever the busy timeout) if another connection wrote in between, as the
        # scheduler does every few seconds. Transactions that may write therefore take the
        # write lock up front and wait their turn; page views stay deferred so they run side
        # by side.
        connection.exec_driver_sql("BEGIN" if _is_read_only_request() else "BEGIN IMMEDIATE")


def _is_read_only_request() -> bool:
    from flask import has_request_context, request

    return (
        has_request_context()
        and request.method in ("GET", "HEAD", "OPTIONS")
        and not request.path.startswith("/api/")
    )
