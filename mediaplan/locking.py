"""Checking a rule against the current state and writing the change as one step.

A rule that depends on current state (an allowed status transition, a capacity, a limit, "only
once") holds under many workers only if no other transaction can change that state between
the check and the write. Two ways give that, on PostgreSQL as on SQLite:

- a conditional write that checks and changes at once (``UPDATE ... WHERE state = 'pending'``,
  then look at the row count): for claims such as "send this reminder once";
- or, when the rule needs more than one statement, a lock taken before reading the state:
  ``for_update(obj)`` for a row the rule is about, ``lock_name(...)`` for a rule over several
  rows or over rows that may not exist yet (failed logins of an address, the active admins).

Both locks last until the transaction ends. PostgreSQL takes them for real (``SELECT ... FOR
UPDATE``, ``pg_advisory_xact_lock``), so concurrent requests wait for each other there. SQLite
lets one transaction write at a time and every transaction that writes begins ``IMMEDIATE``
(views marked ``@writes``, the scheduler, jobs and commands), so the lock is already held when
the rule is checked.
"""

import hashlib
from typing import TypeVar

import sqlalchemy as sa

from mediaplan.extensions import db

T = TypeVar("T")


def for_update(obj: T) -> T:
    """Read ``obj`` again under a lock on its row, held until the transaction ends, and return
    it: check a rule against its state after this, never before.

    Concurrent transactions doing the same wait until this one commits, then see its change.
    The lock is PostgreSQL's FOR NO KEY UPDATE: rows referring to this one may still be
    written meanwhile (their foreign key check takes a KEY SHARE lock, which FOR UPDATE would
    block, and a job writing such a row while waiting for this one would deadlock with it).
    """
    db.session.refresh(obj, with_for_update={"key_share": True})
    return obj


def lock_name(*parts: str) -> None:
    """Take a lock named by ``parts`` (such as "login", "account", the e-mail), held until the
    transaction ends: for rules over rows that may not exist yet or that no single row stands
    for. Everyone who checks such a rule takes the same name first."""
    if db.session.get_bind().dialect.name != "postgresql":
        return
    name = "\x1f".join(parts).encode()
    key = int.from_bytes(hashlib.blake2b(name, digest_size=8).digest(), "big", signed=True)
    db.session.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))
