"""Requests of the plan table whose filters never repeat, for the cold plan-list figure.

Anything a server kept per set of filters (a total, a page) would miss on each of these: every
request has a filter set no earlier request of the run had, whatever its page and sort.

Each request here has a filter set no earlier request of the stream had, combines 1 to 4
filters (direction, format, status, region, target group, agency, quarter or date range, free
text), matches at least one item, asks for a page that exists and sometimes for another order.
Empty results are left out because they cost the server less than real ones."""

import math
import random
import re
import statistics
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from mediaplan.demo import data
from mediaplan.plan.choices import DIRECTIONS, FORMATS, REGIONS, STATUSES, TARGET_GROUPS
from mediaplan.plan.filters import SORTS

YEAR = 2025
# How many filters a request combines, and how often.
FILTER_COUNTS = {1: 3, 2: 4, 3: 2, 4: 1}
FIELDS = ("direction", "format", "status", "region", "target_group", "agency", "when", "q")
CHOICES = {
    "direction": list(DIRECTIONS),
    "format": list(FORMATS),
    "status": list(STATUSES),
    "region": list(REGIONS),
    "target_group": list(TARGET_GROUPS),
}
DEFAULT_ORDER = ("number", "asc")
# Most people keep the table's own order and stay on the first pages.
OTHER_ORDER_SHARE = 0.35
FIRST_PAGE_SHARE = 0.6
MAX_PAGE = 8
# Draws per request before giving up: the filter sets of a shape can run out (there are two
# directions), and drawn sets that match nothing are drawn again.
ATTEMPTS = 300

Params = dict[str, str]
# The filter fields a request uses, its sort and its order: requests of one shape run the same
# SQL with other values, so the server compiles it once.
Shape = tuple[frozenset[str], tuple[str, str]]


@dataclass(frozen=True)
class FilteredRequest:
    path: str
    # The filter set, without page and sort.
    filters: tuple[tuple[str, str], ...]
    shape: Shape
    total: int
    page: int
    # Rows the page must show.
    rows: int


class FilterStream:
    """Draws requests whose filter sets are new to the stream. ``count_items`` counts the
    items passing query-string filters, as the server reads them."""

    def __init__(
        self,
        count_items: Callable[[Params], int],
        agency_ids: list[int],
        *,
        page_size: int,
        seed: int,
    ) -> None:
        self._count = count_items
        self._agency_ids = sorted(agency_ids)
        self._page_size = page_size
        self._rng = random.Random(seed)
        self._words = _title_words()
        self._drawn: set[tuple[tuple[str, str], ...]] = set()

    def take(self, count: int) -> list[FilteredRequest]:
        requests = [self.draw() for _ in range(count)]
        assert None not in requests, "the filter sets ran out"
        return requests

    def draw(self, shape: Shape | None = None) -> FilteredRequest | None:
        """A request of ``shape`` (else of a random one) with a filter set not drawn before,
        or None when none is left that matches an item."""
        for _ in range(ATTEMPTS):
            fields, order = shape or self._shape()
            params = {}
            for field in sorted(fields):
                params |= self._value(field)
            filters = tuple(sorted(params.items()))
            if filters in self._drawn:
                continue
            self._drawn.add(filters)
            total = self._count(params)
            if total:
                return self._request(params, filters, (fields, order), total)
        return None

    def _shape(self) -> Shape:
        rng = self._rng
        size = rng.choices(list(FILTER_COUNTS), weights=list(FILTER_COUNTS.values()))[0]
        fields = frozenset(rng.sample(FIELDS, size))
        order = DEFAULT_ORDER
        if rng.random() < OTHER_ORDER_SHARE:
            order = (rng.choice(SORTS), rng.choice(("asc", "desc")))
        return fields, order

    def _value(self, field: str) -> Params:
        rng = self._rng
        if field in CHOICES:
            return {field: rng.choice(CHOICES[field])}
        if field == "agency":
            return {"agency": str(rng.choice(self._agency_ids))}
        if field == "when":
            if rng.random() < 0.5:
                return {"quarter": str(rng.randint(1, 4))}
            start = date(YEAR, 1, 1) + timedelta(days=rng.randrange(0, 330))
            end = min(start + timedelta(days=rng.randrange(6, 120)), date(YEAR, 12, 31))
            return {"date_from": start.isoformat(), "date_to": end.isoformat()}
        # Free text: a word of the titles, in any of the three languages, or the start of an
        # item number (3.41 finds 3.41 and 3.410 to 3.419).
        if rng.random() < 0.75:
            return {"q": rng.choice(self._words)}
        return {"q": f"{rng.randint(1, 4)}.{rng.randint(1, 250)}"}

    def _request(self, params: Params, filters, shape: Shape, total: int) -> FilteredRequest:
        rng = self._rng
        pages = math.ceil(total / self._page_size)
        page = 1
        if pages > 1 and rng.random() >= FIRST_PAGE_SHARE:
            page = rng.randint(2, min(pages, MAX_PAGE))
        query = dict(params)
        sort, order = shape[1]
        if (sort, order) != DEFAULT_ORDER:
            query |= {"sort": sort, "order": order}
        if page > 1:
            query["page"] = str(page)
        rows = min(self._page_size, total - (page - 1) * self._page_size)
        path = "/plan?" + urllib.parse.urlencode(query)
        return FilteredRequest(path, filters, shape, total, page, rows)


def _title_words() -> list[str]:
    """Words of five letters or more of the demo titles, which the loaded items' titles vary."""
    words = {
        word
        for item in data.ITEMS
        for lang in ("ky", "ru", "en")
        for word in re.findall(r"\w{5,}", item.get(f"title_{lang}", "").casefold())
        if word.isalpha()
    }
    # Sorted: a set's order changes from run to run, and the stream must not.
    return sorted(words)


@dataclass(frozen=True)
class StreamSummary:
    requests: int
    filter_sets: int
    first_seen: int
    filters_per_request: Counter
    totals: list[int]
    first_pages: int
    other_orders: int
    shapes: int
    # Median latency (s) and number of requests, by order and free text: what costs what.
    latency_by_kind: dict[str, tuple[float, int]]

    @property
    def miss_rate(self) -> float:
        return self.first_seen / self.requests if self.requests else 0.0


def summarize(
    done: list[FilteredRequest],
    latencies: list[float],
    seen_before: set[tuple[tuple[str, str], ...]],
) -> StreamSummary:
    """What the server was asked: ``done`` in the order sent, taking ``latencies``, after the
    filter sets of ``seen_before``. A request is a cache miss when its filter set was not asked
    before."""
    seen = set(seen_before)
    first_seen = 0
    by_kind: dict[str, list[float]] = {}
    for request, latency in zip(done, latencies, strict=True):
        first_seen += request.filters not in seen
        seen.add(request.filters)
        order = "table order" if request.shape[1] == DEFAULT_ORDER else "other order"
        text = "free text" if "q" in request.shape[0] else "no free text"
        by_kind.setdefault(f"{order}, {text}", []).append(latency)
    return StreamSummary(
        requests=len(done),
        filter_sets=len({request.filters for request in done}),
        first_seen=first_seen,
        filters_per_request=Counter(len(request.shape[0]) for request in done),
        totals=sorted(request.total for request in done),
        first_pages=sum(request.page == 1 for request in done),
        other_orders=sum(request.shape[1] != DEFAULT_ORDER for request in done),
        shapes=len({request.shape for request in done}),
        latency_by_kind={
            kind: (statistics.median(values), len(values))
            for kind, values in sorted(by_kind.items())
        },
    )
