"""Running job kinds and reading the scheduler's state, for the runner, the CLI and the page."""

import logging
import pickle
import traceback
from collections.abc import Collection
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from apscheduler.job import Job
from flask import Flask, current_app, has_app_context

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.scheduler import results
from mediaplan.scheduler.fencing import Guard, LeadershipLost, Timeouts, guarded
from mediaplan.scheduler.models import LEADER, JobRun, SchedulerLeader, scheduler_jobs
from mediaplan.scheduler.registry import JobKind, job_kinds

logger = logging.getLogger(__name__)

# Why a stored job cannot run (OrphanedJob.reason).
UNREGISTERED_KIND = "unregistered_kind"
UNLOADABLE = "unloadable"
PRUNE_ADVICE = (
    "Remove them with `mediaplan jobs prune` (their run history is kept), "
    "or bring their job kinds back."
)


class UnknownJobKind(LookupError):
    pass


@dataclass(frozen=True)
class OrphanedJob:
    """A stored job the scheduler cannot run: its kind is no longer registered, or APScheduler
    cannot load it (and would silently delete it)."""

    job_id: str
    reason: str
    kind: str | None = None
    detail: str = ""

    def __str__(self) -> str:
        if self.reason == UNREGISTERED_KIND:
            return (
                f"stored job {self.job_id!r} runs job kind {self.kind!r}, which is no longer "
                "registered"
            )
        return f"stored job {self.job_id!r} cannot be loaded ({self.detail})"


class StoredJobError(RuntimeError):
    """Stored jobs that cannot run keep the scheduler from starting."""

    def __init__(self, orphans: list[OrphanedJob]) -> None:
        self.orphans = orphans
        super().__init__("; ".join(str(orphan) for orphan in orphans) + ". " + PRUNE_ADVICE)


def run_kind(
    app: Flask, name: str, *, trigger: str, process: str = "", term: int | None = None
) -> JobRun | None:
    """Run one job kind in an app context and record how it went; never raises for the job.

    ``term`` is given by the scheduler, in the term it leads: every transaction the job begins
    then proves that it still leads, or the job fails (fencing.py). Runs outside the scheduler
    lead nothing and give none.

    Returns the recorded run, or None for an idle run of a kind that does not record them.
    """
    kind = job_kinds(app).get(name)
    if kind is None:
        raise UnknownJobKind(name)
    job_guard, record_guard = _guards(app, term)
    with _app_context(app):
        started = utcnow()
        try:
            with guarded(job_guard):
                result = results.dump(kind.func())
        except Exception as error:
            db.session.rollback()
            _log_failure(name, error)
            outcome = {"status": "failed", "error": _describe(error)}
        else:
            if not result and not kind.record_idle_runs:
                return None
            outcome = {"status": "ok", "result": result}
        with guarded(record_guard):
            return _record(kind, trigger, started, process, **outcome)


def _guards(app: Flask, term: int | None) -> tuple[Guard | None, Guard | None]:
    """The job's guard and that of its run's record, which is written even when the job was
    refused, so it gets the timeouts but proves no term."""
    if term is None:
        return None, None
    timeouts = Timeouts.from_config(app.config)
    return Guard(timeouts, term), Guard(timeouts)


def _log_failure(name: str, error: Exception) -> None:
    if isinstance(error, LeadershipLost):
        logger.error("Job %s refused: %s", name, error)
    else:
        logger.exception("Job %s failed", name)


def _app_context(app: Flask):
    # A run from a request (the "run now" button) shares the request's context and session.
    if has_app_context() and current_app._get_current_object() is app:
        return nullcontext()
    return app.app_context()


def _record(kind: JobKind, trigger: str, started: datetime, process: str, **fields) -> JobRun:
    run = JobRun(
        kind=kind.name,
        trigger=trigger,
        started_at=started,
        finished_at=utcnow(),
        process=process,
        **fields,
    )
    db.session.add(run)
    db.session.commit()
    return run


def _describe(error: Exception) -> str:
    lines = traceback.format_exception(error)
    return "".join(lines[-6:])[-4000:]


def check_stored_jobs(app: Flask) -> None:
    """Refuse to schedule while a stored job cannot run, before APScheduler would delete it.

    :raises StoredJobError: naming every such job.
    """
    with app.app_context():
        orphans = orphaned_jobs(job_kinds(app))
    if orphans:
        raise StoredJobError(orphans)


def orphaned_jobs(kind_names: Collection[str]) -> list[OrphanedJob]:
    """The stored jobs that cannot run with these job kinds; the caller has an app context."""
    rows = db.session.execute(
        sa.select(scheduler_jobs.c.id, scheduler_jobs.c.job_state).order_by(scheduler_jobs.c.id)
    )
    return [orphan for job_id, state in rows if (orphan := _orphan(job_id, state, kind_names))]


