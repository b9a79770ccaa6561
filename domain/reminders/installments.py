"""Payment installments (PRODUCT.md §5): due in `payment_due_days`, due today and overdue (one
a day) to the owner; overdue for `overdue_escalate_days` to finance and the leader too (once).

The installments themselves belong to selling (orders and their payment plans). This module
reads them through one query, `UnpaidInstallments`, which selling provides: a sweep needs no
more than the rows below, and tests hand it rows of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from dealbot.domain.core.money import Money
from dealbot.domain.core.routing import Audience
from dealbot.domain.reminders.calendar import days
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.occasions import Occasion, Source, SweepContext


@dataclass(frozen=True, slots=True)
class DueInstallment:
    """An installment with something left to pay, as reminders need it."""

    id: int  # the installment's own id: the reminders' subject
    order_ref: str  # "O-4"
    number: int  # its place in the order's payment plan, from 1
    deal_ref: str  # "D-12"
    customer: str  # the customer's name
    owner_id: int | None  # the deal's owner (None: the team's leader is reminded)
    team_id: int
    due_on: date
    left_minor: int  # what is left to pay, in the currency's minor units
    currency: str


# Every installment of the team with something left to pay, due on or before the day given,
# in any order. Selling answers it from an index on (team, due day) of unpaid installments.
UnpaidInstallments = Callable[[Session, int, date], Iterable[DueInstallment]]

# Stages of an installment's reminders to its owner, in the order they come.
SOON, TODAY, OVERDUE = 0, 1, 2
STAGES = {SOON: "soon", TODAY: "today", OVERDUE: "overdue"}


def _item(row: DueInstallment, **more: Any) -> dict[str, Any]:
    left = Money.from_minor_units(row.left_minor, row.currency)
    return {
        "order": row.order_ref,
        "number": row.number,
        "deal": row.deal_ref,
        "customer": row.customer,
        "due_on": row.due_on.isoformat(),
        "left": str(left.amount),
        "currency": row.currency,
        **more,
    }


def installment_reminders(unpaid: UnpaidInstallments) -> Source:
    """The installments source of a sweep, reading through `unpaid`."""

    def occasions(context: SweepContext) -> Iterator[Occasion]:
        window, settings = context.window, context.settings
        ahead = settings.payment_due_days
        escalate = settings.overdue_escalate_days
        rows = unpaid(context.session, context.team.id, window.day + timedelta(days=ahead))
        for row in rows:
            if row.team_id != context.team.id or row.left_minor <= 0:
                continue
            yield from _owner_occasions(context, row, ahead)
            if (window.day - row.due_on).days >= escalate:
                yield from _escalations(context, row, escalate)

    return occasions


def _owner_occasions(context: SweepContext, row: DueInstallment, ahead: int) -> Iterator[Occasion]:
    recipient = context.people.owner(row.owner_id)
    if recipient is None:
        return
    member, audience = recipient
    window = context.window
    stages: list[tuple[int, date]] = []
    if ahead:
        stages.append((SOON, row.due_on - timedelta(days=ahead)))
    stages.append((TODAY, row.due_on))
    # Overdue is reminded every day; after a gap only the latest day of it is sent.
    first_overdue = max(window.first, row.due_on + timedelta(days=1))
    stages += [(OVERDUE, day) for day in days(first_overdue, window.day)]
    for stage, on in stages:
        if not window.holds(on):
            continue
        yield Occasion(
            kind=Kind.INSTALLMENT,
            subject_type="installment",
            subject_id=row.id,
            member=member,
            audience=audience,
            on=on,
            label=f"{row.order_ref} #{row.number} ({row.deal_ref})",
            item=_item(row, kind=Kind.INSTALLMENT.value, stage=STAGES[stage]),
            stage=stage,
        )


def _escalations(context: SweepContext, row: DueInstallment, escalate: int) -> Iterator[Occasion]:
    """Once, when it has been overdue for `escalate` days: a condition, still sent when the
    bot was down that day, while it stays unpaid."""
    owner = context.people.by_id.get(row.owner_id) if row.owner_id is not None else None
    told: set[int] = set()
    people = [(m, Audience.FINANCE) for m in context.people.finance]
    if context.people.leader is not None:
        people.append((context.people.leader, Audience.LEADER))
    for member, audience in people:
        if member.id in told:
            continue
        told.add(member.id)
        yield Occasion(
            kind=Kind.ESCALATION,
            subject_type="installment",
            subject_id=row.id,
            member=member,
            audience=audience,
            on=row.due_on + timedelta(days=escalate),
            label=f"{row.order_ref} #{row.number} ({row.deal_ref})",
            item=_item(
                row,
                kind=Kind.ESCALATION.value,
                owner=owner.name if owner is not None else None,
            ),
            condition=True,
        )
