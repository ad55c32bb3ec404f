"""The scheduler process: wait for the lock, then run APScheduler with the database job store
until told to stop or the lock is lost."""

import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from flask import Flask

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.scheduler import service
from mediaplan.scheduler.fencing import Guard, Timeouts, guarded
from mediaplan.scheduler.lock import lock_for
from mediaplan.scheduler.registry import JobKind, job_kinds

logger = logging.getLogger(__name__)

# Stored jobs call this function by its text reference, with the kind's name as argument, so
# renaming a package's job function never orphans a stored job.
EXECUTE_REF = "mediaplan.scheduler.runner:execute"
# Intervals count from this fixed moment, so a restart does not push the next run forward.
INTERVAL_ANCHOR = datetime(2020, 1, 1, tzinfo=UTC)

# The app, lock and term of the scheduler running in this process; set only while it leads.
_current: dict = {}


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def execute(kind_name: str) -> None:
    """The function every stored job runs."""
    app, lock, term = _current.get("app"), _current.get("lock"), _current.get("term")
    if app is None:
        logger.error("Job %s fired with no scheduler leading in this process", kind_name)
        return
    if not lock.still_held():
        # A holder that hung and woke up need not even start: another leader owns the work, and
        # the job's transactions would be refused anyway (fencing.py).
        logger.error("Job %s skipped: this process no longer holds the scheduler lock", kind_name)
        return
    service.run_kind(app, kind_name, trigger="schedule", process=holder_name(), term=term)


def build_trigger(kind: JobKind, timezone: str):
    if kind.trigger == "interval":
        return IntervalTrigger(start_date=INTERVAL_ANCHOR, timezone=UTC, **kind.trigger_args)
    if kind.trigger == "cron":
        return CronTrigger(timezone=ZoneInfo(timezone), **kind.trigger_args)
    raise ValueError(f"unknown trigger {kind.trigger!r} for job kind {kind.name}")


def build_scheduler(app: Flask, store_engine: sa.Engine) -> BackgroundScheduler:
    return BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=store_engine, tablename="scheduler_jobs")},
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        job_defaults={"coalesce": True, "max_instances": 1},
        timezone=ZoneInfo(app.config["DEFAULT_TIMEZONE"]),
    )


@contextmanager
def job_store_engine(app: Flask) -> Iterator[sa.Engine]:
    """The engine of APScheduler's job store while the scheduler runs.

    On PostgreSQL one of its own, whose transactions the server ends when they idle as long as
    a dead leader is silent, so that a leader frozen between a job store UPDATE and its COMMIT
    cannot keep the row from the next leader's scheduler for longer. It is disposed of once the
    scheduler's thread has ended: the job store's own shutdown comes before that, and a
    connection the thread still used would be left open.
    """
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        yield engine
        return
    idle_ms = Timeouts.from_config(app.config).idle_in_transaction_ms
    own = sa.create_engine(
        engine.url,
        pool_pre_ping=True,
        connect_args={"options": f"-c idle_in_transaction_session_timeout={idle_ms}"},
    )
    try:
        yield own
    finally:
        own.dispose()


def sync_periodic_jobs(scheduler: BackgroundScheduler, app: Flask) -> None:
    """Add each registered kind's job when missing; change it only when its schedule changed."""
    timezone = app.config["DEFAULT_TIMEZONE"]
    for name, kind in job_kinds(app).items():
        trigger = build_trigger(kind, timezone)
        job = scheduler.get_job(name)
        if job is None:
            scheduler.add_job(
                EXECUTE_REF,
                trigger,
                args=[name],
                id=name,
                name=name,
                misfire_grace_time=kind.misfire_grace_time,
                coalesce=True,
                max_instances=1,
            )
            logger.info("Scheduled job %s: %s", name, trigger)
        elif str(job.trigger) != str(trigger):
            scheduler.reschedule_job(name, trigger=trigger)
            logger.info("Rescheduled job %s: %s", name, trigger)
        elif job.misfire_grace_time != kind.misfire_grace_time:
            scheduler.modify_job(name, misfire_grace_time=kind.misfire_grace_time)


