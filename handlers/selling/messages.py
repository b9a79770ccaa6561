"""What selling shows: a quote with its lines, revisions and decisions; an order with its
plan, payments and shipments; and the answers to its commands."""

from __future__ import annotations

from collections.abc import Sequence

from dealbot.domain.selling.views import (
    Decision,
    InstallmentView,
    LineView,
    OrderDetail,
    PaymentView,
    QuoteDetail,
    RevisionView,
    ShipmentView,
)
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.ui import Button, Message

NEW_QUOTE_ACTION = "new-quote"


def new_quote_button(t: Translator, deal_id: int) -> Button:
    return Button(t("button-new-quote"), NEW_QUOTE_ACTION, str(deal_id))


def line_text(t: Translator, number: int, line: LineView) -> str:
    """`1. PUMP-50 Pump: 3 × ¥12,000 −10% = ¥32,400`"""
    discount = ""
    if line.discount:
        discount = " " + t("quote-line-discount", discount=t.number(line.discount))
    return t(
        "quote-line",
        number=number,
        sku=line.sku,
        name=line.name,
        quantity=t.number(line.quantity),
        price=t.money(line.unit_price),
        discount=discount,
        amount=t.money(line.amount),
    )


def _lines(t: Translator, lines: Sequence[LineView]) -> list[str]:
    return [line_text(t, n, line) for n, line in enumerate(lines, 1)]


def decision_text(t: Translator, decision: Decision, *, approved: str = "approved") -> str:
    """`approved by Sato Hanako`, `rejected by Sato Hanako: Too cheap`, `waiting`; a
    shipment's approval reads `confirmed by …` (`approved="confirmed"`)."""
    if decision.state == "open" or decision.by is None:
        return t(f"decision-{decision.state}")
    state = approved if decision.state == "approved" else decision.state
    text = t(f"decision-{state}-by", by=decision.by)
    return (
        t("decision-with-comment", decision=text, comment=decision.comment)
        if decision.comment
        else text
    )


def _revision_line(t: Translator, revision: RevisionView) -> str:
    decided = "; ".join(decision_text(t, d) for d in revision.decisions)
    return t(
        "quote-revision-line",
        ref=revision.ref,
        at=t.moment(revision.created_at),
        by=revision.created_by,
        total=t.money(revision.total),
        state=t(f"quote-state-{revision.state}"),
        decided=decided or "—",
    )


def quote_detail(t: Translator, quote: QuoteDetail) -> Message:
    current = quote.current
    fields = [
        (t("field-deal"), f"{quote.deal} {quote.deal_title}"),
        (t("field-customer"), quote.customer),
        (t("field-status"), t(f"quote-state-{current.state}")),
        (t("field-valid-until"), t.date(current.valid_until)),
        (t("field-total"), t.money(current.total)),
    ]
    if quote.order:
        fields.append((t("field-order"), quote.order))
    lines = [t("quote-lines-heading"), *_lines(t, current.lines), t("quote-revisions-heading")]
    lines += [_revision_line(t, r) for r in quote.revisions]
    return Message(
        title=t("quote-heading", ref=current.ref, deal=quote.deal),
        fields=tuple(fields),
        lines=tuple(lines),
    )


def _installment_line(t: Translator, installment: InstallmentView) -> str:
    if installment.is_paid:
        state = t("installment-paid")
    elif installment.paid.amount:
        state = t("installment-part-paid", left=t.money(installment.left))
    else:
        state = t("installment-open")
    return t(
        "installment-line",
        number=installment.position,
        due=t.date(installment.due_date),
        amount=t.money(installment.amount),
        state=state,
    )


def plan_lines(t: Translator, order: OrderDetail) -> tuple[str, ...]:
    """The plan's installments: each one's due date, amount, and what is paid or left."""
    if not order.installments:
        return (t("order-no-plan", ref=order.ref),)
    return (t("order-plan-heading"), *(_installment_line(t, i) for i in order.installments))


def _payment_line(t: Translator, payment: PaymentView) -> str:
    line = t(
        "payment-line",
        received=t.date(payment.received_on),
        amount=t.money(payment.amount),
        by=payment.recorded_by,
        decided=decision_text(t, payment.decision) if payment.decision else "—",
    )
    return f"{line} · {payment.notes}" if payment.notes else line


def _shipment_line(t: Translator, shipment: ShipmentView) -> str:
    return t(
        "shipment-line",
        at=t.moment(shipment.requested_at),
        by=shipment.requested_by,
        decided=decision_text(t, shipment.decision, approved="confirmed")
        if shipment.decision
        else "—",
    )


def order_state(t: Translator, order: OrderDetail) -> str:
    """`approved · shipped · invoiced · paid`: the order's state and what happened since."""
    parts = [t(f"order-state-{order.state}")]
    if order.shipping != "none":
        parts.append(t(f"shipping-{order.shipping}"))
    if order.invoiced_at:
        parts.append(t("order-invoiced"))
    if order.paid_at:
        parts.append(t("order-paid"))
    return " · ".join(parts)


def order_detail(t: Translator, order: OrderDetail) -> Message:
    fields = [
        (t("field-deal"), f"{order.deal} {order.deal_title}"),
        (t("field-customer"), order.customer),
        (t("field-quote"), order.quote),
        (t("field-status"), order_state(t, order)),
        (t("field-total"), t.money(order.total)),
        (t("field-paid"), t.money(order.paid)),
        (t("field-left"), t.money(order.left)),
    ]
    if order.waiting.amount:
        fields.append((t("field-waiting"), t.money(order.waiting)))
    lines = [t("quote-lines-heading"), *_lines(t, order.lines)]
    lines += plan_lines(t, order)
    if order.payments:
        lines.append(t("order-payments-heading"))
        lines += [_payment_line(t, p) for p in order.payments]
    if order.shipments:
        lines.append(t("order-shipments-heading"))
        lines += [_shipment_line(t, s) for s in order.shipments]
    if order.decisions:
        lines.append(
            t("order-decisions", decided="; ".join(decision_text(t, d) for d in order.decisions))
        )
    return Message(
        title=t("order-heading", ref=order.ref, deal=order.deal),
        fields=tuple(fields),
        lines=tuple(lines),
    )
