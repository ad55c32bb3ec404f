"""Every page on a phone (390 × 844) and on a desktop screen, in Kyrgyz, Russian and English:
nothing scrolls sideways, and axe-core finds no serious or critical accessibility violation.

The pages are found, not listed. For each role that sees different pages, a crawler follows
the site's own links from the start page (GET only, one page per route), so a new page is
checked as soon as a menu or another page links to it; test_every_page_is_reached fails on
a page that nothing links to.
"""

import contextlib
import re
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from werkzeug.exceptions import NotFound

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LANGUAGES = ("ky", "ru", "en")
# axe's rules look at markup, names, roles and colours, which the language does not change:
# it runs in Kyrgyz, whose long words stress the layout most. Widths are checked in all three.
AXE_LANGUAGE = "ky"
BLOCKING_IMPACTS = {"serious", "critical"}
# Someone not logged in (None), and one account for each set of pages: the admin sees every
# page and form; a trainer edits only their own agency's items; a viewer changes nothing. A
# coordinator sees part of the admin's pages, a press officer the trainer's, a methodologist
# the viewer's plus the comment form, which the admin has too. (The other browser tests log
# in as the coordinator and the press officer and expect them to keep their language.)
ROLES = (None, "admin", "trainer", "viewer")
# Pages that no link on the site leads to, opened by their address: the error page, and the
# page of a password reset link from an e-mail (here one that no longer works).
UNLINKED_PAGES = ("/no-such-page", "/password/reset/expired-token")
# GET routes that are no page: files, JSON, and a form's address that only redirects.
NOT_PAGES = {"static", "health.healthz", "users.change_password"}
NOT_PAGE_PREFIXES = ("/api/", "/static/")


def route_of(path: str) -> str:
    """The route a path belongs to: its query dropped and its numbers made alike, so that the
    crawler opens one item's page rather than every item's."""
    return re.sub(r"/\d+(?=/|$)", "/#", urlsplit(path).path)


