"""The lock that lets one scheduler process schedule at a time.

PostgreSQL: a session advisory lock on a dedicated connection outside the pool; the server
frees it when the holder's connection ends, including when the holder is killed, and
``idle_session_timeout`` ends the session of a holder that hangs. SQLite: an exclusive
``flock`` on a file beside the database, which the kernel frees when the holder dies.
"""

import fcntl
import logging
import os
import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

logger = logging.getLogger(__name__)

# An arbitrary 64-bit key: "mediaplan" in ASCII, shortened to fit a bigint.
ADVISORY_LOCK_KEY = 0x6D65646961706C61


class PostgresAdvisoryLock:
    def __init__(self, url: sa.URL | str, *, stale_after_seconds: float) -> None:
        self._engine = sa.create_engine(url, poolclass=NullPool)
        self._stale_after = stale_after_seconds
        self._connection: sa.Connection | None = None
        # The heartbeat and the job threads all ask whether the lock is still held, and a
        # Connection must not be used by two threads at once.
        self._using = threading.Lock()

    def try_acquire(self) -> bool:
        connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        timeout_ms = int(self._stale_after * 1000)
        connection.exec_driver_sql(f"SET idle_session_timeout = {timeout_ms}")
        acquired = connection.execute(
            sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
        ).scalar()
        if acquired:
            self._connection = connection
        else:
            connection.close()
        return bool(acquired)

    def still_held(self) -> bool:
        with self._using:
            if self._connection is None:
                return False
            try:
                self._connection.exec_driver_sql("SELECT 1")
            except sa.exc.DBAPIError as error:
                logger.error("Scheduler lock connection lost: %s", error)
                self._connection = None
                return False
            return True

    def release(self) -> None:
        with self._using:
            if self._connection is None:
                return
            try:
                self._connection.execute(
                    sa.text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK_KEY}
                )
                self._connection.close()
            except sa.exc.DBAPIError as error:
                logger.warning("Releasing the scheduler lock: %s", error)
            self._connection = None

    def dispose(self) -> None:
        self.release()
        self._engine.dispose()


class FileLock:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def still_held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def dispose(self) -> None:
        self.release()


def lock_for(engine: sa.Engine, *, stale_after_seconds: float):
    """The right lock for the app's database."""
    if engine.dialect.name == "postgresql":
        return PostgresAdvisoryLock(engine.url, stale_after_seconds=stale_after_seconds)
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        return FileLock(Path(f"{engine.url.database}.scheduler-lock"))
    raise RuntimeError(f"no scheduler lock for database {engine.url.render_as_string()}")
