"""The stored state of the deal flow."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dealbot.domain.core.models import Base, Member, Team
from dealbot.domain.core.money import Money
from dealbot.domain.customers.models import Customer
from dealbot.domain.deals.enums import DealStatus, TaskKind, TaskState, TimelineKind


class Deal(Base):
    __tablename__ = "deals"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    # None only for a lead sent to a team whose leader has not assigned it yet.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    title: Mapped[str] = mapped_column(String(200))
    # A lead may come without these; completing its opening report fills them in.
    industry: Mapped[str | None] = mapped_column(String(32))
    company_size: Mapped[str | None] = mapped_column(String(16))
    amount_minor: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    expected_close: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=DealStatus.OPEN.value, index=True)
    reached_negotiation: Mapped[bool] = mapped_column(Boolean, default=False)
    lost_reason: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime]
    last_progress_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    # The intake API's `external_id`: the unique key that makes a repeated call change nothing.
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)

    team: Mapped[Team] = relationship()
    owner: Mapped[Member | None] = relationship()
    customer: Mapped[Customer] = relationship()
    timeline: Mapped[list[TimelineEntry]] = relationship(
        back_populates="deal", order_by="TimelineEntry.id"
    )

    @property
    def ref(self) -> str:
        return f"D-{self.id}"

    @property
    def thread_key(self) -> str:
        return f"deal:{self.id}"

    @property
    def money(self) -> Money | None:
        if self.amount_minor is None:
            return None
        return Money.from_minor_units(self.amount_minor, self.currency)

    @property
    def deal_status(self) -> DealStatus:
        return DealStatus(self.status)


class TimelineEntry(Base):
    __tablename__ = "timeline"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]
    activity: Mapped[str | None] = mapped_column(String(16))
    progress: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    deal: Mapped[Deal] = relationship(back_populates="timeline")
    actor: Mapped[Member] = relationship()

    @property
    def timeline_kind(self) -> TimelineKind:
        return TimelineKind(self.kind)


class Task(Base):
    """Something a person is asked to do about a deal (give advice, complete a lead's
    opening report, assign a lead), with a button; closed when the deal closes."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default=TaskKind.ADVICE.value)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    assignee_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    state: Mapped[str] = mapped_column(String(8), default=TaskState.OPEN.value)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]

    deal: Mapped[Deal] = relationship()
    assignee: Mapped[Member] = relationship()
