"""What use cases and queries hand back: plain values, safe to use after the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from dealbot.domain.core.money import Money
from dealbot.domain.deals.models import Deal, TimelineEntry


@dataclass(frozen=True)
class DealCard:
    id: int
    ref: str
    title: str
    customer: str
    customer_ref: str
    industry: str | None
    company_size: str | None
    money: Money | None
    owner: str | None
    owner_handle: str | None
    team: str
    status: str
    expected_close: date | None
    opened_at: datetime
    closed_at: datetime | None

    @classmethod
    def of(cls, deal: Deal) -> DealCard:
        return cls(
            id=deal.id,
            ref=deal.ref,
            title=deal.title,
            customer=deal.customer.name,
            customer_ref=deal.customer.ref,
            industry=deal.industry,
            company_size=deal.company_size,
            money=deal.money,
            owner=deal.owner.name if deal.owner else None,
            owner_handle=deal.owner.handle if deal.owner else None,
            team=deal.team.name,
            status=deal.status,
            expected_close=deal.expected_close,
            opened_at=deal.opened_at,
            closed_at=deal.closed_at,
        )


@dataclass(frozen=True)
class TimelineItem:
    kind: str
    actor: str
    at: datetime
    activity: str | None
    progress: str | None
    notes: str | None
    # A step of another capability: the catalog message that tells it, and its arguments.
    details: dict[str, Any] | None = None

    @classmethod
    def of(cls, entry: TimelineEntry, *, hide_notes: bool = False) -> TimelineItem:
        return cls(
            kind=entry.kind,
            actor=entry.actor.name,
            at=entry.at,
            activity=entry.activity,
            progress=entry.progress,
            notes=None if hide_notes else entry.notes,
            details=dict(entry.details) if entry.details else None,
        )


@dataclass(frozen=True)
class DealDetail:
    card: DealCard
    source: str | None
    notes: str | None
    lost_reason: str | None
    timeline: tuple[TimelineItem, ...]


@dataclass(frozen=True)
class AdviceTaskView:
    """A task waiting for someone: advice, a lead's opening report, or assigning a lead."""

    task_id: int
    deal: DealCard
    done: bool
    kind: str = "advice"


@dataclass(frozen=True)
class GroupFigures:
    """Counts and amounts of one industry or company size."""

    key: str
    deals: int
    won: int
    lost: int
    amounts: dict[str, Decimal]

    @property
    def win_rate(self) -> float | None:
        closed = self.won + self.lost
        return self.won / closed if closed else None


@dataclass(frozen=True)
class Stats:
    total: GroupFigures
    by_industry: tuple[GroupFigures, ...]
    by_company_size: tuple[GroupFigures, ...]
    funnel: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class LeadTaskView:
    """A lead's task as its button opens it: the lead as the intake API left it."""

    task_id: int
    kind: str
    card: DealCard
    source: str | None
    notes: str | None


@dataclass(frozen=True)
class LeadReceipt:
    """The intake API's answer: the deal's reference and status, and whether it is new."""

    ref: str
    status: str
    created: bool


@dataclass(frozen=True)
class DealState:
    """A deal as another system may read it back: never its lost reason."""

    card: DealCard
    external_id: str | None
