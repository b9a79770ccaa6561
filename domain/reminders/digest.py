"""The weekly digest to each team's leader (PRODUCT.md §5): the pipeline by stage, won and
lost this week, stagnant deals and overdue payments.

Each part is a `DigestSection`: a function of the store and the week that returns what the
message shows (plain JSON values, stored with the notification), or None to leave it out.
A capability adds a part by adding one function to the sections a desk is built with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.money import Money
from dealbot.domain.core.routing import Audience
from dealbot.domain.deals.enums import DealStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.reminders.calendar import start_of_day
from dealbot.domain.reminders.installments import OverdueInstallments
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.occasions import Occasion, SweepContext

# Deals listed by name in a part of the digest; the count says how many more there are.
LISTED = 10


@dataclass(frozen=True)
class DigestWeek:
    """The week a digest is about: the seven local days before its day, in the team's zone."""

    team: Team
    day: date  # the digest's day (default Monday)
    first: date
    last: date
    start: datetime  # local midnight of `first`, in UTC
    end: datetime  # local midnight of `day`, in UTC

    @classmethod
    def before(cls, team: Team, day: date) -> DigestWeek:
        first = day - timedelta(days=7)
        return cls(
            team,
            day,
            first,
            day - timedelta(days=1),
            start_of_day(team.timezone, first),
            start_of_day(team.timezone, day),
        )


DigestSection = Callable[[Session, DigestWeek], dict[str, Any] | None]


def _amounts(rows: Sequence[tuple[str, int]]) -> dict[str, str]:
    """Sums per currency, as decimal strings (every currency's own minor units)."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for currency, minor in rows:
        totals[currency] += Money.from_minor_units(int(minor or 0), currency).amount
    return {currency: str(amount) for currency, amount in sorted(totals.items())}


def pipeline(session: Session, week: DigestWeek) -> dict[str, Any]:
    """Open deals by stage (opened, in negotiation): counts and amounts per currency."""
    rows = session.execute(
        select(
            Deal.status,
            Deal.currency,
            func.count(),
            func.coalesce(func.sum(Deal.amount_minor), 0),
        )
        .where(
            Deal.team_id == week.team.id,
            Deal.status.in_([DealStatus.OPEN.value, DealStatus.NEGOTIATION.value]),
        )
        .group_by(Deal.status, Deal.currency)
    ).all()
    stages = []
    for status in (DealStatus.OPEN.value, DealStatus.NEGOTIATION.value):
        mine = [r for r in rows if r[0] == status]
        stages.append(
            {
                "status": status,
                "deals": sum(int(r[2] or 0) for r in mine),
                "amounts": _amounts([(r[1], int(r[3] or 0)) for r in mine]),
            }
        )
    return {"stages": stages}


def closed(session: Session, week: DigestWeek) -> dict[str, Any]:
    """Deals won and lost during the week (the reasons stay out: the card lists them)."""
    part: dict[str, Any] = {}
    for status in (DealStatus.WON.value, DealStatus.LOST.value):
        deals = session.scalars(
            select(Deal)
            .where(
                Deal.team_id == week.team.id,
                Deal.status == status,
                Deal.closed_at >= week.start,
                Deal.closed_at < week.end,
            )
            .order_by(Deal.closed_at, Deal.id)
        ).all()
        part[status] = {
            "deals": len(deals),
            "amounts": _amounts([(d.currency, d.amount_minor or 0) for d in deals]),
            "listed": [[d.ref, d.title] for d in deals[:LISTED]],
        }
    return part


def stagnant(session: Session, week: DigestWeek) -> dict[str, Any]:
    """Deals in negotiation with no progress for the team's stagnation days, oldest first."""
    quiet = week.team.stagnation_days
    threshold = start_of_day(week.team.timezone, week.day - timedelta(days=quiet - 1))
    query = select(Deal).where(
        Deal.team_id == week.team.id,
        Deal.status == DealStatus.NEGOTIATION.value,
        Deal.last_progress_at < threshold,
    )
    count = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    deals = session.scalars(query.order_by(Deal.last_progress_at, Deal.id).limit(LISTED)).all()
    owners = {
        m.id: m.name
        for m in session.scalars(select(Member).where(Member.id.in_({d.owner_id for d in deals})))
    }
    listed = [
        [d.ref, d.title, owners.get(d.owner_id or 0), d.last_progress_at.date().isoformat()]
        for d in deals
    ]
    return {"deals": int(count), "listed": listed}


def overdue_payments(overdue: OverdueInstallments) -> DigestSection:
    """Installments due before the digest's day and not paid in full, through selling's query."""

    def section(session: Session, week: DigestWeek) -> dict[str, Any]:
        found = overdue(session, week.team.id, week.day - timedelta(days=1), LISTED)
        return {
            "count": found.installments,
            "amounts": _amounts(found.left),
            "listed": [
                [
                    r.order_ref,
                    r.number,
                    r.deal_ref,
                    r.due_on.isoformat(),
                    str(Money.from_minor_units(r.left_minor, r.currency).amount),
                    r.currency,
                ]
                for r in found.earliest
            ],
        }

    return section


BASE_SECTIONS: tuple[tuple[str, DigestSection], ...] = (
    ("pipeline", pipeline),
    ("closed", closed),
    ("stagnant", stagnant),
)


def digest_params(
    session: Session, week: DigestWeek, sections: Sequence[tuple[str, DigestSection]]
) -> dict[str, Any]:
    parts = {}
    for name, section in sections:
        part = section(session, week)
        if part is not None:
            parts[name] = part
    return {
        "kind": Kind.DIGEST.value,
        "team": week.team.name,
        "first": week.first.isoformat(),
        "last": week.last.isoformat(),
        "sections": parts,
    }


def digest_source(
    sections: Sequence[tuple[str, DigestSection]],
) -> Callable[[SweepContext], Iterator[Occasion]]:
    """The team's digest on the latest digest day of the window, to its leader."""

    def occasions(context: SweepContext) -> Iterator[Occasion]:
        leader = context.people.leader
        window = context.window
        if leader is None:
            return
        back = (window.day.weekday() - context.settings.digest_weekday) % 7
        day = window.day - timedelta(days=back)
        if not window.holds(day):
            return
        week = DigestWeek.before(context.team, day)
        yield Occasion(
            kind=Kind.DIGEST,
            subject_type="team",
            subject_id=context.team.id,
            member=leader,
            audience=Audience.LEADER,
            on=day,
            label=f"{context.team.name} {week.first.isoformat()}–{week.last.isoformat()}",
            item={"kind": Kind.DIGEST.value},
            # Worked out only when the occasion is new: most sweeps of the digest's day find
            # it in the ledger already.
            build=lambda: digest_params(context.session, week, sections),
        )

    return occasions
