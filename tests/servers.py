"""`mediaplan serve` as a real process, for the tests that need a server of their own (the
browser tests, the installed wheel, the scheduler beside the web server, the benchmarks)."""

import contextlib
import http.client
import shutil
import socket
import subprocess
import sys
import time
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
