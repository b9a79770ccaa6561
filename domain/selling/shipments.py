"""Shipments: the salesperson asks the warehouse for an order's goods; the warehouse's
confirmation is the shipment. Stock is not reserved before; it moves then, one movement per
line, and never below zero: a shipment larger than the stock cannot be confirmed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.use_cases import request_approval
from dealbot.domain.core.errors import Conflict
from dealbot.domain.core.models import Member
from dealbot.domain.deals.use_cases import record_step
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.products.models import Product
from dealbot.domain.products.use_cases import move_stock
from dealbot.domain.selling.models import Order, Shipment, ShipmentState, Shipping
from dealbot.domain.selling.orders import approved_order
from dealbot.domain.selling.views import Receipt

SHIPMENT = "shipment"
# A stock movement's reason as products tells it: "shipment:O-4" reads "shipped for O-4".
STOCK_REASON = "shipment"


def shipment_summary(order: Order) -> dict[str, Any]:
    return {
        "ref": order.ref,
        "deal": order.deal.ref,
        "customer": order.deal.customer.name,
        "lines": [f"{line.sku} {line.name}: {line.quantity:,}" for line in order.revision.lines],
    }


def request_shipment(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    ref: str,
    now: datetime,
) -> Receipt:
    """Ask the warehouse for the order's goods: one request at a time, none once shipped."""
    order = approved_order(session, actor, ref)
    asked = session.execute(
        update(Order)
        .where(
            Order.id == order.id,
            Order.state == order.state,
            Order.shipping == Shipping.NONE.value,
        )
        .values(shipping=Shipping.REQUESTED.value)
    )
    session.refresh(order)
    if getattr(asked, "rowcount", 0) != 1:
        raise Conflict(f"error-shipping-{order.shipping}", ref=order.ref)
    shipment = Shipment(
        order_id=order.id,
        state=ShipmentState.PENDING.value,
        requested_by_id=actor.id,
        created_at=now,
    )
    session.add(shipment)
    session.flush()
    request_approval(
        session,
        outbox,
        kinds,
        kind=SHIPMENT,
        subject_id=shipment.id,
        team=order.deal.team,
        deal=order.deal,
        requester=actor,
        summary=shipment_summary(order),
        now=now,
    )
    return Receipt(order.ref, order.deal.ref)


def decided(session: Session, subject_id: int, actor: Member, approve: bool, now: datetime) -> None:
    """The warehouse's confirmation moves the stock (all lines, or nothing: the decision is
    refused with why); a rejection lets the salesperson ask again."""
    shipment = session.get_one(Shipment, subject_id)
    order = shipment.order
    if not approve:
        shipment.state = ShipmentState.REJECTED.value
        order.shipping = Shipping.NONE.value
        session.flush()
        return
    for line in order.revision.lines:
        try:
            move_stock(
                session, line.product_id, -line.quantity, f"{STOCK_REASON}:{order.ref}", actor, now
            )
        except Conflict:
            product = session.get_one(Product, line.product_id)
            session.refresh(product)
            raise Conflict(
                "error-shipment-short",
                ref=order.ref,
                sku=line.sku,
                on_hand=product.on_hand,
                needed=line.quantity,
            ) from None
    shipment.state = ShipmentState.CONFIRMED.value
    shipment.confirmed_at = now
    order.shipping = Shipping.SHIPPED.value
    order.shipped_at = now
    session.flush()
    record_step(session, order.deal, actor, now, "timeline-order-shipped", ref=order.ref)
