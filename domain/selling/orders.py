"""Orders: made from a quote's accepted revision, approved by the leader, then invoiced once
their goods are shipped. Making one wins a deal that is still open (PRODUCT.md §2.4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.use_cases import request_approval
from dealbot.domain.core.clock import Clock
from dealbot.domain.core.errors import Conflict
from dealbot.domain.core.models import Member
from dealbot.domain.core.store import insert_ignoring
from dealbot.domain.deals.enums import ActivityKind, ProgressStatus
from dealbot.domain.deals.use_cases import ClosingHook, ProgressReport, record_step, report_progress
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.selling.access import order_to_change, quote_to_change
from dealbot.domain.selling.models import Order, OrderState, RevisionState, Shipping
from dealbot.domain.selling.quotes import current, line_text
from dealbot.domain.selling.views import Receipt

ORDER = "order"


def order_summary(order: Order) -> dict[str, Any]:
    """What the approval card of an order shows."""
    return {
        "ref": order.ref,
        "deal": order.deal.ref,
        "customer": order.deal.customer.name,
        "amount": str(order.money(order.total_minor).amount),
        "currency": order.currency,
        "lines": [line_text(line, order.currency) for line in order.revision.lines],
    }


def approved_order(session: Session, actor: Member, ref: str) -> Order:
    """An order the actor may go on with: the leader approved it."""
    order = order_to_change(session, actor, ref)
    if order.state != OrderState.APPROVED.value:
        raise Conflict(f"error-order-{order.state}", ref=order.ref, quote=order.quote.ref)
    return order


def make_order(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    quote_ref: str,
    clock: Clock,
    closing: Sequence[ClosingHook],
) -> Receipt:
    """`O-4` from the quote's accepted revision; the leader is asked to approve it.

    One order per quote, decided by its unique key; a rejected order is asked for again.
    """
    now = clock.now()
    quote = quote_to_change(session, actor, quote_ref)
    revision = current(quote)
    if revision.state != RevisionState.ACCEPTED.value:
        raise Conflict("error-order-needs-accepted", ref=revision.ref, quote=quote.ref)
    made = insert_ignoring(
        session,
        Order.__table__,  # type: ignore[arg-type]
        {
            "quote_id": quote.id,
            "revision_id": revision.id,
            "deal_id": quote.deal_id,
            "team_id": quote.team_id,
            "currency": quote.currency,
            "total_minor": revision.total_minor,
            "state": OrderState.PENDING.value,
            "committed_minor": 0,
            "paid_minor": 0,
            "shipping": Shipping.NONE.value,
            "created_by_id": actor.id,
            "created_at": now,
        },
        ["quote_id"],
    )
    order = session.scalars(select(Order).where(Order.quote_id == quote.id)).one()
    if made is None:
        asked_again = session.execute(
            update(Order)
            .where(Order.id == order.id, Order.state == OrderState.REJECTED.value)
            .values(state=OrderState.PENDING.value)
        )
        if getattr(asked_again, "rowcount", 0) != 1:
            raise Conflict("error-order-exists", ref=order.ref, quote=quote.ref)
        session.refresh(order)
    request_approval(
        session,
        outbox,
        kinds,
        kind=ORDER,
        subject_id=order.id,
        team=quote.deal.team,
        deal=quote.deal,
        requester=actor,
        summary=order_summary(order),
        now=now,
    )
    if quote.deal.deal_status.is_open:
        win = ProgressReport(quote.deal.ref, ActivityKind.OTHER, ProgressStatus.WON)
        report_progress(session, actor, win, clock, outbox, closing)
    return Receipt(order.ref, quote.deal.ref, order.money(order.total_minor))


def decided(session: Session, subject_id: int, approve: bool) -> None:
    """The leader's decision on an order, in the decision's own transaction."""
    state = OrderState.APPROVED if approve else OrderState.REJECTED
    session.execute(
        update(Order)
        .where(Order.id == subject_id, Order.state == OrderState.PENDING.value)
        .values(state=state.value)
    )


def mark_invoiced(session: Session, actor: Member, ref: str, now: datetime) -> Receipt:
    """Invoiced, once: after the warehouse confirmed the shipment."""
    order = order_to_change(session, actor, ref, finance=True)
    invoiced = session.execute(
        update(Order)
        .where(
            Order.id == order.id,
            Order.shipping == Shipping.SHIPPED.value,
            Order.invoiced_at.is_(None),
        )
        .values(invoiced_at=now)
    )
    session.refresh(order)
    if getattr(invoiced, "rowcount", 0) != 1:
        key = "error-order-invoiced" if order.invoiced_at else "error-order-not-shipped"
        raise Conflict(key, ref=order.ref)
    record_step(session, order.deal, actor, now, "timeline-order-invoiced", ref=order.ref)
    return Receipt(order.ref, order.deal.ref, order.money(order.total_minor))
