"""Mixed load: many users at work at once against one `mediaplan serve` process with its
scheduler running, as `make run` serves, on SQLite and (with MEDIAPLAN_TEST_POSTGRES_URL) on
PostgreSQL.

The data: the demo plan (`mediaplan demo load`) and BENCH_LOAD_ITEMS (3,000) more items in it
from bulk.py; one user per client, with a password, a dozen notifications and an API token
made on /account/tokens before the run. The clients (BENCH_LOAD_CLIENTS, 50) are a mix of
roles (ROLE_CYCLE): press officers and trainers of six agencies, coordinators, methodologists
and viewers. They all log in at the same moment, then for BENCH_LOAD_SECONDS (60) each repeats
actions drawn by its role's weights (load_scenario.ACTIONS), pausing 0 to 2 x
BENCH_LOAD_PAUSE_MS (1,000 ms) after each and between opening a form and sending it: the plan
table with varied filters, item pages, comments, status changes along the allowed transitions
(several clients on the same few items per agency, so that they collide), edits through the
item form, API lists, item reads, PATCHes and status changes with a bearer token, the
notifications page, and logging out and in again. Each client is a thread with its own
keep-alive connection and cookies, reading CSRF tokens from the pages (load_client.py).

Reported per kind of request: requests, errors (5xx, connection errors, and answers the
scenario did not expect, such as a 4xx or a lost session), refusals (a transition another
client made impossible meanwhile, a form shown again with an error), p50 and p95 latency, and
p95 once every client has logged in; then the totals, the login rush, the CPU time of server
and clients, what the server logged, and two checks of the data: whether each hot item's
status history is still one unbroken chain (two transitions decided on the same old status
break it), and whether every comment the server confirmed is in the database. Asserted: no
5xx and no connection errors. The other figures are reported, not asserted."""

import contextlib
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from mediaplan.agencies.models import Agency
from mediaplan.db import utcnow
from mediaplan.demo import data
from mediaplan.extensions import db
from mediaplan.notifications.models import OutboxMessage
from mediaplan.plan.models import Plan, PlanItem
from mediaplan.users.models import User
from tests.benchmarks import bulk
from tests.benchmarks.load_client import Tally, merge, percentile_ms
from tests.benchmarks.load_scenario import EDITOR_ROLES, Client, Person, Run, World, issue_token
from tests.benchmarks.test_plan_list import in_process_app, mediaplan, wait_for_scheduler
from tests.conftest import PASSWORD, PASSWORD_HASH
from tests.servers import server_env, serving

pytestmark = pytest.mark.benchmark

CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "50"))
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
ITEMS = int(os.environ.get("BENCH_LOAD_ITEMS", "3000"))
PAUSE_SECONDS = float(os.environ.get("BENCH_LOAD_PAUSE_MS", "1000")) / 1000
SEED = 2025
# The demo plan's items are numbered 1.x and 2.x; the added ones from section 3 on.
FIRST_ADDED_SECTION = 3
# Who the clients are, in turn: with 50 clients, 15 press officers, 10 trainers, 10
# methodologists, 10 viewers and 5 coordinators.
ROLE_CYCLE = (
    "press_officer",
    "methodologist",
    "coordinator",
    "press_officer",
    "viewer",
    "trainer",
    "press_officer",
    "methodologist",
    "trainer",
    "viewer",
)
# The agencies whose editors are among the clients, each with a few hot items.
HOT_AGENCIES = ("mvd", "ktrk", "kabar", "mkism", "mpi", "osh_city")
# Few enough that the clients changing them collide now and then.
HOT_ITEMS_PER_AGENCY = 2
OTHER_ITEMS_PER_AGENCY = 200
AGENCY_OF_ROLE = {"coordinator": "mkism", "methodologist": "atc", "viewer": "osce"}
NOTIFICATIONS_PER_USER = 12
UNREAD_PER_USER = 3
# Beyond the run: every action in progress at the deadline may still take its time.
JOIN_SECONDS = 180
# A line a logger wrote (waitress and the app log as LEVEL:logger:message), and the line
# naming an exception at the end of a traceback.
LOG_RECORD_RE = re.compile(r"^[A-Z]+:[\w.]+:")
EXCEPTION_LINE_RE = re.compile(r"^\w[\w.]*(?:Error|Exception|Violation|Deadlock\w*)\b.*$")
LOGGED_ERRORS_SHOWN = 8


