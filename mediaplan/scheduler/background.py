"""The scheduler as `mediaplan serve` runs it beside the web server, and its part of
/healthz."""

import threading
from collections.abc import Callable

import click
from flask import Flask, current_app

from mediaplan.db import utcnow
from mediaplan.scheduler.runner import SchedulerProcess
from mediaplan.scheduler.service import scheduler_health


def start_beside_web_server(app: Flask) -> Callable[[], None] | None:
    """The one-machine default: the scheduler runs in the web server's process, in a thread
    of its own; MEDIAPLAN_SCHEDULER=off leaves it to `mediaplan scheduler` elsewhere."""
    if app.config["SCHEDULER"] == "off":
        return None
    process = SchedulerProcess(app)
    threading.Thread(target=process.run, name="scheduler", daemon=True).start()
    click.echo(f"Scheduler {process.holder} started (MEDIAPLAN_SCHEDULER=off turns it off)")
    return process.stop.set


def health() -> dict:
    return scheduler_health(
        now=utcnow(), stale_after_seconds=float(current_app.config["SCHEDULER_STALE_SECONDS"])
    )
