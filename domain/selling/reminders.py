"""Selling's answer to the reminders' query of unpaid installments
(`dealbot.domain.reminders.installments.UnpaidInstallments`).

One set-based statement per team and sweep: the partial index on the due day of installments
not paid in full (`ix_installments_unpaid_due`, covering what is read) gives the few rows due
by the day asked, whatever the number of installments paid or due later; their orders, deals
and customers are found by primary key. The digest's overdue payments are counted and summed
by the store (`overdue_installments`), with only the earliest few read as rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Index, Row, Select, and_, exists, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from dealbot.domain.customers.models import Customer
from dealbot.domain.deals.models import Deal
from dealbot.domain.reminders.installments import (
    SUBJECT,
    DueInstallment,
    OverdueSummary,
    Unrecorded,
)
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.models import Reminder
from dealbot.domain.selling.models import Installment, Order, OrderState

# Only the installments with something left to pay: a sweep reads a range of it.
UNPAID = Installment.paid_minor < Installment.amount_minor
# It covers what a sweep reads of an installment: no visit to the table itself.
UNPAID_DUE_INDEX = Index(
    "ix_installments_unpaid_due",
    Installment.due_date,
    Installment.order_id,
    Installment.position,
    Installment.amount_minor,
    Installment.paid_minor,
    postgresql_where=UNPAID,
    sqlite_where=UNPAID,
)


def _order_id(session: Session) -> ColumnElement[int] | InstrumentedAttribute[int]:
    """The installment's order as the join reads it. SQLite's planner, given statistics,
    would rather walk every order's installments (a million rows) than the partial index's
    few; `order_id + 0` cannot be looked up through an index, so it starts from the index."""
    if session.get_bind().dialect.name == "sqlite":
        return Installment.order_id + 0
    return Installment.order_id


def _due_order(session: Session) -> ColumnElement[date] | InstrumentedAttribute[date]:
    """The due day to sort by. SQLite, asked for the first page in due order, would walk the
    index of every installment (paid ones too) in that order rather than sort the few unpaid
    ones its partial index gives; `date(due_date)` is the same order, no index's."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(Installment.due_date, type_=Installment.due_date.type)
    return Installment.due_date


def _in_ledger(kind: Kind, occasion: ColumnElement[date] | None = None) -> ColumnElement[bool]:
    """The ledger holds an occasion of the kind for the installment (for anyone): a lookup
    of a prefix of the ledger's unique key (kind, subject type, subject id, ...)."""
    held = [
        Reminder.kind == kind.value,
        Reminder.subject_type == SUBJECT,
        Reminder.subject_id == Installment.id,
    ]
    if occasion is not None:
        held.append(Reminder.occasion == occasion)
    return exists().where(*held)


def _left_out(session: Session, unrecorded: Unrecorded) -> list[ColumnElement[bool]]:
    """What a sweep of `unrecorded`'s days need not read (`Unrecorded`)."""
    first, day, ahead, escalate = unrecorded
    due = Installment.due_date
    if session.get_bind().dialect.name == "sqlite":
        soon: ColumnElement[date] = func.date(due, f"-{ahead} days")
    else:
        soon = due - ahead
    # The latest occasion of the window to its owner: due in `ahead` days, else on `day`.
    latest = or_(
        and_(due > day, _in_ledger(Kind.INSTALLMENT, soon)),
        and_(due <= day, _in_ledger(Kind.INSTALLMENT, literal(day, Installment.due_date.type))),
    )
    escalating = and_(due <= day - timedelta(days=escalate), ~_in_ledger(Kind.ESCALATION))
    return [
        or_(due <= day, due >= first + timedelta(days=ahead)),
        or_(~latest, escalating),
    ]


def _due(session: Session, team_id: int, on_or_before: date) -> list[ColumnElement[bool]]:
    return [
        Installment.due_date <= on_or_before,
        UNPAID,
        Order.team_id == team_id,
        Order.state != OrderState.REJECTED.value,
    ]


# An installment as a sweep reads it: id, order, position, due day, amount, paid, deal,
# currency, the deal's owner, the customer's name.
DueRow = tuple[int, int, int, date, int, int, int, str, int | None, str]


def _rows(session: Session, team_id: int, where: list[ColumnElement[bool]]) -> Select[*DueRow]:
    return (
        select(
            Installment.id,
            Installment.order_id,
            Installment.position,
            Installment.due_date,
            Installment.amount_minor,
            Installment.paid_minor,
            Order.deal_id,
            Order.currency,
            Deal.owner_id,
            Customer.name,
        )
        .select_from(Installment)
        .join(Order, Order.id == _order_id(session))
        .join(Deal, Deal.id == Order.deal_id)
        .join(Customer, Customer.id == Deal.customer_id)
        .where(*where)
    )


def _due_installments(rows: Iterable[Row[*DueRow]], team_id: int) -> Iterator[DueInstallment]:
    for i_id, order_id, position, due, amount, paid, deal_id, currency, owner_id, customer in rows:
        yield DueInstallment(
            id=i_id,
            order_ref=f"O-{order_id}",
            number=position,
            deal_ref=f"D-{deal_id}",
            customer=customer,
            owner_id=owner_id,
            team_id=team_id,
            due_on=due,
            left_minor=int(amount) - int(paid),
            currency=currency,
        )


def unpaid_installments(
    session: Session, team_id: int, on_or_before: date, unrecorded: Unrecorded | None = None
) -> Iterator[DueInstallment]:
    """Every installment of the team's orders (not rejected) due on or before the day and not
    paid in full; with `unrecorded`, leaving out those the sweep has nothing new for."""
    left_out = _left_out(session, unrecorded) if unrecorded is not None else []
    where = _due(session, team_id, on_or_before) + left_out
    # Rows of columns, read through the connection: the ORM's loading would cost more than
    # the query, for the thousands of rows a sweep reads.
    rows = session.connection().execute(_rows(session, team_id, where))
    return _due_installments(rows, team_id)


def overdue_installments(
    session: Session, team_id: int, on_or_before: date, listed: int
) -> OverdueSummary:
    """The digest's overdue payments: counted and summed by the store, the earliest listed."""
    where = _due(session, team_id, on_or_before)
    left = func.sum(Installment.amount_minor - Installment.paid_minor)
    sums = session.execute(
        select(Order.currency, func.count(), left)
        .select_from(Installment)
        .join(Order, Order.id == _order_id(session))
        .where(*where)
        .group_by(Order.currency)
        .order_by(Order.currency)
    ).all()
    order = (Installment.due_date, Installment.id)
    # The page is found before its deals and customers are joined in.
    first_page = (
        select(Installment.id)
        .join(Order, Order.id == _order_id(session))
        .where(*where)
        .order_by(_due_order(session), Installment.id)
        .limit(listed)
    )
    earliest = _rows(session, team_id, [Installment.id.in_(first_page.scalar_subquery())])
    return OverdueSummary(
        sum(int(count) for _, count, _ in sums),
        [(currency, int(minor)) for currency, _, minor in sums],
        list(_due_installments(session.execute(earliest.order_by(*order)), team_id)),
    )
