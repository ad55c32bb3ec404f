"""Absolute links for e-mails: the site's address (BASE_URL) and a page's path.

Built from the URL map rather than ``url_for``, which needs a request (or SERVER_NAME) and
would take the host from whoever made the request; an e-mail must lead to where the site is
served, whether it was written in a request, a job or a command.
"""

from flask import current_app

from mediaplan.registries import registry


def site_url(base_url: str, endpoint: str, **values) -> str:
    """The absolute URL of ``endpoint`` on the site served at ``base_url``."""
    path = current_app.url_map.bind("localhost", script_name="/").build(endpoint, values)
    return base_url.rstrip("/") + path


def object_site_url(base_url: str, kind: str, object_id: int) -> str | None:
    """The absolute URL of the page showing a record such as ("plan_item", 42), when a package
    registered one (``add_object_link``)."""
    target = registry().object_links.get(kind)
    if target is None:
        return None
    endpoint, argument = target
    return site_url(base_url, endpoint, **{argument: object_id})
