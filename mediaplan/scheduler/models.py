"""What the scheduler keeps in the database: APScheduler's job store, job runs and the leader."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from mediaplan.db import UTCDateTime, utcnow
from mediaplan.extensions import db

# The name of the one row of scheduler_leader.
LEADER = "scheduler"
# How a run was started (JobRun.trigger) and how it went (JobRun.status), as people read them:
# the vocabularies "job_trigger" and "job_run_status".
TRIGGER_LABELS = {
    "schedule": _l("on schedule"),
    "manual": _l("by hand"),
    "cli": _l("from the command line"),
}
RUN_STATUS_LABELS = {"ok": _l("OK"), "failed": _l("failed")}

# APScheduler's SQLAlchemyJobStore table, declared here so that the migrations, not the job
# store's own create(), make it; its columns are the ones APScheduler 3.11 expects.
scheduler_jobs = sa.Table(
    "scheduler_jobs",
    db.metadata,
    sa.Column("id", sa.Unicode(191), primary_key=True),
    sa.Column("next_run_time", sa.Float(25), index=True),
    sa.Column("job_state", sa.LargeBinary, nullable=False),
)


class JobRun(db.Model):
    """One run of a job kind, by the scheduler, the CLI or the "run now" button."""

    __tablename__ = "job_runs"
    __table_args__ = (sa.Index("ix_job_runs_kind_started_at", "kind", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(80))
    trigger: Mapped[str] = mapped_column(sa.String(20))
    status: Mapped[str] = mapped_column(sa.String(20), default="running")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    result: Mapped[str] = mapped_column(sa.Text, default="")
    error: Mapped[str] = mapped_column(sa.Text, default="")
    process: Mapped[str] = mapped_column(sa.String(200), default="")


class SchedulerLeader(db.Model):
    """Who schedules now, for people and /healthz; the lock itself is elsewhere (see lock.py)."""

    __tablename__ = "scheduler_leader"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(sa.String(200))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime())
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Raised by each leader as it takes over; a job's transaction proves that its process still
    # leads by finding its own term here (fencing.py).
    term: Mapped[int] = mapped_column(default=0, server_default="0")
