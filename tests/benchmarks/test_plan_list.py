"""The plan list with 10,000 items, served by `mediaplan serve`: its requests per second against
/healthz's on the same server in the same run, and its query count whatever the page size.

Two servers run one after the other on the same database:

- scheduler off (MEDIAPLAN_SCHEDULER=off), the configuration of the earlier figures: /healthz
  and two fixed pages, asked again and again (warm);
- scheduler on, as `make run` serves, the scheduler leading inside the server process: the
  same, and a stream of requests whose filters are new on every request, in other orders and
  with free text (cold, see filter_stream.py): nothing kept for a set of filters can serve
  them. The target, a quarter of /healthz, is asserted on this cold figure.

The plan table keeps an in-memory index of each version of a plan's items (plan/index.py),
built at the first view after a change; the time of that first view is measured in-process
after real edits and reported beside the rest.

Each target is measured in several rounds, alternating with the others, and the best round of
each counts: other work on the machine slows some rounds down, never speeds one up. Latencies
are over every round. BENCH_ROUNDS sets the number of rounds (default 5)."""

import contextlib
import datetime as dt
import http.client
import http.cookies
import os
import re
import secrets
import statistics
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.benchmarks import bulk
from tests.benchmarks.filter_stream import FilteredRequest, FilterStream, summarize
from tests.conftest import log_in_browser
from tests.servers import HOST, mediaplan_command, server_env, serving

pytestmark = pytest.mark.benchmark

ITEMS = 10_000
MIN_RATIO = 0.25
HEALTHZ = "/healthz"
FILTERED = "/plan?direction=media_plan&region=osh&page=3"
UNFILTERED = "/plan"
# Not a path: the label of the stream of requests with new filters each.
COLD = "/plan?<filters new on every request>"
# A fixed number of requests per target and round, from CLIENT_THREADS keep-alive connections;
# a round also stops after ROUND_SECONDS.
REQUESTS = {HEALTHZ: 400, FILTERED: 120, UNFILTERED: 120, COLD: 120}
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
ROUND_SECONDS = 15.0
WARM_UP_SECONDS = 300.0
CLIENT_THREADS = 4
WARM_UP = 20
PAGE_SIZE = 25
PAGE_SIZES = (10, 25, 100)
AFTER_CHANGE_EDITS = 5
EMAIL = "bench-viewer@example.org"
SEED = 2025
# The scheduler records a heartbeat every 2 s; older than this it would count as stale.
MAX_HEARTBEAT_AGE = 10.0

CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
ROW_LINK = b'<a href="/plan/items/'
# "1234 items" above the table, in the page's language.
TOTAL_RE = re.compile(rb'class="muted count">(\d+)')


@dataclass(frozen=True)
class Server:
    name: str
    env: dict[str, str]
    targets: tuple[str, ...]
    scheduler: bool


SERVERS = (
    Server("scheduler off", {"MEDIAPLAN_SCHEDULER": "off"}, (HEALTHZ, FILTERED, UNFILTERED), False),
    Server(
        "scheduler on", {"MEDIAPLAN_SCHEDULER": "on"}, (HEALTHZ, FILTERED, UNFILTERED, COLD), True
    ),
)


@dataclass
class Measurement:
    done: list[str] = field(default_factory=list)
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return len(self.done) / self.seconds if self.seconds else 0.0


@dataclass
class Target:
    path: str
    rounds: list[Measurement] = field(default_factory=list)

    @property
    def best(self) -> Measurement:
        return max(self.rounds, key=lambda measurement: measurement.per_second)

    @property
    def requests(self) -> int:
        return sum(len(measurement.done) for measurement in self.rounds)

    @property
    def failures(self) -> list[str]:
        return [failure for measurement in self.rounds for failure in measurement.failures]

    def latency_ms(self, percent: int) -> float:
        latencies = [latency for measurement in self.rounds for latency in measurement.latencies]
        return statistics.quantiles(latencies, n=100)[percent - 1] * 1000


@dataclass
class ColdStream:
    """The cold requests: a warm-up of one request per shape of the timed ones (with other
    filters), then ROUNDS slices of REQUESTS[COLD]."""

    warm_up: list[FilteredRequest]
    rounds: list[list[FilteredRequest]]

    def by_path(self) -> dict[str, FilteredRequest]:
        requests = self.warm_up + [request for chunk in self.rounds for request in chunk]
        return {request.path: request for request in requests}