@dataclass
class Outcome:
    clients: int
    tallies: dict[str, Tally]
    # When the clients started (time.perf_counter) and for how long they ran.
    started: float
    seconds: float
    first_logins: list[float]
    comments_saved: int
    crashes: list[str]


@dataclass
class History:
    changes: int
    # One line per change that did not start from the status the one before ended in.
    broken: list[str]
    # Items whose status is not the one their last change went to.
    wrong_ends: int


@dataclass
class Measured:
    outcome: Outcome
    # Load averages and CPU seconds (server, clients) before and after the run.
    load: tuple[tuple[float, ...], tuple[float, ...]]
    cpu: tuple[tuple[float, float], tuple[float, float]]
    history: History
    comments_found: int
    log: str


def test_mixed_load(bench_database, tmp_path, monkeypatch):
    started = time.perf_counter()
    instance = tmp_path / "instance"
    instance.mkdir()
    env = server_env(bench_database, instance, SCHEDULER="on", DEMO_PASSWORD=PASSWORD)
    mediaplan(env, "db", "upgrade")
    mediaplan(env, "demo", "load")
    bulk.add_items(
        bench_database,
        data.PLAN["code"],
        items=ITEMS,
        first_section=FIRST_ADDED_SECTION,
        seed=SEED,
        reminders=True,
    )
    with in_process_app(bench_database, instance, monkeypatch) as app:
        world = make_world(app, data.PLAN["code"])
        people = make_people(app, world, CLIENTS)
    setup_seconds = time.perf_counter() - started

    measured = serve_and_run(env, bench_database, world, people, tmp_path / "server.log")

    backend = sa.engine.make_url(bench_database).get_backend_name()
    label = f"load | {backend:<10} |"
    print(f"\n\nMixed load benchmark on {backend}")
    print(
        f"{label} data: the demo plan and {ITEMS:,} more items ({len(world.item_ids):,} in "
        f"all), {len(people)} users ({roles_of(people)}), "
        f"{len(world.all_hot_items)} hot items of {len(world.hot_items)} agencies; set up in "
        f"{setup_seconds:.1f} s; app code from {app_code(env)}"
    )
    report(label, measured)

    outcome = measured.outcome
    assert not outcome.crashes, outcome.crashes[0]
    totals = total(outcome.tallies)
    server_errors, connection_errors = totals.server_errors, totals.connection_errors
    by_kind = {kind: tally.samples for kind, tally in outcome.tallies.items() if tally.errors}
    assert server_errors == 0, f"{server_errors} answers 5xx, samples by kind: {by_kind}"
    assert connection_errors == 0, f"{connection_errors} connection errors: {by_kind}"


def serve_and_run(env: dict, url: str, world: World, people: list[Person], log_path) -> Measured:
    """`mediaplan serve` with its scheduler leading, an API token made for each user on the
    server's token page, the clients against it, then the checks of the data they left."""
    engine = sa.create_engine(url)
    try:
        with serving(env, log_path) as (process, port):
            wait_for_scheduler(engine, process, log_path)
            people = [issue_token(port, person) for person in people]
            load_before, cpu_before = os.getloadavg(), cpu_seconds(process.pid)
            outcome = run_clients(port, world, people)
            load_after, cpu_after = os.getloadavg(), cpu_seconds(process.pid)
        history = status_history(engine, world.all_hot_items)
        comments_found = count_comments(engine)
    finally:
        engine.dispose()
    return Measured(
        outcome,
        (load_before, load_after),
        (cpu_before, cpu_after),
        history,
        comments_found,
        log_path.read_text(),
    )


