"""Stagnant deals (PRODUCT.md §2.6, §5): a deal in negotiation with no progress report for the
team's `stagnation_days`, to its owner and the leader, with "Log progress", "Snooze 3 days"
and "Mark lost". Once per stagnation: again only after a snooze ran out, or after progress
and another N days without any."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import select

from dealbot.domain.core.routing import Audience
from dealbot.domain.customers.models import Customer
from dealbot.domain.deals.enums import DealStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.reminders.calendar import local_date, start_of_day
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.models import DealSnooze
from dealbot.domain.reminders.occasions import Occasion, SweepContext

SNOOZE_DAYS = 3


def card_key(deal_id: int) -> str:
    """Every stagnation card of a deal: changed together when it is snoozed or closed."""
    return f"stagnation:{deal_id}"


def stagnant_deals(context: SweepContext) -> Iterator[Occasion]:
    team, day = context.team, context.window.day
    quiet = team.stagnation_days
    # No progress on or after the local day N days before: stagnant from the reminder day on.
    threshold = start_of_day(team.timezone, day - timedelta(days=quiet - 1))
    rows = context.session.execute(
        select(Deal, Customer.name, DealSnooze.until)
        .join(Customer, Customer.id == Deal.customer_id)
        .outerjoin(DealSnooze, DealSnooze.deal_id == Deal.id)
        .where(
            Deal.team_id == team.id,
            Deal.status == DealStatus.NEGOTIATION.value,
            Deal.last_progress_at < threshold,
        )
        # Quiet the longest first: the order of the (team, status, last progress) index,
        # which SQLite would otherwise pass over for the team's index, in id order.
        .order_by(Deal.last_progress_at, Deal.id)
    )
    for deal, customer, snoozed_until in rows:
        since = local_date(team.timezone, deal.last_progress_at)
        on = since + timedelta(days=quiet)
        if snoozed_until is not None and snoozed_until > on:
            on = snoozed_until
        if on > day:
            continue  # snoozed beyond today
        owner = context.people.by_id.get(deal.owner_id) if deal.owner_id else None
        recipients = [(owner, Audience.OWNER)] if owner is not None else []
        leader = context.people.leader
        if leader is not None and (owner is None or leader.id != owner.id):
            recipients.append((leader, Audience.LEADER))
        for member, audience in recipients:
            yield Occasion(
                kind=Kind.STAGNATION,
                subject_type="deal",
                subject_id=deal.id,
                member=member,
                audience=audience,
                on=on,
                label=f"{deal.ref} {deal.title}"[:200],
                item={
                    "kind": Kind.STAGNATION.value,
                    "deal": deal.id,
                    "ref": deal.ref,
                    "title": deal.title,
                    "customer": customer,
                    "owner": owner.name if owner is not None else None,
                    "since": since.isoformat(),
                },
                condition=True,
            )
