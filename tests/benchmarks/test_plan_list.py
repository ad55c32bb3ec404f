"""The plan list with 10,000 items, served by `mediaplan serve`: its requests per second must be
at least a quarter of /healthz's on the same server in the same run, and its query count must
not depend on the page size.

Each target is measured in several rounds, alternating with the others, and the best round of
each counts: other work on the machine slows some rounds down, never speeds one up."""

import contextlib
import http.client
import http.cookies
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import bulk
import pytest
import sqlalchemy as sa

from tests.conftest import POSTGRES_URL, _postgres_database

pytestmark = pytest.mark.benchmark

ITEMS = 10_000
MIN_RATIO = 0.25
HOST = "127.0.0.1"
HEALTHZ = "/healthz"
FILTERED = "/plan?direction=media_plan&region=osh&page=3"
UNFILTERED = "/plan"
# A fixed number of requests per target and round, from CLIENT_THREADS keep-alive connections;
# a round also stops after ROUND_SECONDS.
REQUESTS = {HEALTHZ: 400, FILTERED: 120, UNFILTERED: 120}
ROUNDS = 5
ROUND_SECONDS = 15.0
CLIENT_THREADS = 4
WARM_UP = 20
PAGE_SIZES = (10, 25, 100)
EMAIL = "bench-viewer@example.org"

CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass
class Measurement:
    path: str
    done: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


@dataclass
class Target:
    path: str
    rounds: list[Measurement] = field(default_factory=list)

    @property
    def best(self) -> Measurement:
        return max(self.rounds, key=lambda measurement: measurement.per_second)

    @property
    def requests(self) -> int:
        return sum(measurement.done for measurement in self.rounds)

    @property
    def failures(self) -> list[str]:
        return [failure for measurement in self.rounds for failure in measurement.failures]

    def latency_ms(self, percent: int) -> float:
        latencies = [latency for measurement in self.rounds for latency in measurement.latencies]
        return statistics.quantiles(latencies, n=100)[percent - 1] * 1000


@pytest.fixture(params=["sqlite"] + (["postgresql"] if POSTGRES_URL else []))
def bench_database(request, tmp_path):
    """A fresh database URL for the benchmark, removed afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bench.db'}"
        return
    yield from _postgres_database(POSTGRES_URL)


def test_plan_list_against_healthz(bench_database, tmp_path, monkeypatch):
    started = time.perf_counter()
    instance = tmp_path / "instance"
    instance.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("MEDIAPLAN_")}
    env |= {
        "MEDIAPLAN_INSTANCE_PATH": str(instance),
        "MEDIAPLAN_DATABASE_URL": bench_database,
        "MEDIAPLAN_SECRET_KEY": secrets.token_hex(16),
        # Reminder and digest jobs over 10,000 items would run in the server while it is timed.
        "MEDIAPLAN_SCHEDULER": "off",
    }
    mediaplan(env, "db", "upgrade")
    loaded = bulk.load_plan(bench_database, items=ITEMS)
    password = secrets.token_urlsafe(16)
    mediaplan(
        env,
        *("users", "create", "--email", EMAIL, "--name", "Bench Viewer", "--role", "viewer"),
        *("--agency", loaded.agency_codes[0], "--password-stdin"),
        stdin=password + "\n",
    )
    setup_seconds = time.perf_counter() - started

    counts = query_counts(bench_database, instance, monkeypatch)
    targets = {path: Target(path) for path in REQUESTS}
    with running_server(env, tmp_path / "server.log") as port:
        cookie = log_in(port, EMAIL, password)
        for path in targets:
            warm_up(port, path, cookie)
        for _ in range(ROUNDS):
            for path, target in targets.items():
                target.rounds.append(measure(port, path, cookie, REQUESTS[path]))

    report(bench_database, loaded, targets, counts, setup_seconds)
    for target in targets.values():
        assert not target.failures, target.failures[:5]
    for path in (FILTERED, UNFILTERED):
        assert len(set(counts[path].values())) == 1, f"{path}: queries by page size {counts[path]}"
    ratio = targets[FILTERED].best.per_second / targets[HEALTHZ].best.per_second
    assert ratio >= MIN_RATIO, f"the plan list at {ratio:.1%} of /healthz, below {MIN_RATIO:.0%}"


def mediaplan_command() -> list[str]:
    """The `mediaplan` console script of this virtualenv."""
    script = Path(sys.executable).with_name("mediaplan")
    return [str(script) if script.exists() else shutil.which("mediaplan") or "mediaplan"]


def mediaplan(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [*mediaplan_command(), *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"mediaplan {' '.join(args)}: {result.stderr}"
    return result.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(env: dict, log_path: Path):
    """`mediaplan serve` on a free loopback port; stopped however the block ends."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*mediaplan_command(), "serve", "--host", HOST, "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(server, port, log_path)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)