def make_world(app, plan_code: str) -> World:
    """The items of the plan and who leads them; the first items of each hot agency (the
    demo plan's own, which come first) are its hot ones."""
    with app.app_context():
        plan_id = db.session.scalar(sa.select(Plan.id).where(Plan.code == plan_code))
        rows = db.session.execute(
            sa.select(PlanItem.id, PlanItem.lead_agency_id)
            .where(PlanItem.plan_id == plan_id)
            .order_by(PlanItem.id)
        ).all()
        agencies = dict(db.session.execute(sa.select(Agency.code, Agency.id)).all())
    led: dict[int, list[int]] = {}
    for item_id, agency_id in rows:
        led.setdefault(agency_id, []).append(item_id)
    hot = {agencies[code]: led[agencies[code]][:HOT_ITEMS_PER_AGENCY] for code in HOT_AGENCIES}
    others = {
        agency_id: items[HOT_ITEMS_PER_AGENCY : HOT_ITEMS_PER_AGENCY + OTHER_ITEMS_PER_AGENCY]
        for agency_id, items in led.items()
    }
    return World(plan_id, [item_id for item_id, _ in rows], sorted(agencies.values()), hot, others)


def make_people(app, world: World, clients: int) -> list[Person]:
    """One user per client, with some notifications (a few unread), so that the badge and the
    notifications page have something to show."""
    rng = random.Random(SEED)
    people = []
    with app.app_context():
        agencies = dict(db.session.execute(sa.select(Agency.code, Agency.id)).all())
        editors = 0
        for number in range(clients):
            role = ROLE_CYCLE[number % len(ROLE_CYCLE)]
            if role in EDITOR_ROLES and role not in AGENCY_OF_ROLE:
                code = HOT_AGENCIES[editors % len(HOT_AGENCIES)]
                editors += 1
            else:
                code = AGENCY_OF_ROLE[role]
            user = User(
                email=f"load{number:03d}-{role.replace('_', '-')}@bench.example",
                name=f"Load {number} ({role})",
                role=role,
                agency_id=agencies[code],
                password_hash=PASSWORD_HASH,
            )
            db.session.add(user)
            db.session.flush()
            db.session.add_all(notifications(rng, user, world))
            people.append(Person(number, user.email, PASSWORD, role, user.agency_id))
        db.session.commit()
    return people


def notifications(rng, user, world: World) -> list[OutboxMessage]:
    now = utcnow()
    messages = []
    for n in range(NOTIFICATIONS_PER_USER):
        item_id = rng.choice(world.item_ids)
        messages.append(
            OutboxMessage(
                recipient_id=user.id,
                email=user.email,
                language="ru",
                subject=f"Напоминание: пункт плана {item_id}",
                body="Срок пункта плана приближается. Проверьте статус и отчёт.",
                related_type="plan_item",
                related_id=item_id,
                state="sent",
                sent_at=now,
                read_at=None if n < UNREAD_PER_USER else now,
            )
        )
    return messages


