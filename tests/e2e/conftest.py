"""A real server on a fresh SQLite database, and Debian's Chromium driven by Playwright."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import HOST, serving

DEMO_PASSWORD = "e2e demo password"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """`mediaplan serve` on a migrated database holding the demo plan."""
    instance = tmp_path_factory.mktemp("e2e-instance")
    env = {
        **os.environ,
        "MEDIAPLAN_INSTANCE_PATH": str(instance),
        "MEDIAPLAN_DEMO_PASSWORD": DEMO_PASSWORD,
    }
    env.pop("MEDIAPLAN_DATABASE_URL", None)
    mediaplan = str(BIN / "mediaplan")
    subprocess.run([mediaplan, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([mediaplan, "demo", "load"], env=env, check=True, capture_output=True)
    with serving(env, instance / "serve.log", command=mediaplan) as (_, port):
        yield f"http://{HOST}:{port}"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, locale="ru-RU")
    context.set_default_timeout(5000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, role: str) -> None:
    page.goto("/login")
    page.fill("input[name=email]", f"{role.replace('_', '-')}@demo.mediaplan.kg")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button[type=submit].primary")