def wait_until_up(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited: {log_path.read_text()}")
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", HEALTHZ)
            if connection.getresponse().status == 200:
                connection.close()
                return
        time.sleep(0.1)
    pytest.fail(f"the server did not answer within 30 s: {log_path.read_text()}")


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


def warm_up(port: int, path: str, cookie: str) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    for _ in range(WARM_UP):
        connection.request("GET", path, headers=headers(cookie))
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200, f"{path}: {response.status}"
    connection.close()
    if path.startswith("/plan"):
        assert body.count(b'<a href="/plan/items/') == 25, f"{path} does not show a full page"


def measure(port: int, path: str, cookie: str, requests: int) -> Measurement:
    """GET ``path`` ``requests`` times from CLIENT_THREADS threads with keep-alive
    connections; stops early after ROUND_SECONDS."""
    result = Measurement(path)
    lock = threading.Lock()
    tickets = iter(range(requests))
    start_line = threading.Barrier(CLIENT_THREADS + 1)
    deadline = time.perf_counter() + ROUND_SECONDS

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        latencies, failures = [], []
        start_line.wait()
        while time.perf_counter() < deadline:
            with lock:
                if next(tickets, None) is None:
                    break
            began = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers(cookie))
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException) as error:
                failures.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)
                continue
            latencies.append(time.perf_counter() - began)
            if response.status != 200:
                failures.append(f"{path}: {response.status}")
        connection.close()
        with lock:
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
    result.done = len(result.latencies)
    return result


def query_counts(url: str, instance: Path, monkeypatch) -> dict[str, dict[int, int]]:
    """Statements per request of each plan list for each page size, in-process, on the first
    view of the filters: the total is counted then, and taken from memory on later views."""
    from mediaplan.app import create_app
    from mediaplan.extensions import db
    from mediaplan.plan import TOTALS_CACHE
    from mediaplan.users.models import User

    monkeypatch.setenv("MEDIAPLAN_INSTANCE_PATH", str(instance))
    app = create_app({"TESTING": True, "DATABASE_URL": url, "SECRET_KEY": "bench"})
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    counts: dict[str, dict[int, int]] = {FILTERED: {}, UNFILTERED: {}}
    with app.app_context():
        engine = db.engine
        user = db.session.scalars(sa.select(User).where(User.email == EMAIL)).one()
        session_id = user.get_id()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = session_id
        session["_fresh"] = True
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        for path in counts:
            for per_page in PAGE_SIZES:
                separator = "&" if "?" in path else "?"
                app.extensions[TOTALS_CACHE].clear()
                statements.clear()
                response = client.get(f"{path}{separator}per_page={per_page}")
                assert response.status_code == 200
                assert response.get_data(as_text=True).count('<a href="/plan/items/') == per_page
                counts[path][per_page] = len(statements)
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
        with app.app_context():
            engine.dispose()
    return counts


def report(url: str, loaded, targets: dict[str, Target], counts: dict, setup_seconds: float):
    healthz = targets[HEALTHZ].best.per_second
    backend = sa.engine.make_url(url).get_backend_name()
    print(
        f"\n\nPlan list benchmark on {backend}: {loaded.items:,} items, {loaded.tags:,} tags, "
        f"{loaded.co_executors:,} co-executors, set up in {setup_seconds:.1f} s; "
        f"{CLIENT_THREADS} client threads, best of {ROUNDS} rounds"
    )
    print(f"{'GET':<46} {'requests':>8} {'req/s':>7} {'ratio':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for path, target in targets.items():
        best = target.best.per_second
        print(
            f"{path:<46} {target.requests:>8} {best:>7.1f} {best / healthz:>6.1%} "
            f"{target.latency_ms(50):>7.1f} {target.latency_ms(95):>7.1f}"
        )
    for path, by_size in counts.items():
        sizes = ", ".join(f"per_page={size}: {count}" for size, count in by_size.items())
        print(f"SQL statements per request (first view of the filters), {path}: {sizes}")