class SchedulerProcess:
    """Waits for the lock, leads while it holds it, stops when ``stop`` is set.

    Stored jobs that cannot run keep it from scheduling, since APScheduler would delete them.
    With ``exit_when_blocked`` it then raises StoredJobError: `mediaplan scheduler` exits and
    its operator reads why. Otherwise, beside the web server, it logs the refusal, lets the lock
    go and checks again every poll interval, so it starts once the jobs are pruned.
    """

    def __init__(
        self, app: Flask, stop: threading.Event | None = None, *, exit_when_blocked: bool = False
    ) -> None:
        self.app = app
        self.stop = stop or threading.Event()
        self.exit_when_blocked = exit_when_blocked
        config = app.config
        self.poll_seconds = float(config["SCHEDULER_POLL_SECONDS"])
        self.heartbeat_seconds = float(config["SCHEDULER_HEARTBEAT_SECONDS"])
        self.stale_seconds = float(config["SCHEDULER_STALE_SECONDS"])
        self.holder = holder_name()
        # The scheduler's own transactions get the timeouts of the jobs' (fencing.py).
        self.guard = Guard(Timeouts.from_config(config))
        self.is_leading = threading.Event()
        # The stored jobs that last kept it from starting, so each refusal is logged once.
        self._blocked_by: frozenset[str] = frozenset()

    def run(self) -> None:
        with self.app.app_context():
            lock = lock_for(db.engine, stale_after_seconds=self.stale_seconds)
        try:
            while not self.stop.is_set():
                if not (self._try_acquire(lock) and self._lead(lock)):
                    self.stop.wait(self.poll_seconds)
        finally:
            lock.dispose()

    def _try_acquire(self, lock) -> bool:
        try:
            return lock.try_acquire()
        except Exception as error:  # the database may be down; try again later
            logger.warning("Scheduler lock unavailable: %s", error)
            return False

    def _lead(self, lock) -> bool:
        """Schedule until stopped or the lock is lost; False, with the lock let go, when the
        stored jobs forbid starting now or no new term could be taken."""
        term = self._take_over() if self._may_start() else None
        if term is None:
            lock.release()
            return False
        logger.info("Scheduler %s holds the lock and leads in term %d", self.holder, term)
        try:
            self._schedule(lock, term)
        finally:
            if lock.still_held():
                self._write(service.record_release, term)
            lock.release()
            logger.info("Scheduler %s stopped scheduling", self.holder)
        return True

    def _schedule(self, lock, term: int) -> None:
        """Run APScheduler until stopped or the lock is lost."""
        with job_store_engine(self.app) as store_engine:
            scheduler = build_scheduler(self.app, store_engine)
            _current.update(app=self.app, lock=lock, term=term)
            try:
                scheduler.start(paused=True)
                sync_periodic_jobs(scheduler, self.app)
                scheduler.resume()
                self.is_leading.set()
                self._beat(lock, term)
            finally:
                self.is_leading.clear()
                _current.clear()
                if scheduler.running:
                    scheduler.shutdown(wait=True)

    def _may_start(self) -> bool:
        """Whether every stored job can run; checked under the lock, as only its holder writes
        the job store."""
        try:
            service.check_stored_jobs(self.app)
        except service.StoredJobError as error:
            if self.exit_when_blocked:
                raise
            blocked_by = frozenset(orphan.job_id for orphan in error.orphans)
            if blocked_by != self._blocked_by:
                logger.error(
                    "Scheduler %s will not start: %s Checking again every %g s.",
                    self.holder,
                    error,
                    self.poll_seconds,
                )
            self._blocked_by = blocked_by
            return False
        except sa.exc.DBAPIError as error:  # the database may be down; try again later
            logger.warning("Scheduler %s could not read the stored jobs: %s", self.holder, error)
            return False
        if self._blocked_by:
            logger.info("Scheduler %s: no stored job blocks it any more", self.holder)
            self._blocked_by = frozenset()
        return True

    def _take_over(self) -> int | None:
        """A new term, or None when it could not be taken: among other reasons while a job of
        a frozen predecessor keeps its transaction open, until PostgreSQL ends it."""
        return self._write(service.take_over, self.holder)

    def _beat(self, lock, term: int) -> None:
        while not self.stop.wait(self.heartbeat_seconds):
            if not lock.still_held():
                logger.error("Scheduler %s lost its lock; stopping", self.holder)
                return
            if self._write(service.record_heartbeat, term) is False:
                logger.error("Scheduler %s: a later term leads now; stopping", self.holder)
                return

    def _write(self, record, *args):
        """``record(*args, now=...)`` in a transaction of its own: its result, or None when it
        failed (the database may be down; the caller tries again later)."""
        with self.app.app_context(), guarded(self.guard):
            try:
                outcome = record(*args, now=utcnow())
                db.session.commit()
            except Exception:
                db.session.rollback()
                logger.exception("Scheduler %s: %s failed", self.holder, record.__name__)
                return None
        return outcome
