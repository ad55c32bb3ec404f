"""Fencing the scheduler's leadership.

The lock of lock.py says who may schedule, but a leader that froze (a stopped process, a long
pause) may wake up after another took over, in the middle of a job. So each leader takes over
in a new *term* (``scheduler_leader.term``), and while the scheduler runs a job every
transaction the job begins first checks that the term is still its own:

- PostgreSQL: the check reads the leader row ``FOR KEY SHARE`` and keeps that lock until the
  transaction ends. A takeover reads the row ``FOR UPDATE``, which conflicts with it, so the new
  term cannot be written while a job of the old one may still commit; the heartbeat's plain
  UPDATE does not conflict. The jobs' transactions and the scheduler's own (taking over,
  heartbeats, records of runs) also set ``lock_timeout``, ``statement_timeout`` and
  ``idle_in_transaction_session_timeout``: the server ends the open transaction of a frozen
  leader, releasing its row locks, so the new leader waits for it a bounded time.
- SQLite: transactions outside requests begin ``IMMEDIATE``, so the check is made under the
  write lock that a takeover needs too; the timeouts are PostgreSQL's.

Jobs run outside the scheduler (`mediaplan jobs run`, the "run now" button) lead nothing and
are not fenced.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mediaplan.scheduler.models import LEADER, SchedulerLeader


class LeadershipLost(RuntimeError):
    """A job's transaction began after another scheduler took over from this process."""


@dataclass(frozen=True)
class Timeouts:
    """PostgreSQL's limits on each statement and transaction of the scheduler, in ms."""

    lock_ms: int
    statement_ms: int
    idle_in_transaction_ms: int

    @classmethod
    def from_config(cls, config: Mapping) -> "Timeouts":
        """All from SCHEDULER_STALE_SECONDS, the silence after which a leader counts as dead:
        a transaction of the scheduler idle or running that long is as good as dead too. A
        lock is waited for half as long, so that the error names the lock, not the statement.
        """
        stale_ms = max(2, round(float(config["SCHEDULER_STALE_SECONDS"]) * 1000))
        return cls(lock_ms=stale_ms // 2, statement_ms=stale_ms, idle_in_transaction_ms=stale_ms)


@dataclass(frozen=True)
class Guard:
    """What each transaction begun under it does first."""

    timeouts: Timeouts
    # The term the job's process leads in; None for the scheduler's own bookkeeping (taking
    # over, heartbeats, recording runs), which needs the timeouts but proves nothing.
    term: int | None = None


_guard: ContextVar[Guard | None] = ContextVar("mediaplan_scheduler_guard", default=None)


@contextmanager
def guarded(guard: Guard | None) -> Iterator[None]:
    """Apply ``guard`` to every transaction begun in this block, in this thread."""
    token = _guard.set(guard)
    try:
        yield
    finally:
        _guard.reset(token)


def install() -> None:
    """Have every session apply the guard in force when it begins a transaction."""
    if not sa.event.contains(Session, "after_begin", _on_begin):
        sa.event.listen(Session, "after_begin", _on_begin)


def _on_begin(_session: Session, _transaction, connection: sa.Connection) -> None:
    guard = _guard.get()
    if guard is None:
        return
    if connection.dialect.name == "postgresql":
        set_timeouts(connection, guard.timeouts)
    if guard.term is not None:
        check_term(connection, guard.term)


_SET_TIMEOUTS = sa.text(
    "SELECT set_config('lock_timeout', :lock, true),"
    " set_config('statement_timeout', :statement, true),"
    " set_config('idle_in_transaction_session_timeout', :idle, true)"
)


def set_timeouts(connection: sa.Connection, timeouts: Timeouts) -> None:
    """Limit the current PostgreSQL transaction (SET LOCAL: they end with it)."""
    connection.execute(
        _SET_TIMEOUTS,
        {
            "lock": str(timeouts.lock_ms),
            "statement": str(timeouts.statement_ms),
            "idle": str(timeouts.idle_in_transaction_ms),
        },
    )


def check_term(connection: sa.Connection, term: int) -> None:
    """Prove that ``term`` still leads, for as long as the current transaction lasts.

    :raises LeadershipLost: when another term leads now.
    """
    current = connection.execute(
        sa.select(SchedulerLeader.term)
        .where(SchedulerLeader.name == LEADER)
        .with_for_update(read=True, key_share=True)
    ).scalar()
    if current != term:
        raise LeadershipLost(
            f"this scheduler led in term {term}, and term {current} leads now: "
            "the job's transaction is refused"
        )
