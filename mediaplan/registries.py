"""The registries through which packages plug into the core.

Each package's ``init_app(app)`` adds what it brings here; the core, the layout and the CLI
read these registries and never name a package. Blueprints and commands go to Flask's own
registries (``app.register_blueprint``, ``app.cli.add_command``), job kinds to
``mediaplan.scheduler.registry``, API resources to ``mediaplan.api.resources`` and signal
receivers to the signals of ``mediaplan.signals`` (connected with the app as sender).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app

EXTENSION_KEY = "mediaplan.registry"
MENU_AREAS = ("main", "account")


@dataclass(frozen=True)
class MenuEntry:
    """A link in the page header.

    ``area`` "main" is the main menu, "account" the links beside the log-out button.
    ``label`` is a (lazy) text, or a function of the user giving one; ``title`` likewise.
    ``roles`` limits the entry to some roles (None: every logged-in user). ``badge`` names a
    UserFigure shown as a count beside the label when it is not zero. ``method`` "post" makes
    the entry a button in a form carrying the CSRF token, for actions such as logging out.
    """

    endpoint: str
    label: Any
    order: int = 100
    area: str = "main"
    roles: frozenset[str] | None = None
    badge: str | None = None
    title: Callable[[Any], str] | None = None
    method: str = "get"

    def is_visible_to(self, user) -> bool:
        return self.roles is None or user.role in self.roles


@dataclass(frozen=True)
class PageSection:
    """A part of another package's page, such as the comments under a plan item.

    ``page`` names the page (the endpoint that shows it, e.g. "plan.item"). ``context`` is
    called with the page's object and the user and returns the template's data, or None to
    leave the section out for this object or user. The template sees it as ``section.data``.
    """

    page: str
    name: str
    template: str
    context: Callable[[Any, Any], Mapping | None]
    order: int = 100


@dataclass(frozen=True)
class UserFigure:
    """A number about the logged-in user read with the user itself, in the one query that
    loads them on every request (such as the count of unread notifications).

    ``expression`` receives the user id column and returns a scalar subquery.
    """

    name: str
    expression: Callable[[sa.ColumnElement[int]], sa.ColumnElement]


@dataclass
class Registry:
    vocabularies: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    menu: list[MenuEntry] = field(default_factory=list)
    sections: dict[str, list[PageSection]] = field(default_factory=dict)
    user_figures: dict[str, UserFigure] = field(default_factory=dict)
    health_checks: dict[str, Callable[[], dict]] = field(default_factory=dict)
    object_links: dict[str, tuple[str, str]] = field(default_factory=dict)
    background_services: dict[str, Callable[[Flask], Callable[[], None] | None]] = field(
        default_factory=dict
    )


def registry(app: Flask | None = None) -> Registry:
    """The registry of ``app``, by default the current one."""
    app = app or current_app
    try:
        return app.extensions[EXTENSION_KEY]
    except KeyError:
        found = app.extensions[EXTENSION_KEY] = Registry()
        return found


def _add_once(entries: dict, name: str, value, what: str) -> None:
    # Two packages claiming one name would silently hide one of them.
    if name in entries:
        raise ValueError(f"{what} {name!r} is registered twice")
    entries[name] = value


def add_vocabulary(app: Flask, name: str, labels: Mapping[str, Any]) -> None:
    """Codes and their (lazy) labels, shown by the templates' ``label(name, code)``."""
    _add_once(registry(app).vocabularies, name, labels, "vocabulary")


def add_menu_entry(app: Flask, entry: MenuEntry) -> None:
    if entry.area not in MENU_AREAS:
        raise ValueError(f"menu area {entry.area!r} is not one of {MENU_AREAS}")
    menu = registry(app).menu
    if any(known.endpoint == entry.endpoint for known in menu):
        raise ValueError(f"menu entry {entry.endpoint!r} is registered twice")
    menu.append(entry)
    menu.sort(key=lambda known: known.order)


def add_page_section(app: Flask, section: PageSection) -> None:
    sections = registry(app).sections.setdefault(section.page, [])
    if any(known.name == section.name for known in sections):
        raise ValueError(f"section {section.name!r} of {section.page!r} is registered twice")
    sections.append(section)
    sections.sort(key=lambda known: known.order)


def add_user_figure(app: Flask, figure: UserFigure) -> None:
    _add_once(registry(app).user_figures, figure.name, figure, "user figure")


def add_health_check(app: Flask, name: str, check: Callable[[], dict]) -> None:
    """A part of /healthz: ``check()`` runs in the request and returns a JSON-able dict."""
    _add_once(registry(app).health_checks, name, check, "health check")


def add_object_link(app: Flask, kind: str, endpoint: str, id_argument: str) -> None:
    """Where a record of ``kind`` (as in a notification's ("plan_item", 42)) is shown."""
    _add_once(registry(app).object_links, kind, (endpoint, id_argument), "object link")


def add_background_service(
    app: Flask, name: str, start: Callable[[Flask], Callable[[], None] | None]
) -> None:
    """Something `mediaplan serve` runs beside the web server, such as the scheduler.

    ``start(app)`` starts it and returns the function that stops it, or None when the
    configuration turns it off.
    """
    _add_once(registry(app).background_services, name, start, "background service")
