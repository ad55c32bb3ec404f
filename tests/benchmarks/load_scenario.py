"""What the users of the load benchmark (test_load.py) do: one ``Client`` per client thread, with
a role, an agency, a password and an API token, acting like a person at work.

Every client logs in at the same moment (the start of the working day), then repeats actions
drawn by its role's weights (ACTIONS), with a short pause after each, until the time is up.
Editors (press officers, trainers) work on the items of their own agency and coordinators on
every item, most often on the same few "hot" items per agency, so that their status changes
and edits collide: a transition that another client made impossible meanwhile is refused by
the application, and counted as refused, not as an error."""

import random
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field, replace

from tests.benchmarks.load_client import DANGER_FLASH, Browser, Record, Response, read_forms

# The application's rules, copied rather than imported: the benchmark drives the server from
# outside, as a browser and a partner system do.
TRANSITIONS = {
    "planned": ("in_progress", "done", "postponed", "cancelled"),
    "in_progress": ("done", "postponed", "cancelled"),
    "postponed": ("planned", "in_progress", "done", "cancelled"),
    "done": ("in_progress",),
    "cancelled": ("planned",),
}
# The usual way forward; a detour to "postponed" or "cancelled" now and then.
NEXT_STATUS = {
    "planned": "in_progress",
    "in_progress": "done",
    "done": "in_progress",
    "postponed": "planned",
    "cancelled": "planned",
}
DETOURS = {"postponed": 0.12, "cancelled": 0.03}
DIRECTIONS = ("media_plan", "media_relations")
FORMATS = (
    "publication",
    "broadcast",
    "video_infographic",
    "press_conference",
    "roundtable",
    "journalist_training",
    "social_campaign",
    "counter_narrative",
    "monitoring_report",
    "other",
)
STATUSES = tuple(TRANSITIONS)
REGIONS = (
    "nationwide",
    "bishkek",
    "osh_city",
    "batken",
    "jalal_abad",
    "issyk_kul",
    "naryn",
    "osh",
    "talas",
    "chui",
)
TARGET_GROUPS = ("youth", "women", "migrants", "journalists", "bloggers", "general_public")
# Words people search the table for, in the three languages, and item numbers.
SEARCHES = ("вербовк", "журналист", "молодеж", "жаштар", "radio", "КТРК", "training", "3.1", "2.")
SORTS = ("title", "dates", "status")
# Filters per plan-list request, and how often: most people open the table as it is or with one.
FILTER_COUNTS = {0: 3, 1: 4, 2: 3, 3: 1}
HOT_SHARE = 0.7
LANGUAGES = {"ru": 7, "ky": 2, "en": 1}
LOGIN_RETRY_SECONDS = 0.5
# How long the first clients wait at the start line for the last one.
START_LINE_SECONDS = 120

ITEM_LINK_RE = re.compile(r'href="/plan/items/(\d+)"')
# The new token, shown once on /account/tokens after it is made.
NEW_TOKEN_RE = re.compile(r'<code class="token">([^<]+)</code>')
# The item's status badge comes first on its page, before the status form.
CURRENT_STATUS_RE = re.compile(r'class="status status-(\w+)"')
STATUS_SELECT_RE = re.compile(r'<select[^>]*name="status"')
EDIT_MARK_RE = re.compile(r" \| edit \d+-\d+$")

# Actions by role, with their weights per draw; "relogin" is a logout and a new login.
READER = {"plan_list": 30, "item_page": 25, "notifications": 8, "api_list": 10, "api_item": 10}
ACTIONS = {
    "viewer": READER | {"relogin": 2},
    "methodologist": READER | {"comment": 15, "relogin": 2},
    "press_officer": READER
    | {
        "comment": 6,
        "status_change": 14,
        "edit": 6,
        "api_patch": 6,
        "api_status": 5,
        "relogin": 2,
    },
    "coordinator": READER
    | {
        "comment": 8,
        "status_change": 12,
        "edit": 5,
        "api_patch": 5,
        "api_status": 4,
        "relogin": 2,
    },
}
ACTIONS["trainer"] = ACTIONS["press_officer"]
ACTIONS["admin"] = ACTIONS["coordinator"]
EDITOR_ROLES = ("admin", "coordinator", "press_officer", "trainer")


@dataclass(frozen=True)
class World:
    """What the clients know of the data: the plan, its items, who leads what."""

    plan_id: int
    item_ids: list[int]
    agency_ids: list[int]
    # Per agency: the few items its editors and every coordinator keep changing.
    hot_items: dict[int, list[int]]
    # Per agency: other items it leads, for the occasional change elsewhere.
    agency_items: dict[int, list[int]]

    @property
    def all_hot_items(self) -> list[int]:
        return [item for items in self.hot_items.values() for item in items]


