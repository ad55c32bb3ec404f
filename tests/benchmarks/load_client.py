"""The HTTP side of the load benchmark (test_load.py): a client that behaves like one browser
tab or one partner system, and the tally of what each kind of request took and how it ended.

A ``Browser`` keeps one keep-alive connection, its own cookies (set, replaced and deleted as
the server says), follows redirects the way a browser does after a form, and reads CSRF tokens
and forms from the pages it gets. Every request is timed and counted under a kind ("plan
list", "status change"...) in a ``Record`` of its own thread, merged when the run ends."""

import http.client
import http.cookies
import json
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

HOST = "127.0.0.1"
TIMEOUT_SECONDS = 60
# The first error descriptions of each kind kept for the report.
SAMPLES = 5

CSRF_RE = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
# A message the server put on the page for a refused action, in any language.
DANGER_FLASH = 'class="flash flash-danger"'


@dataclass
class Tally:
    """How the requests of one kind went."""

    requests: int = 0
    latencies: list[float] = field(default_factory=list)
    # When each request began (time.perf_counter), in the order of ``latencies``.
    starts: list[float] = field(default_factory=list)
    server_errors: int = 0
    connection_errors: int = 0
    # Answers the scenario did not expect: a 4xx, a login refused, a session lost.
    unexpected: int = 0
    # Answers a rule gave on purpose: a transition another client made impossible meanwhile.
    refused: int = 0
    samples: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.server_errors + self.connection_errors + self.unexpected

    def add(self, other: "Tally") -> None:
        self.requests += other.requests
        self.latencies.extend(other.latencies)
        self.starts.extend(other.starts)
        self.server_errors += other.server_errors
        self.connection_errors += other.connection_errors
        self.unexpected += other.unexpected
        self.refused += other.refused
        self.samples.extend(other.samples[: SAMPLES - len(self.samples)])

    def latency_ms(self, percent: int) -> float:
        return percentile_ms(self.latencies, percent)


def percentile_ms(latencies: list[float], percent: int) -> float:
    """The nearest-rank percentile of latencies in seconds, in milliseconds (0 if none)."""
    if not latencies:
        return 0.0
    ordered = sorted(latencies)
    rank = min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered)) - 1))
    return ordered[rank] * 1000


class Record:
    """One thread's tallies by kind; no locks, since only its own thread writes it."""

    def __init__(self) -> None:
        self.kinds: dict[str, Tally] = {}

    def tally(self, kind: str) -> Tally:
        return self.kinds.setdefault(kind, Tally())

    def sample(self, kind: str, detail: str) -> None:
        samples = self.tally(kind).samples
        if len(samples) < SAMPLES:
            samples.append(detail)

    def refused(self, kind: str) -> None:
        self.tally(kind).refused += 1

    def unexpected(self, kind: str, detail: str) -> None:
        self.tally(kind).unexpected += 1
        self.sample(kind, detail)


def merge(records: list[Record]) -> dict[str, Tally]:
    merged: dict[str, Tally] = {}
    for record in records:
        for kind, tally in record.kinds.items():
            merged.setdefault(kind, Tally()).add(tally)
    return merged


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str
    # The answer was a refusal the scenario expects (see Browser.request).
    refused: bool = False

    @property
    def location(self) -> str:
        """The path a redirect points to, without scheme and host."""
        target = urllib.parse.urlsplit(self.headers.get("Location", ""))
        return target.path + (f"?{target.query}" if target.query else "")

    def csrf_token(self) -> str | None:
        match = CSRF_RE.search(self.body)
        return match.group(1) if match else None

    def json(self):
        return json.loads(self.body)