@dataclass
class ServerRun:
    server: Server
    targets: dict[str, Target]
    scheduler_state: str = ""


def test_plan_list_against_healthz(bench_database, tmp_path, monkeypatch):
    started = time.perf_counter()
    instance = tmp_path / "instance"
    instance.mkdir()
    env = server_env(bench_database, instance)
    mediaplan(env, "db", "upgrade")
    # With the reminder rows of a plan in use, for the scheduler's dispatcher to look through.
    loaded = bulk.load_plan(bench_database, items=ITEMS, reminders=True)
    password = secrets.token_urlsafe(16)
    mediaplan(
        env,
        *("users", "create", "--email", EMAIL, "--name", "Bench Viewer", "--role", "viewer"),
        *("--agency", loaded.agency_codes[0], "--password-stdin"),
        stdin=password + "\n",
    )
    setup_seconds = time.perf_counter() - started

    with in_process_app(bench_database, instance, monkeypatch) as app:
        counts = query_counts(app)
        after_change = first_views_after_a_change(app, loaded)
        stream = cold_stream(app, loaded)
    by_path = stream.by_path()
    engine = sa.create_engine(bench_database)
    try:
        version = items_version(engine, loaded.plan_id)
        runs = [
            run_server(server, env | server.env, tmp_path, engine, password, stream)
            for server in SERVERS
        ]
        version_kept = items_version(engine, loaded.plan_id) == version
    finally:
        engine.dispose()

    cold = runs[-1].targets[COLD]
    summary = summarize(
        [by_path[path] for measurement in cold.rounds for path in measurement.done],
        [latency for measurement in cold.rounds for latency in measurement.latencies],
        {request.filters for request in stream.warm_up},
    )
    backend = sa.engine.make_url(bench_database).get_backend_name()
    report(backend, loaded, runs, summary, counts, setup_seconds, version_kept, after_change)

    for run in runs:
        for target in run.targets.values():
            assert not target.failures, f"{run.server.name}: {target.failures[:5]}"
    for path in (FILTERED, UNFILTERED):
        assert len(set(counts[path].values())) == 1, f"{path}: queries by page size {counts[path]}"
    # Otherwise the servers would have rebuilt their index during the run.
    assert version_kept, "the plan's items changed while the servers were measured"
    ratio = cold.best.per_second / runs[-1].targets[HEALTHZ].best.per_second
    assert ratio >= MIN_RATIO, (
        f"the cold plan list at {ratio:.1%} of /healthz, below {MIN_RATIO:.0%}"
    )


def run_server(
    server: Server, env: dict, tmp_path: Path, engine, password: str, stream: ColdStream
) -> ServerRun:
    run = ServerRun(server, {path: Target(path) for path in server.targets})
    log_path = tmp_path / f"server-{server.name.replace(' ', '-')}.log"
    with serving(env, log_path) as (process, port):
        if server.scheduler:
            wait_for_scheduler(engine, process, log_path)
        cookie = log_in(port, EMAIL, password)
        expected = stream.by_path()
        for path in run.targets:
            if path == COLD:
                paths = [request.path for request in stream.warm_up]
                # However long it takes: every shape is to be compiled before the rounds.
                warm_up = measure(
                    port, paths, cookie, check=page_check(expected), seconds=WARM_UP_SECONDS
                )
                assert not warm_up.failures, warm_up.failures[:5]
            else:
                warm_up_fixed(port, path, cookie)
        for number in range(ROUNDS):
            for path, target in run.targets.items():
                if path == COLD:
                    paths = [request.path for request in stream.rounds[number]]
                    check = page_check(expected)
                else:
                    paths, check = [path] * REQUESTS[path], None
                target.rounds.append(measure(port, paths, cookie, check=check))
        if server.scheduler:
            run.scheduler_state = scheduler_still_leading(engine, process)
        else:
            assert not leads(leader(engine), process), "the server scheduled with the scheduler off"
    return run


