"""Database foundations: naming conventions, the UTC datetime type, multilingual text and
how a transaction begins."""

from collections.abc import Callable, Iterable
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


class day_number(sa.sql.functions.FunctionElement):
    """A date as ``date.toordinal()`` numbers it: days that compare and travel as integers,
    without a date object made for every row read."""

    type = sa.Integer()
    inherit_cache = True


# julianday() counts from noon, 4714 BC: the integer part is the ordinal plus 1,721,424.
@compiles(day_number)
def _julian_day(element, compiler, **kw) -> str:
    return f"(CAST(julianday({compiler.process(element.clauses, **kw)}) AS INTEGER) - 1721424)"


@compiles(day_number, "postgresql")
def _days_since_year_one(element, compiler, **kw) -> str:
    return f"(({compiler.process(element.clauses, **kw)}) - DATE '0001-01-01' + 1)"


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
        # scheduler does every second. Transactions that may write therefore take the write
        # lock up front and wait their turn; views that only read stay deferred so they run
        # side by side.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _may_write() else "BEGIN")


# Set on a view function by @writes: the request methods in which it writes, or ALL_METHODS.
WRITES_ATTRIBUTE = "writes_to_database"
ALL_METHODS = frozenset({"*"})


def writes(view: Callable | None = None, *, methods: Iterable[str] | None = None):
    """Declare that a view writes to the database, in every method or only in ``methods``.

    On SQLite its transaction then takes the write lock before the view reads anything, so a
    write by the scheduler in between cannot make it fail; views without it read only. Works
    in any place of a decorator stack whose decorators use functools.wraps.
    """

    def mark(function: Callable) -> Callable:
        declared = frozenset(m.upper() for m in methods) if methods else ALL_METHODS
        setattr(function, WRITES_ATTRIBUTE, declared)
        return function

    return mark(view) if view is not None else mark


def view_writes(view: Callable | None, method: str) -> bool:
    declared = getattr(view, WRITES_ATTRIBUTE, frozenset())
    return declared is ALL_METHODS or "*" in declared or method in declared


def _may_write() -> bool:
    """Outside a request (the scheduler, jobs, the CLI) a transaction may always write; in a
    request, when its view says it writes."""
    from flask import current_app, has_request_context, request

    if not has_request_context():
        return True
    view = current_app.view_functions.get(request.endpoint) if request.endpoint else None
    return view_writes(view, request.method)
