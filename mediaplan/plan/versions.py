"""Each plan carries a version of its items: a random token replaced in every flush that changes
the plan or adds, changes or removes one of its items, their tags or co-executors. What is kept
in memory about a plan's items, such as the plan table's index, is keyed on it, so every
worker and process sees a change at its next read of the plan.

The token is random rather than a counter so that no two databases, and no rolled-back
transaction, can ever produce the same version of a plan."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from itertools import chain

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mediaplan.plan.models import Plan, PlanItem, PlanItemTag, new_items_version


def listen_for_item_changes() -> None:
    # Every session, so that no way of writing items (service, CLI, scheduler) can skip it.
    if not sa.event.contains(Session, "before_flush", _renew_versions):
        sa.event.listen(Session, "before_flush", _renew_versions)


def _renew_versions(session: Session, flush_context, instances) -> None:
    # A changed plan counts too: its dates decide which days a quarter filter covers.
    plans: set[Plan] = {obj for obj in session.dirty if isinstance(obj, Plan)}
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, PlanItemTag):
            obj = session.get(PlanItem, obj.item_id) if obj.item_id else None
        if isinstance(obj, PlanItem):
            plan = obj.plan or (session.get(Plan, obj.plan_id) if obj.plan_id else None)
            if plan is not None:
                plans.add(plan)
    for plan in plans:
        plan.items_version = new_items_version()


class VersionedCache:
    """A bounded map, least recently used out first, safe for a server's threads. Its keys
    carry a plan's items version, so an entry is never stale, only unused."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        # One lock per key being computed: the threads asking for it meanwhile wait for that
        # one result instead of each computing it again.
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], object]) -> object:
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            computing = self._computing.setdefault(key, threading.Lock())
        # Computed outside the map's lock: a slow computation holds up only its own key.
        with computing:
            with self._lock:
                if key in self._entries:
                    return self._entries[key]
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            with self._lock:
                self._entries[key] = value
                self._entries.move_to_end(key)
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
