"""Where each product's stock stands against its minimum and maximum, and every crossing.

A product is *low* below its minimum, *high* above its maximum, else *ok*. The level is noted
whenever stock moves (a shipment, an import) and again by every reminder sweep, which also
catches a limit changed without a movement. Each change into low or high is one crossing: the
warehouse hears about it once, not every day while it stays low, and again only after it
recovered and crossed again.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, ForeignKey, Integer, String, and_, case, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from dealbot.domain.core.models import Base
from dealbot.domain.core.store import insert_ignoring
from dealbot.domain.products.models import Product


class Level(StrEnum):
    LOW = "low"
    OK = "ok"
    HIGH = "high"


class StockLevel(Base):
    """The level a product was last seen at, and the crossing that put it there."""

    __tablename__ = "stock_levels"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), unique=True)
    level: Mapped[str] = mapped_column(String(4), default=Level.OK.value)
    # The crossing into low or high it is at; None while ok.
    crossing_id: Mapped[int | None] = mapped_column(ForeignKey("stock_crossings.id"))
    changed_at: Mapped[datetime]


class StockCrossing(Base):
    """A product fell below its minimum or rose above its maximum: one reminder's subject."""

    __tablename__ = "stock_crossings"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    level: Mapped[str] = mapped_column(String(4))
    on_hand: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]


def level_of(on_hand: int, minimum: int | None, maximum: int | None) -> Level:
    if minimum is not None and on_hand < minimum:
        return Level.LOW
    if maximum is not None and on_hand > maximum:
        return Level.HIGH
    return Level.OK


def _current_level() -> ColumnElement[str]:
    """`level_of` in SQL, so that a sweep finds every changed product in one query."""
    return case(
        (and_(Product.minimum.is_not(None), Product.on_hand < Product.minimum), Level.LOW.value),
        (and_(Product.maximum.is_not(None), Product.on_hand > Product.maximum), Level.HIGH.value),
        else_=Level.OK.value,
    )


def note_levels(session: Session, now: datetime, product_ids: Collection[int] | None = None) -> int:
    """Note the level of the products named (every product whose level changed, without
    names); returns how many crossings were recorded.

    Each change is one conditional write on the product's level row, so that of two
    processes noticing the same change (a sweep and a shipment) one records the crossing.
    """
    current = _current_level().label("current")
    query = select(
        Product.id, Product.on_hand, current, StockLevel.level, StockLevel.id.label("level_id")
    ).outerjoin(StockLevel, StockLevel.product_id == Product.id)
    if product_ids is not None:
        if not product_ids:
            return 0
        query = query.where(Product.id.in_(list(product_ids)))
    else:
        query = query.where(current != func.coalesce(StockLevel.level, Level.OK.value))
    crossings = 0
    for product_id, on_hand, new, old, level_id in session.execute(query).all():
        if new == (old or Level.OK.value):
            continue
        if level_id is None:
            won = insert_ignoring(
                session,
                StockLevel.__table__,
                {"product_id": product_id, "level": new, "crossing_id": None, "changed_at": now},
                ["product_id"],
            )
            if won is None:
                continue
        else:
            moved = session.execute(
                update(StockLevel)
                .where(StockLevel.id == level_id, StockLevel.level == old)
                .values(level=new, crossing_id=None, changed_at=now)
            )
            if getattr(moved, "rowcount", 0) != 1:
                continue
        if new != Level.OK.value:
            crossing = StockCrossing(product_id=product_id, level=new, on_hand=on_hand, at=now)
            session.add(crossing)
            session.flush()
            session.execute(
                update(StockLevel)
                .where(StockLevel.product_id == product_id)
                .values(crossing_id=crossing.id)
            )
            crossings += 1
    return crossings