@dataclass(frozen=True)
class Person:
    number: int
    email: str
    password: str
    role: str
    agency_id: int
    # A personal access token for the API, made by issue_token.
    token: str = ""


def issue_token(port: int, person: Person) -> Person:
    """``person`` with an API token made the way a user makes one: logged in, on the account's
    token page, then logged out. Before the run, so not measured."""
    browser = Browser(port, Record(), language="en")
    try:
        page = browser.get("setup", "/login")
        assert page, f"no login page: {browser.record.kinds}"
        form = {"csrf_token": page.csrf_token(), "email": person.email, "password": person.password}
        assert browser.submit("setup", "/login", form), f"{person.email} could not log in"
        page = browser.get("setup", "/account/tokens/")
        assert page, f"no token page for {person.email}: {browser.record.kinds}"
        form = {"csrf_token": page.csrf_token(), "name": "load benchmark"}
        made = browser.request("setup", "POST", "/account/tokens/", form=form)
        token = NEW_TOKEN_RE.search(made.body) if made else None
        assert token, f"no token shown to {person.email}: {browser.record.kinds}"
        browser.submit("setup", "/logout", {"csrf_token": made.csrf_token()})
    finally:
        browser.close()
    return replace(person, token=token.group(1))


@dataclass
class Run:
    """Shared by the clients of one run: the start line, the clock, the login rush."""

    port: int
    world: World
    clients: int
    seconds: float
    pause_seconds: float
    started: float = 0.0
    # Seconds from the start to each client's first successful login.
    first_logins: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The clock starts as the last client reaches the line, before any is let go.
        self.start_line = threading.Barrier(self.clients, action=self._start_clock)

    def _start_clock(self) -> None:
        self.started = time.perf_counter()

    @property
    def deadline(self) -> float:
        return self.started + self.seconds