def prune_orphaned_jobs(job_ids: Collection[str], kind_names: Collection[str]) -> list[str]:
    """Delete those of ``job_ids`` that still cannot run, keeping their runs; flushes, never
    commits.

    Each job is judged again here rather than trusted from the list the operator confirmed, and
    its row is deleted only if it still holds the state judged.

    :returns: the ids deleted.
    """
    rows = db.session.execute(
        sa.select(scheduler_jobs.c.id, scheduler_jobs.c.job_state).where(
            scheduler_jobs.c.id.in_(list(job_ids))
        )
    ).all()
    deleted = []
    for job_id, state in rows:
        if _orphan(job_id, state, kind_names) is None:
            continue
        result = db.session.execute(
            sa.delete(scheduler_jobs).where(
                scheduler_jobs.c.id == job_id, scheduler_jobs.c.job_state == state
            )
        )
        if result.rowcount:
            deleted.append(job_id)
    return sorted(deleted)


def _orphan(job_id: str, raw_state: bytes, kind_names: Collection[str]) -> OrphanedJob | None:
    try:
        job = _load_job(raw_state)
    except Exception as error:  # whatever APScheduler fails on, it deletes the job for
        return OrphanedJob(job_id, UNLOADABLE, detail=f"{type(error).__name__}: {error}")
    if job.args and job.args[0] not in kind_names:
        return OrphanedJob(job_id, UNREGISTERED_KIND, kind=job.args[0])
    return None


def _load_job(raw_state: bytes) -> Job:
    """Rebuild a stored job as APScheduler's SQLAlchemyJobStore does, failing where it would."""
    # The job store is written only by this application's scheduler (PITFALLS A).
    state = pickle.loads(raw_state)  # noqa: S301
    job = Job.__new__(Job)
    job.__setstate__(state)
    return job


@dataclass
class JobStatus:
    kind: JobKind
    next_run_at: datetime | None
    last_run: JobRun | None
    failures_since_success: int


def job_statuses(app: Flask) -> list[JobStatus]:
    """Every registered kind with its next and last run; the caller has an app context."""
    next_runs = dict(
        db.session.execute(sa.select(scheduler_jobs.c.id, scheduler_jobs.c.next_run_time)).all()
    )
    statuses = []
    for name, kind in sorted(job_kinds(app).items()):
        last = db.session.scalars(
            sa.select(JobRun).where(JobRun.kind == name).order_by(JobRun.started_at.desc()).limit(1)
        ).first()
        statuses.append(
            JobStatus(
                kind, _from_timestamp(next_runs.get(name)), last, _failures_since_success(name)
            )
        )
    return statuses


def _failures_since_success(name: str) -> int:
    last_ok = (
        sa.select(sa.func.max(JobRun.started_at))
        .where(JobRun.kind == name, JobRun.status == "ok")
        .scalar_subquery()
    )
    query = (
        sa.select(sa.func.count())
        .select_from(JobRun)
        .where(
            JobRun.kind == name,
            JobRun.status == "failed",
            sa.or_(last_ok.is_(None), JobRun.started_at > last_ok),
        )
    )
    return db.session.scalar(query) or 0


def _from_timestamp(value: float | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value is not None else None


def leader() -> SchedulerLeader | None:
    return db.session.get(SchedulerLeader, LEADER)


def take_over(holder: str, *, now: datetime) -> int:
    """Make ``holder`` the leader in a new term and return the term; flushes, never commits.

    The row is read FOR UPDATE, which waits for every open transaction of a job of the previous
    term (each holds the row FOR KEY SHARE, see fencing.py), so none of them can commit once the
    new term is written. Only the holder of the lock calls it.
    """
    row = db.session.scalar(
        sa.select(SchedulerLeader).where(SchedulerLeader.name == LEADER).with_for_update()
    )
    if row is None:
        row = SchedulerLeader(name=LEADER, term=0)
        db.session.add(row)
    row.holder, row.acquired_at, row.heartbeat_at, row.released_at = holder, now, now, None
    row.term += 1
    db.session.flush()
    return row.term


def record_heartbeat(term: int, *, now: datetime) -> bool:
    """Note that the leader of ``term`` is alive; False when another term leads now."""
    return _update_own_row(term, heartbeat_at=now)


def record_release(term: int, *, now: datetime) -> bool:
    return _update_own_row(term, released_at=now)


def _update_own_row(term: int, **values) -> bool:
    # A plain UPDATE of non-key columns: it does not wait for the jobs' FOR KEY SHARE locks.
    updated = db.session.execute(
        sa.update(SchedulerLeader)
        .where(SchedulerLeader.name == LEADER, SchedulerLeader.term == term)
        .values(**values)
    )
    return updated.rowcount == 1


def scheduler_health(*, now: datetime, stale_after_seconds: float) -> dict:
    """The scheduler's state for /healthz: running, stale (holder silent) or stopped."""
    row = leader()
    if row is None:
        return {"status": "never_started"}
    age = round((now - row.heartbeat_at).total_seconds(), 1)
    if row.released_at is not None:
        status = "stopped"
    else:
        status = "running" if age <= stale_after_seconds else "stale"
    return {
        "status": status,
        "holder": row.holder,
        "since": row.acquired_at.isoformat(),
        "heartbeat_age_seconds": age,
    }