def cold_stream(app, loaded) -> ColdStream:
    """The cold requests, drawn before any server runs so that drawing is not timed. Each
    statement shape of the timed requests is asked once in the warm-up with other filters:
    a server that has run a while has compiled the shapes people use, so the cold figure is
    about counting the totals, not about compiling SQL."""
    from mediaplan.extensions import db
    from mediaplan.plan.filters import PlanScope, item_conditions
    from mediaplan.plan.models import Plan, PlanItem
    from mediaplan.plan.schemas import load_query

    with app.app_context():
        plan = db.session.get(Plan, loaded.plan_id)
        scope = PlanScope(plan.id, plan.starts_on)

        def count_items(params: dict[str, str]) -> int:
            # Read by the server's own query-string parser: a value it would drop would turn
            # the request into another one, maybe one already counted.
            query, errors = load_query(params)
            assert not errors, f"{params}: {errors}"
            conditions = item_conditions(query["filters"], scope)
            return db.session.scalar(sa.select(sa.func.count(PlanItem.id)).where(*conditions))

        stream = FilterStream(
            count_items, list(loaded.agency_ids.values()), page_size=PAGE_SIZE, seed=SEED
        )
        timed = stream.take(ROUNDS * REQUESTS[COLD])
        shapes = sorted({request.shape for request in timed}, key=repr)
        warm_up = [request for shape in shapes if (request := stream.draw(shape))]
        db.session.rollback()
    size = REQUESTS[COLD]
    return ColdStream(warm_up, [timed[n : n + size] for n in range(0, len(timed), size)])


def page_check(expected: dict[str, FilteredRequest]) -> Callable[[str, bytes], str | None]:
    """Whether a cold page shows the items its filters match: a filter the server ignored
    would make the request another one, maybe one whose total it already knows."""

    def check(path: str, body: bytes) -> str | None:
        request = expected[path]
        rows = body.count(ROW_LINK)
        total = TOTAL_RE.search(body)
        if total is None:
            return f"{path}: the page shows no item count"
        if rows != request.rows or int(total.group(1)) != request.total:
            return (
                f"{path}: {rows} rows of {total.group(1)}, "
                f"expected {request.rows} of {request.total}"
            )
        return None

    return check


