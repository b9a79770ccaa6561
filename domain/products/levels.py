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
from typing import cast

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Integer,
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    select,
    update,
)
from sqlalchemy import insert as sqlalchemy_insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from dealbot.domain.core.models import Base
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
    crossings: list[dict[str, object]] = []
    # Products without a level row yet (a sweep's first run finds all those out of range):
    # their rows made in one statement, insert-or-ignore, the ones this process made back.
    first: dict[int, tuple[int, str]] = {}
    for product_id, on_hand, new, old, level_id in session.execute(query).all():
        if new == (old or Level.OK.value):
            continue
        if level_id is None:
            first[product_id] = (on_hand, new)
            continue
        moved = session.execute(
            update(StockLevel)
            .where(StockLevel.id == level_id, StockLevel.level == old)
            .values(level=new, crossing_id=None, changed_at=now)
        )
        if getattr(moved, "rowcount", 0) == 1 and new != Level.OK.value:
            crossings.append({"product_id": product_id, "level": new, "on_hand": on_hand})
    if first:
        for product_id in _made_levels(session, first, now):
            on_hand, new = first[product_id]
            if new != Level.OK.value:
                crossings.append({"product_id": product_id, "level": new, "on_hand": on_hand})
    if crossings:
        _record_crossings(session, crossings, now)
    return len(crossings)


def _made_levels(session: Session, first: dict[int, tuple[int, str]], now: datetime) -> list[int]:
    """The level rows of products that had none, in one insert-or-ignore: those made here."""
    table = cast(Table, StockLevel.__table__)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    rows = [
        {"product_id": product_id, "level": new, "crossing_id": None, "changed_at": now}
        for product_id, (_, new) in sorted(first.items())
    ]
    made = session.execute(
        insert.values(rows)
        .on_conflict_do_nothing(index_elements=["product_id"])
        .returning(table.c.product_id)
    )
    return sorted(made.scalars())


def _record_crossings(session: Session, crossings: list[dict[str, object]], now: datetime) -> None:
    """The crossings, in one statement, and each level row pointed at its crossing."""
    table = cast(Table, StockCrossing.__table__)
    made = session.execute(
        sqlalchemy_insert(table)
        .values([{**c, "at": now} for c in crossings])
        .returning(table.c.id, table.c.product_id)
    )
    pointed = [{"pid": product_id, "cid": crossing_id} for crossing_id, product_id in made]
    levels = cast(Table, StockLevel.__table__)
    session.execute(
        update(levels)
        .where(levels.c.product_id == bindparam("pid"))
        .values(crossing_id=bindparam("cid")),
        pointed,
    )
