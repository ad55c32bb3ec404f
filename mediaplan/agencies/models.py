"""Implementing agencies: state bodies, local self-government, NGOs, partners and outlets."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from mediaplan.db import TimestampMixin, localized
from mediaplan.extensions import db


class Agency(TimestampMixin, db.Model):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    kind: Mapped[str] = mapped_column(sa.String(32))
    name_ky: Mapped[str] = mapped_column(sa.String(300), default="")
    name_ru: Mapped[str] = mapped_column(sa.String(300), default="")
    name_en: Mapped[str] = mapped_column(sa.String(300), default="")
    abbreviation_ky: Mapped[str] = mapped_column(sa.String(40), default="")
    abbreviation_ru: Mapped[str] = mapped_column(sa.String(40), default="")
    abbreviation_en: Mapped[str] = mapped_column(sa.String(40), default="")
    is_active: Mapped[bool] = mapped_column(default=True)

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def short_name(self) -> str:
        return localized(self, "abbreviation") or self.name

    def __repr__(self) -> str:
        return f"<Agency {self.code}>"
