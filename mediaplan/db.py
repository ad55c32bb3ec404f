"""Database foundations: naming conventions, the UTC datetime type, multilingual text and
how a transaction begins."""

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

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

logger = logging.getLogger(__name__)

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


def configure_engine_events(engine: sa.Engine, *, busy_timeout_ms: int) -> None:
    """Give SQLite foreign keys, WAL, real transactions and a wait of ``busy_timeout_ms`` for
    another connection's write lock on every connection."""
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
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _sqlite_begin(connection) -> None:
        # A deferred transaction that reads and then writes fails at once ("database is
        # locked", whatever the busy timeout) if another connection wrote in between, as the
        # scheduler does every second. Transactions that may write therefore take the write
        # lock up front and wait their turn; views that only read stay deferred so they run
        # side by side.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _may_write() else "BEGIN")


# Methods that never change data; a view taking any other must say whether it writes.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
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


def end_reading() -> None:
    """End the request's transaction, in which nothing was written yet, before slow work such
    as hashing a password: a writing view's transaction holds SQLite's write lock from its
    first statement, and must not hold it meanwhile. The next statement begins a new one, and
    objects read so far are read again when used."""
    from mediaplan.extensions import db

    if db.session.new or db.session.dirty or db.session.deleted:
        raise RuntimeError("end_reading() after a change: commit or roll it back instead")
    db.session.commit()


def view_writes(view: Callable | None, method: str) -> bool:
    declared = getattr(view, WRITES_ATTRIBUTE, frozenset())
    return declared is ALL_METHODS or "*" in declared or method in declared


def _may_write() -> bool:
    """Outside a request (the scheduler, jobs, the CLI) a transaction may always write; in a
    request, when its view says it writes."""
    from flask import current_app, g, has_request_context, request

    if not has_request_context():
        return True
    if g.get("_mediaplan_deferred"):
        return False
    view = current_app.view_functions.get(request.endpoint) if request.endpoint else None
    return view_writes(view, request.method)


# How long a write noting a last use waits for SQLite's write lock before leaving it for the
# next use: a page must not wait for it.
NOTE_USE_BUSY_MS = 50
_PENDING_USES = "_mediaplan_pending_uses"


def note_use_later(
    column: sa.Column, row_id: int, last_noted: datetime | None, *, every: timedelta
) -> None:
    """Have ``column`` (a last-use time, such as a token's) of row ``row_id`` set to now after
    this request, when what was noted is older than ``every``.

    The write comes after the request's own transaction has ended, in a short transaction of
    its own, so that reading a page neither takes nor waits for the write lock; it is a
    conditional UPDATE, so many requests at once write it once.
    """
    from flask import g

    now = utcnow()
    if last_noted is not None and now - last_noted < every:
        return
    g.setdefault(_PENDING_USES, []).append((column, row_id, now, every))


def note_pending_uses(_error: BaseException | None = None) -> None:
    """Write the uses noted by ``note_use_later``; run when a request ends."""
    from flask import g

    from mediaplan.extensions import db

    pending = g.pop(_PENDING_USES, None)
    if not pending:
        return
    db.session.close()
    for column, row_id, now, every in pending:
        table = column.table
        statement = (
            sa.update(table)
            .where(table.c.id == row_id, sa.or_(column.is_(None), column < now - every))
            .values({column.name: now})
        )
        try:
            _write_briefly(db.session, statement)
        except sa.exc.OperationalError as error:
            db.session.rollback()
            if not is_database_locked(error):
                raise
            logger.debug("Left %s of %s for later: the database is busy", column, row_id)


def _write_briefly(session, statement) -> None:
    """Run ``statement`` in a transaction of its own that waits for SQLite's write lock only
    briefly: it begins deferred whatever the view, and takes the lock at its one write."""
    from flask import current_app, g

    g._mediaplan_deferred = True
    try:
        raw = session.connection().connection.dbapi_connection
        sqlite = session.get_bind().dialect.name == "sqlite"
        if sqlite:
            raw.execute(f"PRAGMA busy_timeout={NOTE_USE_BUSY_MS}")
        try:
            session.execute(statement)
            session.commit()
        finally:
            if sqlite:
                raw.execute(f"PRAGMA busy_timeout={current_app.config['SQLITE_BUSY_TIMEOUT_MS']}")
    finally:
        g._mediaplan_deferred = False


def is_database_locked(error: BaseException) -> bool:
    """SQLite's answer when another connection held the write lock longer than we waited."""
    return isinstance(error, sa.exc.OperationalError) and "database is locked" in str(error)


# PostgreSQL's deadlock_detected and serialization_failure: the transaction was chosen to give
# way to another; run again, it finds the other's work done.
GIVE_WAY_SQLSTATES = ("40P01", "40001")


def must_give_way(error: BaseException) -> bool:
    """A write that failed only because of another at the same moment, and may be run again:
    SQLite's lock waited for in vain, or a PostgreSQL deadlock or serialization failure."""
    if is_database_locked(error):
        return True
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
    return isinstance(error, sa.exc.DBAPIError) and sqlstate in GIVE_WAY_SQLSTATES