class Browser:
    """One user's browser: a keep-alive connection, cookies and the last CSRF token seen."""

    def __init__(self, port: int, record: Record, *, language: str) -> None:
        self.port = port
        self.record = record
        self.language = language
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT_SECONDS)

    def close(self) -> None:
        self.connection.close()

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        *,
        form: list[tuple[str, str]] | dict | None = None,
        payload: dict | None = None,
        token: str | None = None,
        expect: tuple[int, ...] = (200,),
        refusals: tuple[int, ...] = (),
    ) -> Response | None:
        """Send one request and count it under ``kind``. Returns the response when its status
        is expected or one of the ``refusals`` (then marked refused), else None after counting
        the failure. ``token`` sends an API bearer token instead of the cookies."""
        headers = {"Accept-Language": self.language}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif payload is not None:
            body = json.dumps(payload)
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        elif self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        tally = self.record.tally(kind)
        tally.requests += 1
        began = time.perf_counter()
        tally.starts.append(began)
        try:
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
            text = answer.read().decode()
        except (OSError, http.client.HTTPException) as error:
            tally.latencies.append(time.perf_counter() - began)
            tally.connection_errors += 1
            self.record.sample(kind, f"{method} {path}: {error!r}")
            # A fresh connection, as a browser would open after a reset.
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=TIMEOUT_SECONDS)
            return None
        tally.latencies.append(time.perf_counter() - began)
        if not token:
            self._keep_cookies(answer.headers)
        response = Response(answer.status, answer.headers, text)
        if response.status in expect:
            return response
        if response.status in refusals:
            tally.refused += 1
            response.refused = True
            return response
        detail = f"{method} {path}: {response.status} {_gist(response)}"
        if response.status >= 500:
            tally.server_errors += 1
            self.record.sample(kind, detail)
        else:
            self.record.unexpected(kind, detail)
        return None

    def get(self, kind: str, path: str, **options) -> Response | None:
        return self.request(kind, "GET", path, **options)

    def submit(self, kind: str, path: str, form, **options) -> Response | None:
        """POST a form; a redirect is its success unless ``expect`` says otherwise."""
        options.setdefault("expect", (302, 303))
        return self.request(kind, "POST", path, form=form, **options)

    def follow(self, response: Response, kind: str) -> Response | None:
        """GET where a redirect points, as a browser does after a form."""
        return self.get(kind, response.location)

    def _keep_cookies(self, headers: http.client.HTTPMessage) -> None:
        for header in headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0" or _expired(morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def _expired(expires: str) -> bool:
    if not expires:
        return False
    try:
        moment = time.mktime(time.strptime(expires, "%a, %d %b %Y %H:%M:%S GMT"))
    except ValueError:
        return False
    return moment < time.time()


def _gist(response: Response) -> str:
    """A short hint of what a failed response said: a JSON message or the page's title."""
    if response.headers.get_content_type() == "application/json":
        return response.body[:200]
    title = re.search(r"<title>(.*?)</title>", response.body, re.DOTALL)
    location = response.headers.get("Location")
    if location:
        return f"-> {location}"
    return title.group(1).strip()[:120] if title else response.body[:120]


@dataclass
class Form:
    """A form as a browser would submit it: its action and its successful controls."""

    action: str
    fields: list[tuple[str, str]]
    classes: str = ""

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.fields if key == name]

    def set(self, name: str, value: str) -> None:
        self.fields = [(key, old) for key, old in self.fields if key != name] + [(name, value)]

    def toggle(self, name: str, value: str) -> None:
        """Tick a checkbox that is not ticked, or untick it."""
        if (name, value) in self.fields:
            self.fields.remove((name, value))
        else:
            self.fields.append((name, value))


class _FormReader(HTMLParser):
    """Collects every form of a page with the values its controls would send."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._multiple = False
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._form = Form(attributes.get("action") or "", [], attributes.get("class") or "")
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            self._input(attributes)
        elif tag == "select":
            self._select, self._options = attributes.get("name"), []
            self._multiple = "multiple" in attributes
        elif tag == "option" and self._select:
            self._options.append((attributes.get("value") or "", "selected" in attributes))
        elif tag == "textarea":
            self._textarea, self._text = attributes.get("name"), []

    def _input(self, attributes: dict) -> None:
        name, kind = attributes.get("name"), (attributes.get("type") or "text").lower()
        if not name or kind in ("submit", "button", "file", "image", "reset"):
            return
        if kind in ("checkbox", "radio") and "checked" not in attributes:
            return
        self._form.fields.append((name, attributes.get("value") or ""))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            # A browser drops the newline right after <textarea>.
            text = "".join(self._text).removeprefix("\n").replace("\r\n", "\n")
            self._form.fields.append((self._textarea, text))
            self._textarea = None
        elif tag == "select" and self._select and self._form is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]
            self._form.fields.extend((self._select, value) for value in chosen)
            self._select = None


def read_forms(page: str) -> list[Form]:
    reader = _FormReader()
    reader.feed(page)
    reader.close()
    return reader.forms
