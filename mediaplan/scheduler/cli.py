"""`mediaplan scheduler` and `mediaplan jobs ...`."""

import signal

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

jobs_cli = AppGroup("jobs", help="Scheduled jobs: list them, run one now.")


@click.command("scheduler")
@with_appcontext
def scheduler_command():
    """Run the scheduler alone. Several may run: one schedules, the others stand by."""
    from mediaplan.scheduler.runner import SchedulerProcess
    from mediaplan.scheduler.service import StoredJobError

    process = SchedulerProcess(current_app._get_current_object())
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: process.stop.set())
    click.echo(f"Scheduler {process.holder} waiting for the lock (Ctrl+C stops it)")
    try:
        process.run()
    except StoredJobError as error:
        raise click.ClickException(f"Stored jobs cannot be loaded: {error}") from error


@jobs_cli.command("list")
def list_command():
    """List the job kinds with their next and last run."""
    from mediaplan.scheduler.service import job_statuses

    for status in job_statuses(current_app._get_current_object()):
        last = status.last_run
        click.echo(
            f"{status.kind.name}\tnext {status.next_run_at or '-'}\t"
            f"last {last.finished_at if last else '-'} {last.status if last else ''}"
        )


@jobs_cli.command("run")
@click.argument("kind")
def run_command(kind: str):
    """Run one job kind now, without the scheduler."""
    from mediaplan.scheduler.service import UnknownJobKind, run_kind

    try:
        run = run_kind(current_app._get_current_object(), kind, trigger="cli")
    except UnknownJobKind as error:
        raise click.ClickException(f"Unknown job kind {kind!r}.") from error
    if run is not None and run.status == "failed":
        raise click.ClickException(f"{kind} failed:\n{run.error}")
    click.echo(f"{kind}: {(run.result if run else '') or 'nothing to do'}")
