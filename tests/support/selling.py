"""A team that sells: a leader, two salespeople, two finance members, a warehouse keeper, an
admin, and another team; products with stock; and the steps from quote to invoiced."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select

from dealbot.domain.approvals.models import ApprovalRequest
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.products.models import Product
from dealbot.domain.selling.quotes import LineDraft, QuoteDraft
from support.deals import draft, member_id
from support.outbox import World

SELLING = """
[[teams]]
name = "Tokyo Sales"
leader = "sato"
timezone = "Asia/Tokyo"
locale = "en"
currency = "JPY"

[[teams]]
name = "Moscow Sales"
leader = "ivan"
timezone = "Europe/Moscow"
locale = "ru"
currency = "RUB"

[[members]]
handle = "sato"
name = "Sato Hanako"
team = "Tokyo Sales"
roles = ["leader"]

[[members]]
handle = "kenji"
name = "Kenji Tanaka"
team = "Tokyo Sales"
roles = ["sales"]

[[members]]
handle = "yui"
name = "Yui Mori"
team = "Tokyo Sales"
roles = ["sales"]

[[members]]
handle = "fumi"
name = "Fumi Kato"
team = "Tokyo Sales"
roles = ["finance"]

[[members]]
handle = "goro"
name = "Goro Ito"
team = "Tokyo Sales"
roles = ["finance"]

[[members]]
handle = "wang"
name = "Wang Lei"
team = "Tokyo Sales"
roles = ["warehouse"]

[[members]]
handle = "root"
name = "Ada Admin"
team = "Tokyo Sales"
roles = ["admin"]

[[members]]
handle = "ivan"
name = "Ivan Petrov"
team = "Moscow Sales"
roles = ["leader"]

[[members]]
handle = "olga"
name = "Olga Smirnova"
team = "Moscow Sales"
roles = ["sales"]

[[members]]
handle = "nina"
name = "Nina Orlova"
team = "Moscow Sales"
roles = ["finance"]
"""
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def add_product(
    sessions: SessionFactory,
    sku: str,
    name: str,
    price_minor: int,
    currency: str = "JPY",
    on_hand: int = 0,
) -> int:
    """A product whose stock on hand came in by an import (so it is the sum of movements)."""
    from dealbot.domain.products.models import StockMovement

    with sessions.begin() as session:
        product = Product(
            sku=sku,
            name=name,
            search_text=f"{sku.lower()}\n{name.lower()}",
            unit_price_minor=price_minor,
            currency=currency,
            on_hand=on_hand,
            created_at=NOW,
        )
        session.add(product)
        session.flush()
        if on_hand:
            session.add(
                StockMovement(
                    product_id=product.id,
                    quantity=on_hand,
                    on_hand_after=on_hand,
                    reason="import",
                    at=NOW,
                )
            )
        return product.id


def on_hand(sessions: SessionFactory, sku: str) -> int:
    with sessions.begin() as session:
        return session.scalars(select(Product.on_hand).where(Product.sku == sku)).one()


def line(
    sku: str, quantity: int, price: str | None = None, discount: str | None = None
) -> LineDraft:
    return LineDraft(
        sku,
        quantity,
        Decimal(price) if price is not None else None,
        Decimal(discount) if discount is not None else None,
    )


def quote_draft(*lines: LineDraft, valid_until: date = date(2026, 12, 31)) -> QuoteDraft:
    return QuoteDraft(tuple(lines), valid_until)


def open_deal(w: World, by: str = "kenji") -> str:
    return w.desks.deals.open_deal(member_id(w.desks.deals, by), draft()).ref


def request_of(w: World, kind: str, *, last: bool = True) -> int:
    """The id of the newest (or oldest) approval request of a kind."""
    with w.sessions.begin() as session:
        ids = list(
            session.scalars(
                select(ApprovalRequest.id)
                .where(ApprovalRequest.kind == kind)
                .order_by(ApprovalRequest.id)
            )
        )
    return ids[-1] if last else ids[0]


def approve(w: World, handle: str, kind: str, comment: str | None = None) -> None:
    w.desks.approvals.decide(
        member_id(w.desks.deals, handle), request_of(w, kind), approve=True, comment=comment
    )
