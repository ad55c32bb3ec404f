"""Which kinds of notice each user gets by e-mail; a kind without a row keeps its default."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from mediaplan.extensions import db


class NoticePreference(db.Model):
    __tablename__ = "notice_preferences"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # One of mediaplan.notices.preferences.KINDS.
    kind: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    is_emailed: Mapped[bool]
