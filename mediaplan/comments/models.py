"""Comments on plan items: how methodologists give methodological support."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediaplan.db import UTCDateTime, utcnow
from mediaplan.extensions import db
from mediaplan.users.models import User

BODY_MAX = 5000


class Comment(db.Model):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_items.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author: Mapped[User] = relationship()
    item: Mapped["PlanItem"] = relationship()  # noqa: F821 (resolved by name by the mapper)
