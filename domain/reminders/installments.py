"""Payment installments (PRODUCT.md §5): due in `payment_due_days`, due today and overdue (one
a day) to the owner; overdue for `overdue_escalate_days` to finance and the leader too (once).

The installments themselves belong to selling (orders and their payment plans). This module
reads them through one query, `UnpaidInstallments`, which selling provides: a sweep needs no
more than the rows below, and tests hand it rows of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import partial
from typing import Any, NamedTuple, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member
from dealbot.domain.core.money import Money
from dealbot.domain.core.routing import Audience
from dealbot.domain.reminders.calendar import ONE_DAY
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.models import Reminder
from dealbot.domain.reminders.occasions import Occasion, Source, SweepContext


class DueInstallment(NamedTuple):
    """An installment with something left to pay, as reminders need it (a tuple: a sweep
    reads tens of thousands)."""

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


class Unrecorded(NamedTuple):
    """What a sweep of the days `first` to `day` may leave out: the installments whose
    latest occasion there (overdue or due on `day`, or due in `ahead` days) the ledger holds
    already, for whoever it was, unless their escalation (due `escalate` days after) is still
    to come; and those due later than `ahead` days after `first` but after `day` (no
    occasion yet). A repeat sweep then reads next to nothing."""

    first: date
    day: date
    ahead: int
    escalate: int


class UnpaidInstallments(Protocol):
    """Every installment of the team with something left to pay, due on or before the day
    given, in any order; with `unrecorded`, it may leave out those it describes. Selling
    answers it from a partial index on the due day of unpaid installments."""

    def __call__(
        self,
        session: Session,
        team_id: int,
        on_or_before: date,
        unrecorded: Unrecorded | None = None,
        /,
    ) -> Iterable[DueInstallment]: ...


class OverdueSummary(NamedTuple):
    """The installments of a team due on or before a day and not paid in full, as the
    digest shows them: how many, what is left per currency, and the earliest few."""

    installments: int
    left: list[tuple[str, int]]  # (currency, minor units left): added up per currency
    earliest: list[DueInstallment]  # by due day, then id


class OverdueInstallments(Protocol):
    """The `OverdueSummary` of a team's installments due on or before the day, listing
    `listed`. Selling answers it with two statements over the unpaid index: a sum and a
    first page; `summed` makes it from an `UnpaidInstallments` query."""

    def __call__(
        self, session: Session, team_id: int, on_or_before: date, listed: int, /
    ) -> OverdueSummary: ...


def summed(unpaid: UnpaidInstallments) -> OverdueInstallments:
    """The summary worked out from every row `unpaid` reads."""

    def summary(session: Session, team_id: int, on_or_before: date, listed: int) -> OverdueSummary:
        rows = sorted(
            (r for r in unpaid(session, team_id, on_or_before) if r.left_minor > 0),
            key=lambda r: (r.due_on, r.id),
        )
        return OverdueSummary(len(rows), [(r.currency, r.left_minor) for r in rows], rows[:listed])

    return summary


SUBJECT = "installment"
INSTALLMENT, ESCALATION = Kind.INSTALLMENT.value, Kind.ESCALATION.value
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


def read_once(unpaid: UnpaidInstallments) -> UnpaidInstallments:
    """`unpaid`, asked once per transaction and team: the digest's overdue payments when
    they are `summed` from it (due before a day of the sweep's window) are among the rows
    the payment reminders read (due by the window's last day and `payment_due_days` more),
    so they are taken from those."""
    memo = object()

    def query(
        session: Session,
        team_id: int,
        on_or_before: date,
        unrecorded: Unrecorded | None = None,
    ) -> list[DueInstallment]:
        transaction = session.get_transaction()
        held = session.info.get(memo)
        # Rows read leaving some out answer only a query that may leave out the same.
        if (
            held is not None
            and held[:2] == (transaction, team_id)
            and on_or_before <= held[2]
            and held[3] in (None, unrecorded)
        ):
            return [r for r in held[4] if r.due_on <= on_or_before]
        rows = list(unpaid(session, team_id, on_or_before, unrecorded))
        session.info[memo] = (transaction, team_id, on_or_before, unrecorded, rows)
        return rows

    return query


def installment_reminders(unpaid: UnpaidInstallments) -> Source:
    """The installments source of a sweep, reading through `unpaid`."""

    def occasions(context: SweepContext) -> Iterator[Occasion]:
        window, settings = context.window, context.settings
        ahead = settings.payment_due_days
        escalate = settings.overdue_escalate_days
        escalated = _escalated(context.session, context.team.id)
        # Who hears of escalations: the same for every installment of the team.
        people = _escalation_people(context)
        team_id, last = context.team.id, window.day
        skip = Unrecorded(window.first, last, ahead, escalate)
        rows = unpaid(context.session, team_id, last + timedelta(days=ahead), skip)
        for row in rows:
            if row.team_id != team_id or row.left_minor <= 0:
                continue
            yield from _owner_occasions(context, row, ahead)
            if (last - row.due_on).days >= escalate and row.id not in escalated:
                yield from _escalations(context, row, escalate, people)

    return occasions


def _escalated(session: Session, team_id: int) -> set[int]:
    """The installments whose escalation the ledger holds already: it happens once, so a
    sweep need not make their occasions again (one walk of the ledger's unique key)."""
    return set(
        session.scalars(
            select(Reminder.subject_id)
            .where(
                Reminder.kind == Kind.ESCALATION.value,
                Reminder.subject_type == SUBJECT,
                Reminder.team_id == team_id,
            )
            .distinct()
        )
    )


def _owner_occasions(context: SweepContext, row: DueInstallment, ahead: int) -> Iterator[Occasion]:
    recipient = context.people.owner(row.owner_id)
    if recipient is None:
        return
    member, audience = recipient
    first, last = context.window.first, context.window.day
    label = f"{row.order_ref} #{row.number} ({row.deal_ref})"

    member_id = member.id

    def occasion(stage: int, on: date) -> Occasion:
        return Occasion(
            Kind.INSTALLMENT,
            SUBJECT,
            row.id,
            member,
            audience,
            on,
            label,
            {},
            stage,
            build=partial(_item, row, kind=INSTALLMENT, stage=STAGES[stage]),
            member_id=member_id,
        )

    if ahead:
        soon = row.due_on - timedelta(days=ahead)
        if first <= soon <= last:
            yield occasion(SOON, soon)
    if first <= row.due_on <= last:
        yield occasion(TODAY, row.due_on)
    # Overdue is reminded every day; after a gap only the latest day of it is sent.
    day = max(first, row.due_on + ONE_DAY)
    while day <= last:
        yield occasion(OVERDUE, day)
        day += ONE_DAY


def _escalation_people(context: SweepContext) -> list[tuple[Member, Audience, int]]:
    """The team's finance people and its leader, each once."""
    people = [(m, Audience.FINANCE) for m in context.people.finance]
    if context.people.leader is not None:
        people.append((context.people.leader, Audience.LEADER))
    told: set[int] = set()
    once: list[tuple[Member, Audience, int]] = []
    for member, audience in people:
        if member.id not in told:
            told.add(member.id)
            once.append((member, audience, member.id))
    return once


def _escalations(
    context: SweepContext,
    row: DueInstallment,
    escalate: int,
    people: list[tuple[Member, Audience, int]],
) -> Iterator[Occasion]:
    """Once, when it has been overdue for `escalate` days: a condition, still sent when the
    bot was down that day, while it stays unpaid."""
    owner = context.people.by_id.get(row.owner_id) if row.owner_id is not None else None
    on = row.due_on + timedelta(days=escalate)
    label = f"{row.order_ref} #{row.number} ({row.deal_ref})"
    build = partial(_item, row, kind=ESCALATION, owner=owner.name if owner is not None else None)
    for member, audience, member_id in people:
        yield Occasion(
            Kind.ESCALATION,
            SUBJECT,
            row.id,
            member,
            audience,
            on,
            label,
            {},
            build=build,
            condition=True,
            member_id=member_id,
        )
