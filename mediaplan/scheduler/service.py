"""Running job kinds and reading the scheduler's state, for the runner, the CLI and the page."""

import logging
import pickle
import traceback
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from apscheduler.util import ref_to_obj
from flask import Flask, current_app, has_app_context

from mediaplan.db import utcnow
from mediaplan.extensions import db
from mediaplan.scheduler.models import JobRun, SchedulerLeader, scheduler_jobs
from mediaplan.scheduler.registry import JobKind, job_kinds

logger = logging.getLogger(__name__)

LEADER = "scheduler"


class UnknownJobKind(LookupError):
    pass


class StoredJobError(RuntimeError):
    """A job in the store cannot be loaded; APScheduler would silently delete it."""


def run_kind(app: Flask, name: str, *, trigger: str, process: str = "") -> JobRun | None:
    """Run one job kind in an app context and record how it went; never raises for the job.

    Returns the recorded run, or None for an idle run of a kind that does not record them.
    """
    kind = job_kinds(app).get(name)
    if kind is None:
        raise UnknownJobKind(name)
    with _app_context(app):
        started = utcnow()
        try:
            result = kind.func() or ""
        except Exception as error:
            db.session.rollback()
            logger.exception("Job %s failed", name)
            return _record(kind, trigger, started, process, status="failed", error=_describe(error))
        if not result and not kind.record_idle_runs:
            return None
        return _record(kind, trigger, started, process, status="ok", result=result)


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
    """Fail loudly on a stored job whose function or kind cannot be found.

    :raises StoredJobError: naming every such job, before APScheduler would delete it.
    """
    known = job_kinds(app)
    problems = []
    with app.app_context():
        rows = db.session.execute(sa.select(scheduler_jobs.c.id, scheduler_jobs.c.job_state))
        for job_id, state in rows:
            problems.extend(_job_problems(job_id, state, known))
    if problems:
        raise StoredJobError("; ".join(problems))


def _job_problems(job_id: str, raw_state: bytes, known: dict) -> list[str]:
    try:
        # The job store is written only by this application's scheduler (PITFALLS A).
        state = pickle.loads(raw_state)  # noqa: S301
    except Exception as error:  # any unpickling failure means the same: unloadable
        return [f"job {job_id!r} cannot be read ({error})"]
    problems = []
    try:
        ref_to_obj(state["func"])
    except (LookupError, ValueError, TypeError) as error:
        problems.append(f"job {job_id!r} refers to {state['func']!r}, which is gone ({error})")
    args = state.get("args") or ()
    if args and args[0] not in known:
        problems.append(f"job {job_id!r} runs kind {args[0]!r}, which no package registers")
    return problems


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


def record_leadership(holder: str, *, now: datetime) -> None:
    row = leader()
    if row is None:
        db.session.add(
            SchedulerLeader(name=LEADER, holder=holder, acquired_at=now, heartbeat_at=now)
        )
    else:
        row.holder, row.acquired_at, row.heartbeat_at, row.released_at = holder, now, now, None


def record_heartbeat(holder: str, *, now: datetime) -> None:
    db.session.execute(
        sa.update(SchedulerLeader)
        .where(SchedulerLeader.name == LEADER, SchedulerLeader.holder == holder)
        .values(heartbeat_at=now)
    )


def record_release(holder: str, *, now: datetime) -> None:
    db.session.execute(
        sa.update(SchedulerLeader)
        .where(SchedulerLeader.name == LEADER, SchedulerLeader.holder == holder)
        .values(released_at=now)
    )


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
