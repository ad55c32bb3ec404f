"""`mediaplan serve` as a real process, for the tests that need a server of their own (the
browser tests, the installed wheel, the scheduler beside the web server, the benchmarks)."""

import contextlib
import http.client
import http.cookies
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

HOST = "127.0.0.1"
START_SECONDS = 30


def mediaplan_command() -> str:
    """The `mediaplan` console script of this virtualenv."""
    script = Path(sys.executable).with_name("mediaplan")
    return str(script) if script.exists() else shutil.which("mediaplan") or "mediaplan"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def get(port: int, path: str, headers: dict | None = None) -> tuple[int | None, str]:
    """The status and body of a GET, or (None, "") while nothing listens."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    except ConnectionError:
        return None, ""
    finally:
        connection.close()


@contextlib.contextmanager
def serving(
    env: dict, log_path: Path, *, command: str | None = None, cwd: Path | None = None
) -> Iterator[tuple[subprocess.Popen, int]]:
    """`mediaplan serve` on a free loopback port, as (process, port) once /healthz answers;
    stopped however the block ends. Its output goes to ``log_path``, shown when it fails."""
    port = free_port()
    arguments = [command or mediaplan_command(), "serve", "--host", HOST, "--port", str(port)]
    with log_path.open("w") as log:
        server = subprocess.Popen(arguments, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_SECONDS
        while get(port, "/healthz")[0] is None:
            assert server.poll() is None, f"the server stopped:\n{log_path.read_text()}"
            assert time.monotonic() < deadline, (
                f"the server never answered:\n{log_path.read_text()}"
            )
            time.sleep(0.1)
        yield server, port
    finally:
        stop(server)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class Browser:
    """A browser for a served app: keeps its cookies, reads CSRF tokens from forms, follows no
    redirects. One per thread."""

    CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')

    def __init__(self, port: int, headers: dict | None = None) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.headers = headers or {}

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        """(status, headers, text) of one request."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            sent = {**self.headers, **(headers or {})}
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie(header)
                for name, morsel in cookie.items():
                    deleted = morsel["max-age"] == "0" or "1970" in morsel["expires"]
                    if morsel.value and not deleted:
                        self.cookies[name] = morsel.value
                    else:
                        self.cookies.pop(name, None)
            return response.status, response.headers, text
        finally:
            connection.close()

    def get(self, path: str):
        return self.request("GET", path)

    def csrf(self, path: str = "/login") -> str:
        status, _headers, text = self.get(path)
        match = self.CSRF.search(text)
        assert match, f"no CSRF token on {path} ({status})"
        return match.group(1)

    def post(self, path: str, data: dict, *, token: str):
        body = urllib.parse.urlencode({"csrf_token": token, **data}, doseq=True).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, headers)

    def log_in(self, email: str, password: str) -> int:
        status, _headers, _text = self.post(
            "/login", {"email": email, "password": password}, token=self.csrf()
        )
        return status


def at_once(count: int, action) -> list:
    """Run ``action(n)`` for n in range(count) in as many threads, released together; returns
    the results in order."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(n: int) -> None:
        barrier.wait()
        results[n] = action(n)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def server_env(database_url: str, instance: Path, **settings: str) -> dict[str, str]:
    """The environment for a `mediaplan` process of a test: this one's without its own
    MEDIAPLAN_* settings, then the database, an instance folder, a secret key and ``settings``
    (given without the MEDIAPLAN_ prefix)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MEDIAPLAN_")}
    env |= {
        "MEDIAPLAN_DATABASE_URL": database_url,
        "MEDIAPLAN_INSTANCE_PATH": str(instance),
        "MEDIAPLAN_SECRET_KEY": secrets.token_hex(16),
    }
    return env | {f"MEDIAPLAN_{name}": str(value) for name, value in settings.items()}
