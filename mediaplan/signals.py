"""Signals through which packages tell others what happened, without importing them.

A signal is sent with the current app as sender, and receivers connect in their package's
init_app with ``signal.connect(receiver, app)``: a receiver then hears only the app it was
registered on, as Flask's own signals do.
"""

from blinker import Namespace
from flask import current_app

_signals = Namespace()

#: Sent with ``item=`` the PlanItem, ``actor=`` the user who changed it and ``change=`` what
#: happened ("created", "edited" or "status"), before the caller commits; receivers write in the
#: same transaction.
plan_item_changed = _signals.signal("plan-item-changed")

#: Sent with ``comment=`` the new Comment (its ``item`` the PlanItem) and ``actor=`` its author,
#: before the caller commits.
comment_added = _signals.signal("comment-added")


def send(signal, **data) -> None:
    """Send ``signal`` on behalf of the current app."""
    signal.send(current_app._get_current_object(), **data)