class Tab:
    """A browser tab of one role, logged in once and shared by that role's tests."""

    def __init__(self, browser, server: str, role: str | None) -> None:
        self.origin = server
        self.context = browser.new_context(base_url=server, viewport=PHONE, locale="ru-RU")
        self.context.set_default_timeout(5000)
        # Added through the DevTools protocol, which the pages' content security policy does
        # not govern; the page itself could not add it (no inline script is allowed).
        self.context.add_init_script(path=AXE_SCRIPT)
        self.page = self.context.new_page()
        self.policy_violations: list[str] = []
        self.page.on("console", self._note_policy_violation)
        self.pages: list[str] = []  # one path per route, in the order the crawler found them
        self.opened: set[str] = set()  # every path asked for or redirected to
        if role:
            log_in(self.page, role)
        else:
            self.page.goto("/")
        if role == "admin":
            create_api_token(self.page)

    def _note_policy_violation(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.policy_violations.append(f"{self.page.url}: {message.text}")

    def open(self, path: str):
        """Go to ``path``; the response, and the path of the page shown after any redirect."""
        response = self.page.goto(path)
        shown = self.page.url.removeprefix(self.origin)
        self.opened |= {path, shown}
        return response, shown

    def visit_pages(self) -> Iterator[str]:
        """Show each page of the site in turn, yielding its path.

        The first time, the pages are found by following links from the start page (one per
        route, breadth first); afterwards the same pages are shown again."""
        if self.pages:
            for path in self.pages:
                self.open(path)
                yield path
            return
        seen, queue = set(), deque(["/"])
        while queue:
            path = queue.popleft()
            if route_of(path) in seen:
                continue
            seen.add(route_of(path))
            response, shown = self.open(path)
            assert response is not None and response.ok, f"{path} answered {response.status}"
            if route_of(shown) != route_of(path):  # redirected, as from the start page
                if route_of(shown) in seen:
                    continue
                seen.add(route_of(shown))
            queue.extend(self._links())
            self.pages.append(shown)
            yield shown

    def crawl(self) -> None:
        if not self.pages:
            for _path in self.visit_pages():
                pass

    def _links(self) -> list[str]:
        """The paths of the page's links into the site, pages only."""
        hrefs = self.page.eval_on_selector_all(
            "a[href]:not([download])", "links => links.map(link => link.href)"
        )
        paths = []
        for href in hrefs:
            parts = urlsplit(href)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if f"{parts.scheme}://{parts.netloc}" == self.origin and not path.startswith(
                NOT_PAGE_PREFIXES
            ):
                paths.append(path)
        return paths


def create_api_token(page) -> None:
    """The demo accounts have no API token; with one, the token list has a row, and a link to
    the page that revokes it."""
    page.goto("/account/tokens/")
    page.fill("form.inline input[name=name]", "browser tests")
    page.click("form.inline button[type=submit]")


@pytest.fixture(scope="session")
def tabs(browser, server):
    """tabs(role): the Tab of that role, opened when first asked for."""
    if not AXE_SCRIPT.exists():
        pytest.fail("axe-core is not installed: run `make test`, which runs `npm ci`")
    opened: dict[str | None, Tab] = {}

    def tab(role: str | None) -> Tab:
        if role not in opened:
            opened[role] = Tab(browser, server, role)
        return opened[role]

    yield tab
    for each in opened.values():
        each.context.close()


def switch_language(page, language: str) -> None:
    """Choose the interface language as a reader would, through the menu on a phone."""
    page.set_viewport_size(PHONE)
    folded_menu = page.locator(".topbar-menu:not([open]) > .menu-button")
    if folded_menu.count():
        folded_menu.click()
    page.click(f"form.langswitch button[value={language}]")
    expect(page.locator("html")).to_have_attribute("lang", language)


def sideways_scroll(page, where: str) -> list[str]:
    width, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width <= screen:
        return []
    return [f"{where}: the page is {width} px wide on a {screen} px screen"]


def open_disclosures(page) -> None:
    """Open every <details>: the header's menu and the plan's filters must fit open too."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def axe_violations(page, where: str) -> list[str]:
    """axe-core's serious and critical findings on the page as it is shown now."""
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{where}: {violation['impact']} {violation['id']} ({violation['help']}) at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def check_page(page, path: str, language: str) -> list[str]:
    """What is wrong with the page shown, on a phone and on a desktop screen."""
    page.set_viewport_size(PHONE)
    where = f"{path} ({language}, 390 px)"
    problems = sideways_scroll(page, where)
    open_disclosures(page)
    problems += sideways_scroll(page, f"{where}, menus open")
    if language == AXE_LANGUAGE:
        problems += axe_violations(page, where)
        page.set_viewport_size(DESKTOP)
        problems += axe_violations(page, f"{path} ({language}, desktop)")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_every_page_fits_a_phone_and_passes_axe(tabs, role, language):
    tab = tabs(role)
    tab.policy_violations.clear()
    switch_language(tab.page, language)
    problems = []
    for path in tab.visit_pages():
        problems += check_page(tab.page, path, language)
    for path in UNLINKED_PAGES:
        tab.open(path)
        problems += check_page(tab.page, path, language)
    # The policy allows no inline script or style: no page may need one.
    problems += tab.policy_violations
    assert not problems, "\n".join(problems)


def test_every_page_is_reached(tabs, tmp_path, monkeypatch):
    """Every page the app serves by GET is one the crawler found or UNLINKED_PAGES opens: a
    page that neither reaches is never checked above."""
    from mediaplan.app import create_app

    monkeypatch.setenv("MEDIAPLAN_INSTANCE_PATH", str(tmp_path))
    app = create_app({"SECRET_KEY": "routes only", "DATABASE_URL": "sqlite://"})
    adapter = app.url_map.bind("localhost")
    for path in UNLINKED_PAGES:
        tabs(None).open(path)
    opened = set()
    for role in ROLES:
        tabs(role).crawl()
        opened |= tabs(role).opened
    reached = set()
    for path in opened:
        with contextlib.suppress(NotFound):  # the error page's address
            reached.add(adapter.match(urlsplit(path).path, method="GET")[0])
    pages = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods
        and rule.endpoint not in NOT_PAGES
        and not rule.rule.startswith(NOT_PAGE_PREFIXES)
    }
    assert pages - reached == set(), "pages no link leads to: add them to UNLINKED_PAGES"
