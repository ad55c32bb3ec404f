"""Signals through which the core tells other packages what happened, without importing them."""

from blinker import Namespace

_signals = Namespace()

#: Sent with the PlanItem (sender) after it was created, edited or changed status, before the
#: caller commits; receivers write in the same transaction.
plan_item_changed = _signals.signal("plan-item-changed")