def mediaplan(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [mediaplan_command(), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"mediaplan {' '.join(args)}: {result.stderr}"
    return result.stdout


# The scheduler's state is read from its tables rather than from /healthz, whose shape is
# the application's to change.
LEADER_TABLE = sa.table(
    "scheduler_leader",
    sa.column("holder"),
    sa.column("heartbeat_at", sa.DateTime()),
    sa.column("released_at", sa.DateTime()),
)
LEADER = sa.select(LEADER_TABLE.c.holder, LEADER_TABLE.c.heartbeat_at, LEADER_TABLE.c.released_at)
STORED_JOBS = sa.text("SELECT count(*) FROM scheduler_jobs")


def leader(engine) -> sa.Row | None:
    with engine.connect() as connection:
        return connection.execute(LEADER).first()


def leads(row: sa.Row | None, process: subprocess.Popen) -> bool:
    """Whether ``row`` names ``process`` (holders are host:pid) as the leader now."""
    return row is not None and row.holder.endswith(f":{process.pid}") and row.released_at is None


def wait_for_scheduler(engine, process: subprocess.Popen, log_path: Path) -> None:
    """Until the server's own scheduler leads and has stored its jobs: its start-up is not
    what this benchmark measures, its running beside the requests is."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if leads(leader(engine), process):
            with engine.connect() as connection:
                if connection.execute(STORED_JOBS).scalar():
                    return
        time.sleep(0.1)
    pytest.fail(f"the server's scheduler did not start within 30 s: {log_path.read_text()}")


def scheduler_still_leading(engine, process: subprocess.Popen) -> str:
    row = leader(engine)
    assert leads(row, process), f"the server's scheduler no longer leads: {row}"
    beat = row.heartbeat_at if row.heartbeat_at.tzinfo else row.heartbeat_at.replace(tzinfo=dt.UTC)
    age = (dt.datetime.now(dt.UTC) - beat).total_seconds()
    assert age < MAX_HEARTBEAT_AGE, f"the server's scheduler stalled: heartbeat {age:.1f} s old"
    return (
        f"scheduler led by the server (pid {process.pid}) before and after the rounds, "
        f"last heartbeat {age:.1f} s old"
    )


def items_version(engine, plan_id: int) -> str:
    with engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT items_version FROM plans WHERE id = :id"), {"id": plan_id}
        ).scalar_one()


def session_cookie(response: http.client.HTTPResponse) -> str | None:
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = http.cookies.SimpleCookie(header)
        if "session" in cookie:
            return f"session={cookie['session'].value}"
    return None


def log_in(port: int, email: str, password: str) -> str:
    """A real login with the CSRF token of the login form; returns the Cookie header."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", "/login", headers={"Accept-Language": "ru"})
    response = connection.getresponse()
    page = response.read().decode()
    cookie = session_cookie(response)
    token = CSRF_RE.search(page)
    assert response.status == 200 and cookie and token, "no login form"
    form = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "email": email, "password": password, "next": ""}
    )
    connection.request(
        "POST",
        "/login",
        body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 302, f"login answered {response.status}"
    assert response.getheader("Location", "").endswith("/plan")
    cookie = session_cookie(response)
    assert cookie
    return cookie


def headers(cookie: str) -> dict[str, str]:
    return {"Cookie": cookie, "Accept-Language": "ru"}


def warm_up_fixed(port: int, path: str, cookie: str) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    for _ in range(WARM_UP):
        connection.request("GET", path, headers=headers(cookie))
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200, f"{path}: {response.status}"
    connection.close()
    if path.startswith("/plan"):
        assert body.count(ROW_LINK) == PAGE_SIZE, f"{path} does not show a full page"


def measure(
    port: int,
    paths: list[str],
    cookie: str,
    *,
    check: Callable[[str, bytes], str | None] | None = None,
    seconds: float = ROUND_SECONDS,
) -> Measurement:
    """GET each of ``paths`` once, in order, from CLIENT_THREADS threads with keep-alive
    connections; stops early after ``seconds``. ``check`` looks at each body and returns
    what is wrong with it, if anything."""
    result = Measurement()
    lock = threading.Lock()
    tickets = iter(paths)
    start_line = threading.Barrier(CLIENT_THREADS + 1)
    deadline = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        done, latencies, failures = [], [], []
        start_line.wait()
        while time.perf_counter() < deadline:
            with lock:
                path = next(tickets, None)
            if path is None:
                break
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers(cookie))
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                failures.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            latencies.append(time.perf_counter() - began)
            done.append(path)
            if response.status != 200:
                failures.append(f"{path}: {response.status}")
            elif check is not None and (problem := check(path, body)):
                failures.append(problem)
        connection.close()
        with lock:
            result.done.extend(done)
            result.latencies.extend(latencies)
            result.failures.extend(failures)

    threads = [threading.Thread(target=client) for _ in range(CLIENT_THREADS)]
    for thread in threads:
        thread.start()
    start_line.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - began
    return result


@contextlib.contextmanager
def in_process_app(url: str, instance: Path, monkeypatch):
    from mediaplan.app import create_app
    from mediaplan.extensions import db

    monkeypatch.setenv("MEDIAPLAN_INSTANCE_PATH", str(instance))
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "bench"})
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()


def logged_in_client(app):
    from mediaplan.extensions import db
    from mediaplan.users.models import User

    with app.app_context():
        user = db.session.scalars(sa.select(User).where(User.email == EMAIL)).one()
    client = app.test_client()
    log_in_browser(app, client, user)
    return client


def first_views_after_a_change(app, loaded) -> list[float]:
    """Seconds of the first view of the plan after each of a few edits of an item: the view
    that builds the plan's index again."""
    from mediaplan.extensions import db
    from mediaplan.plan.models import PlanItem

    client = logged_in_client(app)
    assert client.get(UNFILTERED).status_code == 200
    seconds = []
    for edit in range(AFTER_CHANGE_EDITS):
        with app.app_context():
            item = db.session.scalars(
                sa.select(PlanItem).where(PlanItem.plan_id == loaded.plan_id).offset(edit)
            ).first()
            item.title_en = f"{item.title_en} (edited {edit})"
            db.session.commit()
        started = time.perf_counter()
        response = client.get(UNFILTERED)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200
        # The next view of the same version is an ordinary one again.
        assert client.get(FILTERED).status_code == 200
    return seconds


