"""What the layout shows around every page, read from the registries: the menus, the start
page, links to records and the sections packages add to each other's pages."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import Flask, abort, redirect, request, url_for
from flask_login import current_user

from mediaplan.extensions import db, login_manager
from mediaplan.registries import MenuEntry, registry


@dataclass(frozen=True)
class MenuLink:
    url: str
    label: str
    title: str
    badge: int
    method: str
    is_current: bool


@dataclass(frozen=True)
class RenderedSection:
    name: str
    template: str
    data: Mapping[str, Any]


def register_navigation(app: Flask) -> None:
    app.add_url_rule("/", "home", home)
    app.jinja_env.globals.update(
        menu=menu,
        object_url=object_url,
        page_sections=lambda page, obj=None: page_sections(page, obj, current_user),
    )


def home():
    return redirect(home_url(current_user))


def home_url(user) -> str:
    """The start page: the first entry of the main menu that ``user`` may open."""
    if not user.is_authenticated:
        return url_for(login_manager.login_view)
    for entry in registry().menu:
        if entry.area == "main" and entry.is_visible_to(user):
            return url_for(entry.endpoint)
    abort(404)


def menu(area: str) -> list[MenuLink]:
    """The entries of a menu area the current user may see, ready to show."""
    if not current_user.is_authenticated:
        return []
    entries = registry().menu
    claimed = {entry.endpoint for entry in entries}
    return [
        _link(entry, current_user, claimed)
        for entry in entries
        if entry.area == area and entry.is_visible_to(current_user)
    ]


def _link(entry: MenuEntry, user, claimed: set[str]) -> MenuLink:
    label = entry.label(user) if callable(entry.label) else entry.label
    return MenuLink(
        url=url_for(entry.endpoint),
        label=str(label),
        title=str(entry.title(user)) if entry.title else "",
        badge=user_figure(user, entry.badge) if entry.badge else 0,
        method=entry.method,
        is_current=_is_current(entry, claimed),
    )


def _is_current(entry: MenuEntry, claimed: set[str]) -> bool:
    """The entry's own page, or in the main menu another page of its blueprint that no
    entry leads to (an item's page belongs to the plan's entry)."""
    if request.endpoint == entry.endpoint:
        return True
    if entry.area != "main" or request.endpoint in claimed:
        return False
    return entry.endpoint.rpartition(".")[0] == request.blueprint


def user_figure(user, name: str) -> int:
    """A registered figure about ``user``: read with the user by the session's loader, or
    counted now when the user was loaded another way (just logged in, say)."""
    known = getattr(user, "figures", None)
    if known is not None and name in known:
        return known[name] or 0
    figure = registry().user_figures[name]
    return db.session.scalar(sa.select(figure.expression(sa.literal(user.id)))) or 0


def object_url(kind: str | None, object_id: int | None) -> str | None:
    """The page of a record named by a kind and an id, when a package shows such records."""
    target = registry().object_links.get(kind or "")
    if target is None or object_id is None:
        return None
    endpoint, argument = target
    return url_for(endpoint, **{argument: object_id})


def page_sections(page: str, obj, user) -> list[RenderedSection]:
    """The sections packages add to ``page`` for this object and user, in their order."""
    rendered = []
    for section in registry().sections.get(page, ()):
        data = section.context(obj, user)
        if data is not None:
            rendered.append(RenderedSection(section.name, section.template, data))
    return rendered