def run_clients(port: int, world: World, people: list[Person]) -> Outcome:
    """Every client in a thread of its own; the clock starts when they are all at the start
    line, each with the login page open."""
    run = Run(port, world, len(people), SECONDS, PAUSE_SECONDS)
    clients = [Client(person, run, seed=SEED + person.number) for person in people]
    crashes: list[str] = []

    def work(client: Client) -> None:
        try:
            client.work()
        except Exception:
            crashes.append(traceback.format_exc())
            with contextlib.suppress(threading.BrokenBarrierError):
                run.start_line.abort()

    threads = [threading.Thread(target=work, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + JOIN_SECONDS)
    crashes.extend(f"client {n} still running" for n, t in enumerate(threads) if t.is_alive())
    return Outcome(
        len(people),
        merge([client.record for client in clients]),
        run.started,
        time.perf_counter() - run.started,
        sorted(run.first_logins),
        sum(client.comments_saved for client in clients),
        crashes,
    )


def status_history(engine, item_ids: list[int]) -> History:
    """Whether each item's status changes still form one chain, each starting from the status
    the one before ended in, and end in the item's status. Two transitions decided on the same
    old status (neither saw the other) show up as a broken link."""
    changes = sa.text(
        "SELECT item_id, from_status, to_status FROM plan_item_status_changes "
        "WHERE item_id IN :ids ORDER BY item_id, changed_at, id"
    ).bindparams(sa.bindparam("ids", expanding=True))
    statuses = sa.text("SELECT id, status FROM plan_items WHERE id IN :ids").bindparams(
        sa.bindparam("ids", expanding=True)
    )
    with engine.connect() as connection:
        rows = connection.execute(changes, {"ids": item_ids}).all()
        current = dict(connection.execute(statuses, {"ids": item_ids}).all())
    broken: list[str] = []
    last: dict[int, str] = {}
    for item_id, from_status, to_status in rows:
        if item_id in last and from_status != last[item_id]:
            broken.append(f"item {item_id}: to {last[item_id]}, then {from_status} -> {to_status}")
        last[item_id] = to_status
    wrong_ends = sum(1 for item_id, status in current.items() if last.get(item_id) != status)
    return History(len(rows), broken, wrong_ends)


def count_comments(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT count(*) FROM comments WHERE body LIKE 'Комментарий %'")
        ).scalar_one()


def app_code(env: dict) -> str:
    """Where the server's `mediaplan` comes from: the same interpreter, environment and
    working directory as `mediaplan serve`, whose script only imports mediaplan.cli."""
    found = subprocess.run(
        [sys.executable, "-c", "import mediaplan; print(mediaplan.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return str(Path(found.stdout.strip()).parent)


def logged_errors(log: str) -> Counter[str]:
    """The ERROR records of the server's log, each with the last exception its traceback
    names (the one that surfaced), counted alike."""
    found: Counter[str] = Counter()
    header, exception = None, ""

    def close() -> None:
        if header is not None:
            found[f"{header}{': ' if exception else ''}{exception}"[:220]] += 1

    for line in log.splitlines():
        if LOG_RECORD_RE.match(line):
            close()
            header, exception = (line, "") if line.startswith("ERROR:") else (None, "")
        elif header is not None and EXCEPTION_LINE_RE.match(line):
            exception = line
    close()
    return found


def cpu_seconds(server_pid: int) -> tuple[float, float]:
    """CPU seconds used so far by the server process and by this one, whose threads are the
    clients: they share the machine's cores."""
    fields = Path(f"/proc/{server_pid}/stat").read_text().rpartition(")")[2].split()
    # utime and stime, the 14th and 15th fields of the line, in clock ticks.
    server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return server, usage.ru_utime + usage.ru_stime


def total(tallies: dict[str, Tally]) -> Tally:
    summed = Tally()
    for tally in tallies.values():
        summed.add(tally)
    return summed


def roles_of(people: list[Person]) -> str:
    counts = Counter(person.role for person in people)
    return ", ".join(f"{count} {role}" for role, count in counts.most_common())


def fmt_load(load: tuple[float, float, float]) -> str:
    return "/".join(f"{value:.2f}" for value in load)


def report(label: str, measured: Measured) -> None:
    """Lines to be copied as they are: the run, one line per kind of request, the totals,
    the login rush, the server's log and the checks of the data."""
    outcome = measured.outcome
    (load_before, load_after), (cpu_before, cpu_after) = measured.load, measured.cpu
    cores = os.cpu_count() or 1
    print(
        f"{label} {outcome.clients} clients for {SECONDS:.0f} s (ran {outcome.seconds:.1f} s), "
        f"pauses 0-{2 * PAUSE_SECONDS * 1000:.0f} ms, one `mediaplan serve` with its "
        f"scheduler; load average {fmt_load(load_before)} before, {fmt_load(load_after)} "
        f"after, {cores} cores"
    )
    print(
        f"{label} cpu time during the run: server {cpu_after[0] - cpu_before[0]:.1f} s, "
        f"clients {cpu_after[1] - cpu_before[1]:.1f} s, of {outcome.seconds * cores:.0f} s"
    )
    # Once every client is in: the first requests wait behind fifty password checks.
    rush_end = outcome.started + (outcome.first_logins[-1] if outcome.first_logins else 0)
    for kind, tally in sorted(outcome.tallies.items(), key=lambda pair: -pair[1].requests):
        print(kind_line(label, kind, tally, rush_end))
    totals = total(outcome.tallies)
    print(
        f"{kind_line(label, 'total', totals, rush_end)} | "
        f"{totals.requests / outcome.seconds:.1f} req/s"
    )
    print(
        f"{label} errors: {totals.server_errors} 5xx, {totals.connection_errors} connection, "
        f"{totals.unexpected} unexpected answers"
    )
    for kind, tally in outcome.tallies.items():
        for sample in tally.samples:
            print(f"{label} error sample | {kind} | {sample}")
    logins = outcome.first_logins
    if logins:
        print(
            f"{label} login rush | {len(logins)} of {outcome.clients} clients logged "
            f"in | median {statistics.median(logins):.2f} s | last after {logins[-1]:.2f} s"
        )
        print_phases(label, outcome, rush_seconds=logins[-1])
    else:
        print(f"{label} login rush | no client logged in")
    errors = logged_errors(measured.log)
    print(f"{label} server log | {sum(errors.values())} errors logged")
    for line, count in errors.most_common(LOGGED_ERRORS_SHOWN):
        print(f"{label} server log | {count} x {line}")
    history = measured.history
    print(
        f"{label} status history of the hot items | {history.changes} changes | "
        f"{len(history.broken)} broken links | {history.wrong_ends} items whose status is "
        "not where their history ends"
    )
    for link in history.broken[:LOGGED_ERRORS_SHOWN]:
        print(f"{label} broken link | {link}")
    print(
        f"{label} comments | {outcome.comments_saved} confirmed by the server | "
        f"{measured.comments_found} in the database"
    )
    for crash in outcome.crashes:
        print(f"{label} client crashed:\n{crash}")


def print_phases(label: str, outcome: Outcome, *, rush_seconds: float) -> None:
    """Every request begun during the login rush (until the last first login) apart from
    those begun after it: the working morning once everyone is in."""
    end = outcome.started + rush_seconds
    phases: dict[str, list[float]] = {"during the login rush": [], "after it": []}
    for tally in outcome.tallies.values():
        for began, latency in zip(tally.starts, tally.latencies, strict=True):
            phases["during the login rush" if began < end else "after it"].append(latency)
    for phase, latencies in phases.items():
        p50, p95 = percentile_ms(latencies, 50), percentile_ms(latencies, 95)
        print(
            f"{label} {phase:<21} | {len(latencies):5} requests | p50 {p50:5.0f} ms | "
            f"p95 {p95:5.0f} ms"
        )


def kind_line(label: str, kind: str, tally: Tally, rush_end: float) -> str:
    after_rush = [
        latency
        for began, latency in zip(tally.starts, tally.latencies, strict=True)
        if began >= rush_end
    ]
    later = f"{percentile_ms(after_rush, 95):5.0f} ms" if after_rush else "    - ms"
    return (
        f"{label} {kind:<13} | {tally.requests:5} requests | {tally.errors:3} errors | "
        f"{tally.refused:3} refused | p50 {tally.latency_ms(50):5.0f} ms | "
        f"p95 {tally.latency_ms(95):5.0f} ms | p95 after the login rush {later}"
    )
