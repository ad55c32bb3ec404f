"""Who may comment on a plan item."""

from mediaplan.plan.rights import Actor, can_lead

# Comment on any item: methodological support needs to reach every agency.
REVIEWER_ROLES = ("admin", "coordinator", "methodologist")


def can_comment(user: Actor, item) -> bool:
    """Reviewers comment on every item; press officers and trainers on their agency's."""
    return user.role in REVIEWER_ROLES or can_lead(user, item.lead_agency_id)