def query_counts(app) -> dict[str, dict[int, int]]:
    """Statements per request of each plan list for each page size, in-process, on the first
    view of the plan's version, which builds the plan's index."""
    from mediaplan.extensions import db
    from mediaplan.plan import PLAN_INDEXES

    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    counts: dict[str, dict[int, int]] = {FILTERED: {}, UNFILTERED: {}}
    with app.app_context():
        engine = db.engine
    client = logged_in_client(app)
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        for path in counts:
            for per_page in PAGE_SIZES:
                separator = "&" if "?" in path else "?"
                app.extensions[PLAN_INDEXES].clear()
                statements.clear()
                response = client.get(f"{path}{separator}per_page={per_page}")
                assert response.status_code == 200
                assert response.get_data(as_text=True).count('<a href="/plan/items/') == per_page
                counts[path][per_page] = len(statements)
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return counts


def report(
    backend, loaded, runs: list[ServerRun], summary, counts, setup_seconds, version_kept, after
):
    """One self-contained line per figure, to be copied as it is."""
    print(
        f"\n\nPlan list benchmark on {backend}: {loaded.items:,} items, {loaded.tags:,} tags, "
        f"{loaded.co_executors:,} co-executors, {loaded.reminders:,} reminders, set up in "
        f"{setup_seconds:.1f} s; {CLIENT_THREADS} client threads; req/s of the best of "
        f"{ROUNDS} rounds, ratio to /healthz on the same server, p50/p95 over all rounds; "
        "scheduler off: MEDIAPLAN_SCHEDULER=off as for the earlier figures, scheduler on: "
        "as `make run` serves"
    )
    for run in runs:
        healthz = run.targets[HEALTHZ].best.per_second
        for path, target in run.targets.items():
            kind = "healthz" if path == HEALTHZ else "cold" if path == COLD else "warm"
            best = target.best.per_second
            goal = f" (target >= {MIN_RATIO:.0%})" if path == COLD else ""
            print(
                f"plan list | {backend:<10} | {run.server.name:<13} | {kind:<7} | "
                f"{best:7.1f} req/s | {best / healthz:6.1%} of /healthz{goal:<15} | "
                f"p50 {target.latency_ms(50):6.1f} ms | p95 {target.latency_ms(95):6.1f} ms | "
                f"{target.requests:5} requests | GET {path}"
            )
    cold = f"plan list | {backend:<10} | {runs[-1].server.name:<13} | cold    |"
    sizes = ", ".join(
        f"{size}: {count}" for size, count in sorted(summary.filters_per_request.items())
    )
    totals = summary.totals
    print(
        f"{cold} {summary.requests} requests, {summary.filter_sets} distinct filter sets, "
        f"{summary.first_seen} not asked before on this server: a cache by filters would "
        f"miss {summary.miss_rate:.1%}"
    )
    print(
        f"{cold} requests by number of filters {{{sizes}}}; matching items median "
        f"{statistics.median(totals):.0f} (min {totals[0]}, max {totals[-1]}); "
        f"{summary.first_pages / summary.requests:.0%} first pages, "
        f"{summary.other_orders / summary.requests:.0%} in another order; "
        f"{summary.shapes} statement shapes, each asked once in the warm-up with other filters"
    )
    kinds = "; ".join(
        f"{kind} {median * 1000:.1f} ms ({count})"
        for kind, (median, count) in summary.latency_by_kind.items()
    )
    print(f"{cold} p50 by kind (requests): {kinds}")
    for run in runs:
        if run.server.scheduler:
            print(f"plan list | {backend:<10} | {run.server.name:<13} | {run.scheduler_state}")
    print(
        f"plan list | {backend:<10} | first view after an edit (index rebuilt), in-process, "
        f"{len(after)} edits: median {statistics.median(after) * 1000:.0f} ms, "
        f"max {max(after) * 1000:.0f} ms"
    )
    kept = "unchanged" if version_kept else "CHANGED"
    print(f"plan list | {backend:<10} | plan items version {kept} while the servers were measured")
    for path, by_size in counts.items():
        sizes = ", ".join(f"per_page={size}: {count}" for size, count in by_size.items())
        print(
            f"plan list | {backend:<10} | SQL statements per request (first view of the "
            f"plan version), {path}: {sizes}"
        )