class Client:
    """One client thread: logs in with everyone else, then acts until the deadline."""

    def __init__(self, person: Person, run: Run, seed: int) -> None:
        self.person = person
        self.run = run
        self.world = run.world
        self.rng = random.Random(seed)
        self.record = Record()
        self.browser = Browser(run.port, self.record, language=self._language())
        self.logged_in = False
        # Items linked from the last plan page: the next item page opened is one of them.
        self.listed: list[int] = []
        # Comments the server confirmed, checked against the database afterwards.
        self.comments_saved = 0
        weights = ACTIONS[person.role]
        self.actions, self.weights = list(weights), list(weights.values())

    def _language(self) -> str:
        return self.rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]

    def work(self) -> None:
        try:
            login_page = self.browser.get("login page", "/login")
            self.run.start_line.wait(timeout=START_LINE_SECONDS)
            self._log_in_with_everyone(login_page)
            while time.perf_counter() < self.run.deadline:
                if not self.logged_in:
                    # The session was lost: log in again, as a person would.
                    self.log_in()
                    if not self.logged_in:
                        time.sleep(LOGIN_RETRY_SECONDS)
                    continue
                action = self.rng.choices(self.actions, weights=self.weights)[0]
                getattr(self, action)()
                self.think()
        finally:
            self.browser.close()

    def think(self) -> None:
        """A person reading a page or filling in a form, compressed to a second or so (the
        run's pause) so that fifty clients make the load of many more people."""
        time.sleep(self.rng.uniform(0, 2 * self.run.pause_seconds))

    # Logging in and out.

    def _log_in_with_everyone(self, login_page: Response | None) -> None:
        """The morning rush: the first login of every client at the same moment, retried
        (as a person would click again) until it succeeds or the time is up."""
        self.log_in(login_page)
        while not self.logged_in and time.perf_counter() < self.run.deadline:
            time.sleep(LOGIN_RETRY_SECONDS)
            self.log_in()
        if self.logged_in:
            self.run.first_logins.append(time.perf_counter() - self.run.started)

    def log_in(self, login_page: Response | None = None) -> None:
        page = login_page or self.browser.get("login page", "/login")
        token = page.csrf_token() if page else None
        if token is None:
            if page is not None:
                self.record.unexpected("login page", "no CSRF token on /login")
            time.sleep(LOGIN_RETRY_SECONDS)
            return
        form = {"csrf_token": token, "email": self.person.email, "password": self.person.password}
        # A 200 is the form again: wrong password, or the throttle's message.
        answer = self.browser.submit("login", "/login", form)
        if answer is None:
            return
        if not answer.location.startswith("/plan"):
            self.record.unexpected("login", f"login went to {answer.location}")
            return
        self.logged_in = True
        self.plan_page(answer.location)

    def relogin(self) -> None:
        page = self.plan_page(self._plan_query())
        token = page.csrf_token() if page else None
        if token is None:
            return
        answer = self.browser.submit("logout", "/logout", {"csrf_token": token})
        if answer is None:
            return
        self.logged_in = False
        login_page = self.browser.follow(answer, "login page")
        if login_page is not None:
            self.log_in(login_page)

    # Pages.

    def page(self, kind: str, path: str) -> Response | None:
        """GET a page that needs the login; being sent to the login page means the session
        was lost, which the scenario never asks for."""
        answer = self.browser.get(kind, path, expect=(200, 302))
        if answer is not None and answer.status == 302:
            self.record.unexpected(kind, f"GET {path}: sent to {answer.location}")
            self.logged_in = False
            return None
        return answer

    def plan_list(self) -> None:
        self.plan_page(self._plan_query())

    def plan_page(self, path: str) -> Response | None:
        page = self.page("plan list", path)
        if page is not None:
            self.listed = [int(found) for found in ITEM_LINK_RE.findall(page.body)]
        return page

    def item_page(self) -> None:
        pool = self.listed or self.world.item_ids
        self.page("item page", f"/plan/items/{self.rng.choice(pool)}")

    def notifications(self) -> None:
        page = self.page("notifications", "/notifications/")
        # Now and then the user clears the badge.
        if page is not None and "unread" in page.body and self.rng.random() < 0.3:
            token = page.csrf_token()
            answer = self.browser.submit("mark read", "/notifications/read", {"csrf_token": token})
            if answer is not None:
                self.page("notifications", answer.location)

    # Writing through the web pages.

    def comment(self) -> None:
        item_id = self._commentable_item()
        page = self.page("item page", f"/plan/items/{item_id}")
        if page is None:
            return
        body = f"Комментарий {self.person.number}-{self.rng.randrange(10**6)}: уточните охват."
        self.think()
        form = {"csrf_token": page.csrf_token(), "body": body}
        answer = self.browser.submit("comment", f"/plan/items/{item_id}/comments", form)
        if answer is None:
            return
        shown = self.page("item page", answer.location)
        if shown is not None and DANGER_FLASH in shown.body:
            self.record.unexpected("comment", f"comment on {item_id} refused")
        elif shown is not None:
            self.comments_saved += 1

    def status_change(self) -> None:
        """Open an item, pick a status allowed after the one its page shows, post it. Another
        client may have moved the item in between: the server then refuses the transition
        and says so on the item page."""
        item_id = self._editable_item()
        page = self.page("item page", f"/plan/items/{item_id}")
        if page is None:
            return
        current = CURRENT_STATUS_RE.search(page.body)
        if current is None or not STATUS_SELECT_RE.search(page.body):
            self.record.unexpected("item page", f"no status form on item {item_id}")
            return
        status = self._next_status(current.group(1))
        # Meanwhile another client may move the item on.
        self.think()
        form = {"csrf_token": page.csrf_token(), "status": status, "reason": self._reason()}
        answer = self.browser.submit("status change", f"/plan/items/{item_id}/status", form)
        if answer is None:
            return
        shown = self.page("item page", answer.location)
        if shown is not None and DANGER_FLASH in shown.body:
            self.record.refused("status change")

    def edit(self) -> None:
        """Open the item form, change the keywords, the reminder and one target group, and
        save it; a form shown again with errors is a refusal."""
        item_id = self._editable_item()
        path = f"/plan/items/{item_id}/edit"
        page = self.page("edit form", path)
        if page is None:
            return
        form = next((f for f in read_forms(page.body) if "item-form" in f.classes), None)
        if form is None:
            self.record.unexpected("edit form", f"no item form on {path}")
            return
        keywords = EDIT_MARK_RE.sub("", (form.values("keywords_en") or [""])[0])
        form.set("keywords_en", f"{keywords} | edit {self.person.number}-{self.rng.randrange(999)}")
        form.set("reminder_days", str(self.rng.randint(1, 10)))
        form.toggle("target_groups", self.rng.choice(TARGET_GROUPS))
        self.think()
        # The form shown again (200) is a rule refusing the input.
        answer = self.browser.submit(
            "edit save", form.action or path, form.fields, expect=(302,), refusals=(200, 409)
        )
        if answer is not None and not answer.refused:
            self.page("item page", answer.location)

    # The API, with the user's token.

    def api_list(self) -> None:
        query = self._filters(api=True)
        self.browser.get("api list", f"/api/v1/plan-items?{query}", token=self.person.token)

    def api_item(self) -> None:
        item_id = self.rng.choice(self.world.item_ids)
        self.browser.get("api item", f"/api/v1/plan-items/{item_id}", token=self.person.token)

    def api_patch(self) -> None:
        """Read an item and change it from the version read; someone may save in between."""
        item_id = self._editable_item()
        path = f"/api/v1/plan-items/{item_id}"
        item = self.browser.get("api item", path, token=self.person.token)
        if item is None:
            return
        self.browser.request(
            "api patch",
            "PATCH",
            path,
            payload=self._patch() | {"version": item.json()["version"]},
            token=self.person.token,
            refusals=(409, 422),
        )

    def api_status(self) -> None:
        """Read an item and move it on, as a partner system syncing its own records would."""
        item_id = self._editable_item()
        path = f"/api/v1/plan-items/{item_id}"
        item = self.browser.get("api item", path, token=self.person.token)
        if item is None:
            return
        status = self._next_status(item.json()["status"])
        self.browser.request(
            "api status",
            "POST",
            f"{path}/status",
            payload={"status": status, "reason": self._reason()},
            token=self.person.token,
            refusals=(409, 422),
        )

    # Choices.

    def _editable_item(self) -> int:
        """An item this user may change, usually one of the hot ones."""
        if self.person.role in ("admin", "coordinator"):
            if self.rng.random() < HOT_SHARE:
                return self.rng.choice(self.world.all_hot_items)
            return self.rng.choice(self.world.item_ids)
        own = self.person.agency_id
        if self.rng.random() < HOT_SHARE:
            return self.rng.choice(self.world.hot_items[own])
        return self.rng.choice(self.world.agency_items[own])

    def _commentable_item(self) -> int:
        if self.person.role in ("press_officer", "trainer"):
            return self._editable_item()
        if self.rng.random() < 0.5:
            return self.rng.choice(self.world.all_hot_items)
        return self.rng.choice(self.listed or self.world.item_ids)

    def _next_status(self, current: str) -> str:
        for detour, share in DETOURS.items():
            if detour in TRANSITIONS[current] and self.rng.random() < share:
                return detour
        return NEXT_STATUS[current]

    def _reason(self) -> str:
        # Postponing, cancelling and reopening need a reason; the others accept one.
        return self.rng.choice(("Перенос по просьбе партнёров", "Возобновлено", "Готово"))

    def _plan_query(self) -> str:
        query = self._filters(api=False)
        return f"/plan?{query}" if query else "/plan"

    def _filters(self, *, api: bool) -> str:
        count = self.rng.choices(list(FILTER_COUNTS), weights=list(FILTER_COUNTS.values()))[0]
        fields = self.rng.sample(
            ["direction", "format", "status", "region", "target_group", "agency", "quarter", "q"],
            count,
        )
        params = {name: self._filter_value(name) for name in fields}
        if api or self.rng.random() < 0.3:
            params["plan"] = str(self.world.plan_id)
        if self.rng.random() < 0.25:
            params["page"] = str(self.rng.randint(2, 4))
        if self.rng.random() < 0.2:
            params["sort"] = self.rng.choice(SORTS)
            params["order"] = self.rng.choice(("asc", "desc"))
        if api:
            params["per_page"] = self.rng.choice(("25", "50"))
        return urllib.parse.urlencode(params)

    def _filter_value(self, name: str) -> str:
        choices = {
            "direction": DIRECTIONS,
            "format": FORMATS,
            "status": STATUSES,
            "region": REGIONS,
            "target_group": TARGET_GROUPS,
            "quarter": ("1", "2", "3", "4"),
            "q": SEARCHES,
        }
        if name == "agency":
            return str(self.rng.choice(self.world.agency_ids))
        return self.rng.choice(choices[name])

    def _patch(self) -> dict:
        """One of the changes a partner system sends: keywords, regions, the reminder or
        the indicators, each replacing only itself."""
        mark = f"{self.person.number}-{self.rng.randrange(999)}"
        return self.rng.choice(
            (
                {"keywords": {"en": f"coverage, partner release {mark}"}},
                {"regions": self.rng.sample(REGIONS, self.rng.randint(1, 3))},
                {"reminder_days": self.rng.randint(1, 10)},
                {
                    "indicators": [
                        {
                            "text": "Опубликовано материалов",
                            "target": self.rng.randint(1, 50),
                            "unit": "материалов",
                        }
                    ]
                },
            )
        )
