"""The audit log's one table: entries are only ever added, never changed or deleted."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediaplan.db import UTCDateTime, utcnow
from mediaplan.extensions import db


class AuditEntry(db.Model):
    """One change of one record: ``kind`` and ``record_id`` name the record ("user", 7), and
    ``changes`` holds {field: [old, new]} in JSON-safe form (mediaplan.audit.service)."""

    __tablename__ = "audit_entries"
    # Finds a record's history already in order, newest first, however long the log grows.
    __table_args__ = (sa.Index("ix_audit_entries_record", "kind", "record_id", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    # No foreign key: entries name records of every kind, and outlive nothing they name.
    record_id: Mapped[int]
    action: Mapped[str] = mapped_column(sa.String(40))
    # None for the system: the CLI, the demo loader, a scheduled job.
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    # Named, not imported: agencies record changes too and come before users in
    # load_features, so the audit package must come before both (README, "The dependency
    # rule"); by the time mappers are configured every model is loaded.
    actor: Mapped[Any] = relationship("User", lazy="joined")

    def __repr__(self) -> str:
        return f"<AuditEntry {self.kind} {self.record_id} {self.action}>"


class AuditLogIsAppendOnly(RuntimeError):
    """Something tried to change or delete an entry of the audit log."""


@sa.event.listens_for(AuditEntry, "before_update")
@sa.event.listens_for(AuditEntry, "before_delete")
def _refuse_changes(_mapper, _connection, entry: AuditEntry) -> None:
    # What the log says happened must stay as it was written, whoever asks.
    raise AuditLogIsAppendOnly(f"{entry!r} cannot be changed or deleted")
