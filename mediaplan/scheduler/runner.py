"""The scheduler process: wait for the lock, then run APScheduler with the database job store
until told to stop or the lock is lost."""

import logging
import os
import socket
import threading
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
from mediaplan.scheduler.lock import lock_for
from mediaplan.scheduler.registry import JobKind, job_kinds

logger = logging.getLogger(__name__)

# Stored jobs call this function by its text reference, with the kind's name as argument, so
# renaming a package's job function never orphans a stored job.
EXECUTE_REF = "mediaplan.scheduler.runner:execute"
# Intervals count from this fixed moment, so a restart does not push the next run forward.
INTERVAL_ANCHOR = datetime(2020, 1, 1, tzinfo=UTC)

# The app and lock of the scheduler running in this process; set only while it leads.
_current: dict = {}


def holder_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def execute(kind_name: str) -> None:
    """The function every stored job runs."""
    app, lock = _current.get("app"), _current.get("lock")
    if app is None:
        logger.error("Job %s fired with no scheduler leading in this process", kind_name)
        return
    if not lock.still_held():
        # A holder that hung and woke up must not act on what another leader now owns.
        logger.error("Job %s skipped: this process no longer holds the scheduler lock", kind_name)
        return
    service.run_kind(app, kind_name, trigger="schedule", process=holder_name())


def build_trigger(kind: JobKind, timezone: str):
    if kind.trigger == "interval":
        return IntervalTrigger(start_date=INTERVAL_ANCHOR, timezone=UTC, **kind.trigger_args)
    if kind.trigger == "cron":
        return CronTrigger(timezone=ZoneInfo(timezone), **kind.trigger_args)
    raise ValueError(f"unknown trigger {kind.trigger!r} for job kind {kind.name}")


def build_scheduler(app: Flask) -> BackgroundScheduler:
    with app.app_context():
        engine = db.engine
    return BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename="scheduler_jobs")},
        executors={"default": ThreadPoolExecutor(max_workers=4)},
        job_defaults={"coalesce": True, "max_instances": 1},
        timezone=ZoneInfo(app.config["DEFAULT_TIMEZONE"]),
    )


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
        stored jobs forbid starting now."""
        if not self._may_start():
            lock.release()
            return False
        logger.info("Scheduler %s holds the lock and starts scheduling", self.holder)
        scheduler = None
        try:
            self._write(service.record_leadership)
            _current.update(app=self.app, lock=lock)
            scheduler = build_scheduler(self.app)
            scheduler.start(paused=True)
            sync_periodic_jobs(scheduler, self.app)
            scheduler.resume()
            self.is_leading.set()
            self._beat(lock)
        finally:
            self.is_leading.clear()
            _current.clear()
            if scheduler is not None and scheduler.running:
                scheduler.shutdown(wait=True)
            if lock.still_held():
                self._write(service.record_release)
            lock.release()
            logger.info("Scheduler %s stopped scheduling", self.holder)
        return True

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

    def _beat(self, lock) -> None:
        while not self.stop.wait(self.heartbeat_seconds):
            if not lock.still_held():
                logger.error("Scheduler %s lost its lock; stopping", self.holder)
                return
            self._write(service.record_heartbeat)

    def _write(self, record) -> None:
        with self.app.app_context():
            try:
                record(self.holder, now=utcnow())
                db.session.commit()
            except Exception:
                db.session.rollback()
                logger.exception("Scheduler %s could not record its state", self.holder)
