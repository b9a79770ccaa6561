"""Payments received: recorded by the salesperson, approved by finance, and then settling the
plan's installments oldest first; when everything is paid the order is paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.use_cases import request_approval
from dealbot.domain.core.errors import Conflict, DomainError, Invalid
from dealbot.domain.core.models import Member
from dealbot.domain.core.money import Money
from dealbot.domain.core.text import optional_text
from dealbot.domain.deals.use_cases import record_step, team_today
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.selling.models import (
    MAX_NOTES,
    Installment,
    Order,
    OrderState,
    Payment,
    PaymentState,
)
from dealbot.domain.selling.orders import approved_order
from dealbot.domain.selling.views import Receipt

PAYMENT = "payment"


@dataclass(frozen=True)
class PaymentDraft:
    amount: Decimal
    received_on: date
    notes: str | None = None


def payment_summary(payment: Payment, order: Order) -> dict[str, Any]:
    """What the finance card shows: the amount, the day it came, the note as typed."""
    lines = [payment.received_on.isoformat()]
    if payment.notes:
        lines.append(payment.notes)
    return {
        "ref": order.ref,
        "deal": order.deal.ref,
        "customer": order.deal.customer.name,
        "amount": str(order.money(payment.amount_minor).amount),
        "currency": order.currency,
        "lines": lines,
    }


def check_received_on(actor: Member, value: date, now: datetime) -> None:
    """Money is received on a day that has come, in the team's time zone."""
    if value > team_today(actor.team.timezone, now):
        raise Invalid("error-date-future", field="received_on", value=value.isoformat())


def payable_order(session: Session, actor: Member, ref: str) -> Order:
    """An approved order with a payment plan: what payments are recorded against."""
    order = approved_order(session, actor, ref)
    if not order.installments:
        raise Conflict("error-payment-no-plan", ref=order.ref)
    return order


def record_payment(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    ref: str,
    draft: PaymentDraft,
    now: datetime,
) -> Receipt:
    order = payable_order(session, actor, ref)
    try:
        money = Money.of(draft.amount, order.currency)
    except DomainError as error:
        raise Invalid(error.key, **{**error.args_for_message, "field": "amount_received"}) from None
    check_received_on(actor, draft.received_on, now)
    notes = optional_text(draft.notes, "notes", MAX_NOTES)
    amount = money.minor_units
    # One conditional write decides: recorded payments never add up to more than the total,
    # however many are recorded at once.
    taken = session.execute(
        update(Order)
        .where(
            Order.id == order.id,
            Order.state == OrderState.APPROVED.value,
            Order.committed_minor + amount <= Order.total_minor,
        )
        .values(committed_minor=Order.committed_minor + amount)
    )
    session.refresh(order)
    if getattr(taken, "rowcount", 0) != 1:
        raise Invalid(
            "error-payment-too-much",
            field="amount_received",
            ref=order.ref,
            left=order.money(order.total_minor - order.committed_minor).amount,
            currency=order.currency,
        )
    payment = Payment(
        order_id=order.id,
        amount_minor=amount,
        received_on=draft.received_on,
        notes=notes,
        state=PaymentState.PENDING.value,
        recorded_by_id=actor.id,
        created_at=now,
    )
    session.add(payment)
    session.flush()
    request_approval(
        session,
        outbox,
        kinds,
        kind=PAYMENT,
        subject_id=payment.id,
        team=order.deal.team,
        deal=order.deal,
        requester=actor,
        summary=payment_summary(payment, order),
        now=now,
    )
    return Receipt(order.ref, order.deal.ref, money)


def settle(session: Session, order: Order, paid_minor: int, now: datetime) -> None:
    """Spread what is paid over the installments, oldest due first: each takes what it can,
    and the rest goes on to the next."""
    left = paid_minor
    installments = session.scalars(
        select(Installment)
        .where(Installment.order_id == order.id)
        .order_by(Installment.due_date, Installment.position)
    )
    for installment in installments:
        share = min(installment.amount_minor, left)
        left -= share
        if installment.paid_minor != share:
            installment.paid_minor = share
        if share == installment.amount_minor and installment.paid_at is None:
            installment.paid_at = now


def decided(session: Session, subject_id: int, actor: Member, approve: bool, now: datetime) -> None:
    """Finance's decision, in its own transaction: an approved payment is paid in, a rejected
    one no longer counts against what is left to pay."""
    payment = session.get_one(Payment, subject_id)
    state = PaymentState.APPROVED if approve else PaymentState.REJECTED
    session.execute(
        update(Payment)
        .where(Payment.id == payment.id, Payment.state == PaymentState.PENDING.value)
        .values(state=state.value)
    )
    order = payment.order
    if not approve:
        session.execute(
            update(Order)
            .where(Order.id == order.id)
            .values(committed_minor=Order.committed_minor - payment.amount_minor)
        )
        return
    # The order's row is where payments of one order wait for each other.
    paid = session.execute(
        update(Order)
        .where(Order.id == order.id)
        .values(paid_minor=Order.paid_minor + payment.amount_minor)
        .returning(Order.paid_minor)
    ).scalar_one()
    settle(session, order, int(paid), now)
    if paid == order.total_minor:
        session.execute(
            update(Order).where(Order.id == order.id, Order.paid_at.is_(None)).values(paid_at=now)
        )
        record_step(session, order.deal, actor, now, "timeline-order-paid", ref=order.ref)
    session.flush()
