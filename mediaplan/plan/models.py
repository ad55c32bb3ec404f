"""The media plan, its items, and everything kept about an item's execution."""

from datetime import date, datetime
from decimal import Decimal
from secrets import token_hex

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mediaplan.agencies.models import Agency
from mediaplan.db import TimestampMixin, UTCDateTime, localized, utcnow
from mediaplan.extensions import db
from mediaplan.users.models import User

plan_item_co_executors = sa.Table(
    "plan_item_co_executors",
    db.metadata,
    sa.Column("item_id", sa.ForeignKey("plan_items.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("agency_id", sa.ForeignKey("agencies.id"), primary_key=True, index=True),
)


def new_items_version() -> str:
    return token_hex(8)


class Plan(TimestampMixin, db.Model):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    title_ky: Mapped[str] = mapped_column(sa.String(300), default="")
    title_ru: Mapped[str] = mapped_column(sa.String(300), default="")
    title_en: Mapped[str] = mapped_column(sa.String(300), default="")
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    # Replaced whenever the plan or one of its items changes (plan/versions.py).
    items_version: Mapped[str] = mapped_column(
        sa.String(32), default=new_items_version, server_default=""
    )
    # A closed plan is kept as it was: its items can no longer be added, edited or moved.
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


class PlanItem(TimestampMixin, db.Model):
    __tablename__ = "plan_items"
    __table_args__ = (
        sa.UniqueConstraint("plan_id", "number"),
        # The plan table's default order (number, then id) with every column its filters test:
        # both databases page and count from this index alone instead of reading the wide rows
        # (descriptions in three languages) of every item in the plan, and stop after a page.
        sa.Index(
            "ix_plan_items_table",
            "plan_id",
            "sort_key",
            "id",
            "direction",
            "format",
            "status",
            "lead_agency_id",
            "ends_on",
            "starts_on",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id"), index=True)
    number: Mapped[str] = mapped_column(sa.String(20))
    # Numbers sort as "1.2" < "1.10"; this zero-padded copy keeps ORDER BY cheap on both databases.
    sort_key: Mapped[str] = mapped_column(sa.String(80), index=True)
    direction: Mapped[str] = mapped_column(sa.String(32), index=True)
    format: Mapped[str] = mapped_column(sa.String(32), index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default="planned", index=True)
    title_ky: Mapped[str] = mapped_column(sa.String(300), default="")
    title_ru: Mapped[str] = mapped_column(sa.String(300), default="")
    title_en: Mapped[str] = mapped_column(sa.String(300), default="")
    description_ky: Mapped[str] = mapped_column(sa.Text, default="")
    description_ru: Mapped[str] = mapped_column(sa.Text, default="")
    description_en: Mapped[str] = mapped_column(sa.Text, default="")
    # Casefolded titles in all languages: SQLite's LIKE folds only ASCII, so Cyrillic search
    # compares against this column instead.
    search_text: Mapped[str] = mapped_column(sa.Text, default="")
    lead_agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agencies.id"), index=True)
    # An item with no start date is a deadline: it must be done by ends_on.
    starts_on: Mapped[date | None]
    ends_on: Mapped[date] = mapped_column(index=True)
    # Days before the start (or the deadline) when the lead agency is reminded; None: never.
    reminder_days: Mapped[int | None]
    # Raised by every change of the item; an edit carries the version it was read at, and a save
    # over a newer one is refused rather than losing the other person's changes.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    budget: Mapped[Decimal | None] = mapped_column(sa.Numeric(14, 2))
    funding_source: Mapped[str | None] = mapped_column(sa.String(32))
    keywords_ky: Mapped[str] = mapped_column(sa.Text, default="")
    keywords_ru: Mapped[str] = mapped_column(sa.Text, default="")
    keywords_en: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    plan: Mapped[Plan] = relationship()
    lead_agency: Mapped[Agency] = relationship()
    co_executors: Mapped[list[Agency]] = relationship(
        secondary=plan_item_co_executors, order_by=Agency.code
    )
    tags: Mapped[list["PlanItemTag"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanItemTag.code"
    )
    indicators: Mapped[list["PlanItemIndicator"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanItemIndicator.position"
    )
    status_changes: Mapped[list["PlanItemStatusChange"]] = relationship(
        cascade="all, delete-orphan", order_by="PlanItemStatusChange.changed_at"
    )
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def is_deadline(self) -> bool:
        return self.starts_on is None

    def tag_codes(self, kind: str) -> list[str]:
        return [tag.code for tag in self.tags if tag.kind == kind]

    @property
    def regions(self) -> list[str]:
        return self.tag_codes("region")

    @property
    def target_groups(self) -> list[str]:
        return self.tag_codes("target_group")

    @property
    def languages(self) -> list[str]:
        return self.tag_codes("language")

    def __repr__(self) -> str:
        return f"<PlanItem {self.number}>"


class PlanItemTag(db.Model):
    """A region, target group or delivery language of an item (kind + code from choices)."""

    __tablename__ = "plan_item_tags"
    # item_id makes "items with this region" a read of the index alone.
    __table_args__ = (sa.Index("ix_plan_item_tags_kind_code", "kind", "code", "item_id"),)

    item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_items.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(32), primary_key=True)


class PlanItemIndicator(db.Model):
    __tablename__ = "plan_item_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(sa.String(500))
    target: Mapped[int]
    unit: Mapped[str] = mapped_column(sa.String(60), default="")


class PlanItemStatusChange(db.Model):
    """One change of an item's status: kept forever, since reports count them."""

    __tablename__ = "plan_item_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("plan_items.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(sa.String(20))
    to_status: Mapped[str] = mapped_column(sa.String(20))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    actor: Mapped[User | None] = relationship()
