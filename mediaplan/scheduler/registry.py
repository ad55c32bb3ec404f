"""The job kinds packages register at start-up, each a plain function the scheduler, the CLI
and tests can run."""

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask

from mediaplan.scheduler.results import JobResult

EXTENSION_KEY = "mediaplan.job_kinds"


@dataclass(frozen=True)
class JobKind:
    """A kind of scheduled work.

    ``func`` takes no arguments, runs inside an app context, commits its own work and returns
    a short summary: phrases, which its run stores untranslated (results.py), or text.
    ``trigger`` and ``trigger_args`` are APScheduler's (``"cron"`` or ``"interval"``;
    intervals are anchored to a fixed start so restarts keep the schedule).
    ``misfire_grace_time`` says how late a run may still start after downtime (None: always,
    once, since runs coalesce); ``misfire_rule`` explains the choice to people.
    """

    name: str
    func: Callable[[], JobResult | None]
    trigger: str
    trigger_args: dict = field(default_factory=dict)
    misfire_grace_time: int | None = None
    misfire_rule: str = ""
    description: str = ""
    # Idle runs of frequent jobs are not worth a row each; failures always are.
    record_idle_runs: bool = True


def register(app: Flask, kind: JobKind) -> None:
    kinds = app.extensions.setdefault(EXTENSION_KEY, {})
    if kind.name in kinds:
        raise ValueError(f"job kind {kind.name!r} is registered twice")
    kinds[kind.name] = kind


def job_kinds(app: Flask) -> dict[str, JobKind]:
    return dict(app.extensions.get(EXTENSION_KEY, {}))
