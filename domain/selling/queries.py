"""Reading quotes and orders: what `/deal show Q-3` and `/deal show O-4` show, and what a
reminder sweep reads (installments due, with what is left of each)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.approvals.models import ApprovalRequest
from dealbot.domain.core.models import Member
from dealbot.domain.core.money import Money
from dealbot.domain.selling.access import load_order, load_quote
from dealbot.domain.selling.models import (
    Installment,
    Order,
    Payment,
    QuoteLine,
    QuoteRevision,
    Shipment,
)
from dealbot.domain.selling.orders import ORDER
from dealbot.domain.selling.payments import PAYMENT
from dealbot.domain.selling.quotes import QUOTE
from dealbot.domain.selling.shipments import SHIPMENT
from dealbot.domain.selling.views import (
    Decision,
    InstallmentDue,
    InstallmentView,
    LineView,
    OrderDetail,
    PaymentView,
    QuoteDetail,
    RevisionView,
    ShipmentView,
)


def _decisions(session: Session, kind: str, subject_ids: list[int]) -> dict[int, list[Decision]]:
    found: dict[int, list[Decision]] = {}
    requests = session.scalars(
        select(ApprovalRequest)
        .where(ApprovalRequest.kind == kind, ApprovalRequest.subject_id.in_(subject_ids))
        .order_by(ApprovalRequest.id)
    )
    for request in requests:
        by = request.decided_by.name if request.decided_by else None
        found.setdefault(request.subject_id, []).append(
            Decision(request.state, by, request.decided_at, request.comment)
        )
    return found


def _line(line: QuoteLine, currency: str) -> LineView:
    return LineView(
        line.sku,
        line.name,
        line.quantity,
        Money.from_minor_units(line.unit_price_minor, currency),
        Decimal(line.discount_bp) / 100,
        Money.from_minor_units(line.amount_minor, currency),
    )


def revision_view(revision: QuoteRevision, decisions: list[Decision]) -> RevisionView:
    currency = revision.quote.currency
    return RevisionView(
        ref=revision.ref,
        number=revision.number,
        state=revision.state,
        valid_until=revision.valid_until,
        total=revision.total,
        lines=tuple(_line(line, currency) for line in revision.lines),
        created_by=revision.created_by.name,
        created_at=revision.created_at,
        decisions=tuple(decisions),
    )


def show_quote(session: Session, viewer: Member, ref: str) -> QuoteDetail:
    quote = load_quote(session, viewer, ref)
    decisions = _decisions(session, QUOTE, [r.id for r in quote.revisions])
    revisions = tuple(revision_view(r, decisions.get(r.id, [])) for r in quote.revisions)
    order = session.scalar(select(Order).where(Order.quote_id == quote.id))
    return QuoteDetail(
        ref=quote.ref,
        deal=quote.deal.ref,
        deal_title=quote.deal.title,
        customer=quote.deal.customer.name,
        current=next(r for r in revisions if r.number == quote.revision),
        revisions=revisions,
        order=order.ref if order else None,
    )


def installment_view(installment: Installment, currency: str) -> InstallmentView:
    def money(minor: int) -> Money:
        return Money.from_minor_units(minor, currency)

    return InstallmentView(
        installment.position,
        installment.due_date,
        money(installment.amount_minor),
        money(installment.paid_minor),
        money(installment.left_minor),
    )


def show_order(session: Session, viewer: Member, ref: str) -> OrderDetail:
    order = load_order(session, viewer, ref)
    payments = list(
        session.scalars(select(Payment).where(Payment.order_id == order.id).order_by(Payment.id))
    )
    shipments = list(
        session.scalars(select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.id))
    )
    paid_for = _decisions(session, PAYMENT, [p.id for p in payments])
    shipped_for = _decisions(session, SHIPMENT, [s.id for s in shipments])

    def last(decisions: dict[int, list[Decision]], subject: int) -> Decision | None:
        found = decisions.get(subject)
        return found[-1] if found else None

    return OrderDetail(
        ref=order.ref,
        quote=order.revision.ref,
        deal=order.deal.ref,
        deal_title=order.deal.title,
        customer=order.deal.customer.name,
        state=order.state,
        total=order.money(order.total_minor),
        paid=order.money(order.paid_minor),
        waiting=order.money(order.committed_minor - order.paid_minor),
        left=order.money(order.total_minor - order.paid_minor),
        shipping=order.shipping,
        shipped_at=order.shipped_at,
        invoiced_at=order.invoiced_at,
        paid_at=order.paid_at,
        lines=tuple(_line(line, order.currency) for line in order.revision.lines),
        installments=tuple(installment_view(i, order.currency) for i in order.installments),
        payments=tuple(
            PaymentView(
                order.money(p.amount_minor),
                p.received_on,
                p.notes,
                p.state,
                p.recorded_by.name,
                last(paid_for, p.id),
            )
            for p in payments
        ),
        shipments=tuple(
            ShipmentView(
                s.state, s.requested_by.name, s.created_at, s.confirmed_at, last(shipped_for, s.id)
            )
            for s in shipments
        ),
        decisions=tuple(_decisions(session, ORDER, [order.id]).get(order.id, [])),
    )


def installments_due(session: Session, on_or_before: date) -> list[InstallmentDue]:
    """Every installment due by a day and not paid in full, the oldest first: what a
    payment reminder reads."""
    rows = session.scalars(
        select(Installment)
        .where(
            Installment.due_date <= on_or_before,
            Installment.paid_minor < Installment.amount_minor,
        )
        .order_by(Installment.due_date, Installment.order_id, Installment.position)
    )
    return [
        InstallmentDue(
            order=i.order.ref,
            deal=i.order.deal.ref,
            team_id=i.order.team_id,
            owner_id=i.order.deal.owner_id,
            due_date=i.due_date,
            left=Money.from_minor_units(i.left_minor, i.order.currency),
        )
        for i in rows
    ]
