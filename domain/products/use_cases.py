"""Reading products and their stock, and moving stock (the one way on_hand changes)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import Conflict, NotFound
from dealbot.domain.core.models import Member
from dealbot.domain.core.text import required_text, search_key
from dealbot.domain.products.levels import note_levels
from dealbot.domain.products.models import MAX_REASON, Product, StockMovement
from dealbot.domain.products.views import Movement, ProductCard, StockView

LIST_LIMIT = 50
MOVEMENTS_SHOWN = 20


def load_product(session: Session, sku: str) -> Product:
    wanted = sku.strip()
    product = session.scalar(select(Product).where(Product.sku == wanted)) or session.scalar(
        select(Product).where(Product.sku == wanted.upper())
    )
    if product is None:
        raise NotFound("error-product-unknown", sku=wanted, field="product")
    return product


def list_products(
    session: Session, query: str | None, limit: int = LIST_LIMIT
) -> list[ProductCard]:
    """Products whose SKU or name contains `query` (all of them without), by SKU."""
    statement = select(Product)
    key = search_key(query or "")
    if key:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = statement.where(Product.search_text.like(f"%{escaped}%", escape="\\"))
    return [
        ProductCard.of(p) for p in session.scalars(statement.order_by(Product.sku).limit(limit))
    ]


def stock_of(session: Session, sku: str) -> StockView:
    product = load_product(session, sku)
    movements = session.scalars(
        select(StockMovement)
        .where(StockMovement.product_id == product.id)
        .order_by(StockMovement.at.desc(), StockMovement.id.desc())
        .limit(MOVEMENTS_SHOWN)
    )
    return StockView(ProductCard.of(product), tuple(Movement.of(m) for m in movements))


def move_stock(
    session: Session,
    product_id: int,
    quantity: int,
    reason: str,
    actor: Member | None,
    now: datetime,
) -> int:
    """Add `quantity` (negative: take away) and record the movement; the new on_hand.

    One conditional write: of two moves at once neither is lost, and stock never goes
    below zero (the move is refused instead, for the caller to explain).
    """
    text = required_text(reason, "reason", MAX_REASON)
    moved = session.execute(
        update(Product)
        .where(Product.id == product_id, Product.on_hand + quantity >= 0)
        .values(on_hand=Product.on_hand + quantity, updated_at=now)
        .returning(Product.on_hand)
    ).scalar()
    if moved is None:
        raise Conflict("error-stock-below-zero", quantity=quantity)
    session.add(
        StockMovement(
            product_id=product_id,
            quantity=quantity,
            on_hand_after=int(moved),
            reason=text,
            actor_id=actor.id if actor else None,
            at=now,
        )
    )
    session.flush()
    # A crossing of the minimum or maximum is noticed now; the next reminder sweep tells it.
    note_levels(session, now, [product_id])
    return int(moved)
