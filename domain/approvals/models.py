"""Approval requests: what waits for a decision, and the decision once taken."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dealbot.domain.core.models import Base, Member, Team
from dealbot.domain.deals.models import Deal


class ApprovalState(StrEnum):
    OPEN = "open"
    APPROVED = "approved"
    REJECTED = "rejected"
    # The thing to approve went away (its deal was lost): nobody decides it any more.
    CLOSED = "closed"


class ApprovalRequest(Base):
    __tablename__ = "approval_requests"
    __table_args__ = (Index("ix_approval_requests_open", "state", "team_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # What is to be approved, as its capability names it ("quote", "payment", …).
    kind: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(Integer)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id"), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    state: Mapped[str] = mapped_column(String(8), default=ApprovalState.OPEN.value)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str | None] = mapped_column(Text)
    # What the card shows (the reference, the amount…), as the capability described it.
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]

    team: Mapped[Team] = relationship()
    deal: Mapped[Deal | None] = relationship()
    requester: Mapped[Member] = relationship(foreign_keys=[requester_id])
    decided_by: Mapped[Member | None] = relationship(foreign_keys=[decided_by_id])

    @property
    def card_key(self) -> str:
        return f"approval:{self.id}"
