"""Who may do what to a plan item; views, the API and services all ask here."""

from typing import Protocol

# Own the whole plan, whatever the agency.
PLAN_OWNER_ROLES = ("admin", "coordinator")
# Change only what their own agency leads.
AGENCY_EDITOR_ROLES = ("press_officer", "trainer")


class Actor(Protocol):
    role: str
    agency_id: int


def can_create_items(user: Actor, plan=None) -> bool:
    """May ``user`` add items, to ``plan`` when given (a closed plan takes none)?"""
    if plan is not None and plan.is_closed:
        return False
    return user.role in PLAN_OWNER_ROLES or user.role in AGENCY_EDITOR_ROLES


def can_manage_plans(user: Actor) -> bool:
    """Open, copy, close and reopen plans."""
    return user.role in PLAN_OWNER_ROLES


def can_lead(user: Actor, agency_id: int | None) -> bool:
    """May ``user`` make ``agency_id`` the lead agency of an item?"""
    if user.role in PLAN_OWNER_ROLES:
        return True
    return user.role in AGENCY_EDITOR_ROLES and agency_id == user.agency_id


def can_edit_item(user: Actor, item) -> bool:
    return not item.plan.is_closed and can_lead(user, item.lead_agency_id)


def can_change_status(user: Actor, item) -> bool:
    return not item.plan.is_closed and can_lead(user, item.lead_agency_id)
