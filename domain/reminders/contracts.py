"""Contracts ending within `contract_end_days` (PRODUCT.md §5, seed 004: renew, or offer new
products), to the customer's owner, once per contract."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import select

from dealbot.domain.customers.models import Contract, Customer
from dealbot.domain.reminders.calendar import local_date
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.occasions import Occasion, SweepContext


def contracts_ending(context: SweepContext) -> Iterator[Occasion]:
    """A contract that ends within N days of the reminder day, and has not ended yet.

    It is a condition: a contract added 10 days before its end is reminded at once, and one
    the bot was down for is still worth a late reminder while it has not ended.
    """
    team, day, ahead = context.team, context.window.day, context.settings.contract_end_days
    rows = context.session.execute(
        select(
            Contract.id,
            Contract.title,
            Contract.ends_on,
            Contract.created_at,
            Customer.id,
            Customer.name,
            Customer.owner_id,
        )
        .join(Customer, Customer.id == Contract.customer_id)
        .where(
            Customer.team_id == team.id,
            Contract.ends_on.between(day, day + timedelta(days=ahead)),
        )
    )
    for contract_id, title, ends_on, created_at, customer_id, name, owner_id in rows:
        recipient = context.people.owner(owner_id)
        if recipient is None or ends_on is None:
            continue
        member, audience = recipient
        on = ends_on - timedelta(days=ahead)
        yield Occasion(
            kind=Kind.CONTRACT_END,
            subject_type="contract",
            subject_id=contract_id,
            member=member,
            audience=audience,
            on=on,
            label=f"C-{customer_id} {name}: {title}"[:200],
            item={
                "kind": Kind.CONTRACT_END.value,
                "title": title,
                "ref": f"C-{customer_id}",
                "customer": name,
                "ends_on": ends_on.isoformat(),
            },
            condition=True,
            due=max(on, local_date(team.timezone, created_at)),
        )
