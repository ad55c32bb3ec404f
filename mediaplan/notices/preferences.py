"""Each user's choice of the notices they get by e-mail (in the app they get them all)."""

from collections.abc import Collection, Iterable

import sqlalchemy as sa

from mediaplan.extensions import db
from mediaplan.locking import lock_name
from mediaplan.notices.models import NoticePreference

# Comments and status changes ask for a look or an answer (a methodologist's remark, a
# postponed or cancelled item), so they come by e-mail unless a user says otherwise. Edits are
# frequent, and mostly small corrections: in the app only, unless a user asks for them.
DEFAULT_EMAILED = {"comment": True, "edit": False, "status": True}
KINDS = tuple(DEFAULT_EMAILED)


def emailed_kinds(user_id: int) -> set[str]:
    """The kinds of notice ``user_id`` gets by e-mail."""
    return {kind for kind, users in emailed_users(KINDS, [user_id]).items() if user_id in users}


def emailed_users(kinds: Iterable[str], user_ids: Collection[int]) -> dict[str, set[int]]:
    """For each kind, those of ``user_ids`` who get it by e-mail, in one query."""
    kinds = tuple(kinds)
    chosen = {
        (row.user_id, row.kind): row.is_emailed
        for row in db.session.scalars(
            sa.select(NoticePreference).where(
                NoticePreference.user_id.in_(user_ids), NoticePreference.kind.in_(kinds)
            )
        )
    }
    return {
        kind: {
            user_id for user_id in user_ids if chosen.get((user_id, kind), DEFAULT_EMAILED[kind])
        }
        for kind in kinds
    }


def set_emailed_kinds(user_id: int, kinds: Collection[str]) -> None:
    """Make ``kinds`` exactly the notices ``user_id`` gets by e-mail; the caller commits.

    Every kind gets a row, so a later change of the defaults leaves a choice made here alone.
    """
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown notice kinds {sorted(unknown)}")
    # Two saves at once would both add the missing rows.
    lock_name("notice-preferences", str(user_id))
    stored = {
        row.kind: row
        for row in db.session.scalars(
            sa.select(NoticePreference).where(NoticePreference.user_id == user_id)
        )
    }
    for kind in KINDS:
        row = stored.get(kind)
        if row is None:
            row = NoticePreference(user_id=user_id, kind=kind)
            db.session.add(row)
        row.is_emailed = kind in kinds
