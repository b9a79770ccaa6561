"""Reading deals: show, lists, search and statistics, scoped to what the viewer may see."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from dealbot.domain.core.errors import Invalid
from dealbot.domain.core.models import Member
from dealbot.domain.core.money import Money
from dealbot.domain.core.permissions import visible_team_ids
from dealbot.domain.core.text import cleaned, contains_pattern
from dealbot.domain.customers.models import Customer
from dealbot.domain.deals import policies
from dealbot.domain.deals.enums import CompanySize, DealStatus, Industry, TaskState, TimelineKind
from dealbot.domain.deals.models import Deal, Task
from dealbot.domain.deals.use_cases import load_deal
from dealbot.domain.deals.views import (
    AdviceTaskView,
    DealCard,
    DealDetail,
    GroupFigures,
    Stats,
    TimelineItem,
)

LIST_LIMIT = 50


@dataclass(frozen=True)
class SearchFilters:
    industry: Industry | None = None
    company_size: CompanySize | None = None
    status: DealStatus | None = None
    owner: str | None = None
    opened_from: date | None = None
    opened_to: date | None = None
    text: str | None = None


def show_deal(session: Session, viewer: Member, ref: str) -> DealDetail:
    deal = load_deal(session, viewer, ref)
    private = not policies.can_see_lost_reason(session, viewer, deal)
    return DealDetail(
        card=DealCard.of(deal),
        source=deal.source,
        notes=deal.notes,
        lost_reason=None if private else deal.lost_reason,
        timeline=tuple(
            TimelineItem.of(e, hide_notes=private and e.kind == TimelineKind.LOST.value)
            for e in deal.timeline
        ),
    )


def _scoped(session: Session, viewer: Member) -> Select[Deal]:
    query = select(Deal).options(
        selectinload(Deal.customer), selectinload(Deal.owner), selectinload(Deal.team)
    )
    teams = visible_team_ids(session, viewer)
    return query if teams is None else query.where(Deal.team_id.in_(teams))


OPEN_STATUSES = (DealStatus.OPEN.value, DealStatus.NEGOTIATION.value)


def open_deals_of(session: Session, viewer: Member) -> list[DealCard]:
    """The viewer's own open deals, newest first: what `/deal update` offers."""
    query = (
        _scoped(session, viewer)
        .where(Deal.owner_id == viewer.id, Deal.status.in_(OPEN_STATUSES))
        .order_by(Deal.id.desc())
        .limit(LIST_LIMIT)
    )
    return [DealCard.of(d) for d in session.scalars(query)]


def team_open_deals(session: Session, viewer: Member) -> list[DealCard]:
    query = (
        _scoped(session, viewer)
        .where(Deal.status.in_(OPEN_STATUSES))
        .order_by(Deal.id.desc())
        .limit(LIST_LIMIT)
    )
    return [DealCard.of(d) for d in session.scalars(query)]


def waiting_tasks(session: Session, viewer: Member) -> list[AdviceTaskView]:
    query = (
        select(Task)
        .where(Task.assignee_id == viewer.id, Task.state == TaskState.OPEN.value)
        .order_by(Task.id)
    )
    return [
        AdviceTaskView(t.id, DealCard.of(t.deal), done=False, kind=t.kind)
        for t in session.scalars(query)
    ]


def _filtered(session: Session, viewer: Member, filters: SearchFilters) -> Select[Deal]:
    query = _scoped(session, viewer)
    if filters.industry is not None:
        query = query.where(Deal.industry == filters.industry.value)
    if filters.company_size is not None:
        query = query.where(Deal.company_size == filters.company_size.value)
    if filters.status is not None:
        query = query.where(Deal.status == filters.status.value)
    if filters.owner:
        handle = filters.owner.lstrip("@")
        owner = session.scalar(select(Member.id).where(Member.handle == handle))
        if owner is None:
            raise Invalid("error-owner-unknown", owner=handle)
        query = query.where(Deal.owner_id == owner)
    if filters.opened_from is not None:
        query = query.where(Deal.opened_at >= datetime.combine(filters.opened_from, time(), UTC))
    if filters.opened_to is not None:
        end = datetime.combine(filters.opened_to + timedelta(days=1), time(), UTC)
        query = query.where(Deal.opened_at < end)
    if filters.text and cleaned(filters.text).strip():
        pattern = contains_pattern(filters.text)
        query = query.join(Customer, Deal.customer_id == Customer.id).where(
            or_(
                Deal.title.ilike(pattern, escape="\\"),
                Customer.name.ilike(pattern, escape="\\"),
                Deal.notes.ilike(pattern, escape="\\"),
            )
        )
    return query


def search_deals(session: Session, viewer: Member, filters: SearchFilters) -> list[DealCard]:
    query = _filtered(session, viewer, filters).order_by(Deal.id.desc()).limit(LIST_LIMIT)
    return [DealCard.of(d) for d in session.scalars(query)]


def _figures(key: str, rows: list[Any]) -> GroupFigures:
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    deals = won = lost = 0
    for row in rows:
        deals += row.deals
        won += row.deals if row.status == DealStatus.WON.value else 0
        lost += row.deals if row.status == DealStatus.LOST.value else 0
        amounts[row.currency] += Money.from_minor_units(row.amount, row.currency).amount
    return GroupFigures(key=key, deals=deals, won=won, lost=lost, amounts=dict(amounts))


def deal_stats(session: Session, viewer: Member, filters: SearchFilters) -> Stats:
    # A lead is not a deal of the pipeline yet: its opening report is still to come.
    deals = (
        _filtered(session, viewer, filters).where(Deal.status != DealStatus.LEAD.value).subquery()
    )
    rows = session.execute(
        select(
            deals.c.industry,
            deals.c.company_size,
            deals.c.status,
            deals.c.currency,
            func.count().label("deals"),
            func.coalesce(func.sum(deals.c.amount_minor), 0).label("amount"),
            func.sum(
                func.cast(deals.c.reached_negotiation | (deals.c.status == "won"), type_=Integer)
            ).label("negotiated"),
        ).group_by(deals.c.industry, deals.c.company_size, deals.c.status, deals.c.currency)
    ).all()
    by_industry: dict[str, list[Any]] = defaultdict(list)
    by_size: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_industry[row.industry].append(row)
        by_size[row.company_size].append(row)
    total = _figures("total", list(rows))
    negotiated = sum(int(row.negotiated or 0) for row in rows)
    return Stats(
        total=total,
        by_industry=tuple(
            _figures(i.value, by_industry[i.value]) for i in Industry if i.value in by_industry
        ),
        by_company_size=tuple(
            _figures(s.value, by_size[s.value]) for s in CompanySize if s.value in by_size
        ),
        funnel=(
            (DealStatus.OPEN.value, total.deals),
            (DealStatus.NEGOTIATION.value, negotiated),
            (DealStatus.WON.value, total.won),
        ),
    )
