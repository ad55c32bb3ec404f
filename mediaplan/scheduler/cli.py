"""`mediaplan scheduler` and `mediaplan jobs ...`."""

import signal

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

jobs_cli = AppGroup(
    "jobs", help="Scheduled jobs: list them, run one now, prune those that cannot run."
)


@click.command("scheduler")
@with_appcontext
def scheduler_command():
    """Run the scheduler alone. Several may run: one schedules, the others stand by."""
    from mediaplan.scheduler.runner import SchedulerProcess
    from mediaplan.scheduler.service import StoredJobError

    process = SchedulerProcess(current_app._get_current_object(), exit_when_blocked=True)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: process.stop.set())
    click.echo(f"Scheduler {process.holder} waiting for the lock (Ctrl+C stops it)")
    try:
        process.run()
    except StoredJobError as error:
        raise click.ClickException(f"The scheduler will not start: {error}") from error


@jobs_cli.command("list")
def list_command():
    """List the job kinds with their next and last run.

    Stored jobs that cannot run, which keep the scheduler from starting, are listed after them.
    """
    from flask_babel import force_locale
    from flask_babel import gettext as _

    from mediaplan.scheduler.registry import job_kinds
    from mediaplan.scheduler.results import describe
    from mediaplan.scheduler.service import PRUNE_ADVICE, job_statuses, orphaned_jobs
    from mediaplan.templating import label

    app = current_app._get_current_object()
    with force_locale(reader_language()):
        for status in job_statuses(app):
            line = [status.kind.name, f"{_('Next run')}: {status.next_run_at or '-'}"]
            if last := status.last_run:
                line.append(
                    f"{_('Last run')}: {last.finished_at} ({label('job_trigger', last.trigger)})"
                    f" {label('job_run_status', last.status)} {describe(last.result)}".rstrip()
                )
            click.echo("\t".join(line))
    orphans = orphaned_jobs(job_kinds(app))
    if orphans:
        click.echo("\nThe scheduler will not start while these stored jobs cannot run:")
        _echo_orphans(orphans)
        click.echo(PRUNE_ADVICE)


@jobs_cli.command("run")
@click.argument("kind")
def run_command(kind: str):
    """Run one job kind now, without the scheduler."""
    from flask_babel import force_locale
    from flask_babel import gettext as _

    from mediaplan.scheduler.results import describe
    from mediaplan.scheduler.service import UnknownJobKind, run_kind

    try:
        run = run_kind(current_app._get_current_object(), kind, trigger="cli")
    except UnknownJobKind as error:
        raise click.ClickException(f"Unknown job kind {kind!r}.") from error
    if run is not None and run.status == "failed":
        raise click.ClickException(f"{kind} failed:\n{run.error}")
    with force_locale(reader_language()):
        click.echo(f"{kind}: {(describe(run.result) if run else '') or _('nothing to do')}")


def reader_language() -> str:
    """The language of whoever reads the terminal: that of its locale (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG, as gettext reads them) when Mediaplan speaks it, else DEFAULT_LOCALE,
    the language of pages for browsers that ask for none of ours."""
    from babel.core import default_locale

    from mediaplan.db import LANGUAGES

    locale = default_locale("LC_MESSAGES") or ""
    language = locale.partition("_")[0]
    return language if language in LANGUAGES else current_app.config["DEFAULT_LOCALE"]


@jobs_cli.command("prune")
@click.option("--yes", is_flag=True, help="Remove them without asking.")
def prune_command(yes: bool):
    """Remove the stored jobs that cannot run.

    Those whose kind is no longer registered or whose state cannot be read keep the scheduler
    from starting. Their run history is kept.
    """
    from mediaplan.extensions import db
    from mediaplan.scheduler.registry import job_kinds
    from mediaplan.scheduler.service import orphaned_jobs, prune_orphaned_jobs

    kinds = job_kinds(current_app._get_current_object())
    orphans = orphaned_jobs(kinds)
    if not orphans:
        click.echo("Every stored job can run: nothing to prune.")
        return
    click.echo("These stored jobs cannot run:")
    _echo_orphans(orphans)
    if not yes:
        click.confirm("Remove these stored jobs?", abort=True)
    listed = [orphan.job_id for orphan in orphans]
    removed = prune_orphaned_jobs(listed, kinds)
    db.session.commit()
    click.echo(f"Removed: {', '.join(removed) or 'none'}.")
    if kept := sorted(set(listed) - set(removed)):
        click.echo(f"Kept, as they changed after they were listed: {', '.join(kept)}.")


def _echo_orphans(orphans) -> None:
    for orphan in orphans:
        click.echo(f"  {orphan}")
