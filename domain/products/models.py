"""Products, shared by every team, and every movement of their stock."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dealbot.domain.core.models import Base, Member
from dealbot.domain.core.money import Money

MAX_SKU = 64
MAX_PRODUCT_NAME = 200
MAX_REASON = 500


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        Index(
            "ix_products_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(MAX_SKU), unique=True)
    name: Mapped[str] = mapped_column(String(MAX_PRODUCT_NAME))
    # SKU and name folded (domain.core.text.search_key): what the product picker searches.
    search_text: Mapped[str] = mapped_column(Text, default="")
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    # Always the sum of the product's movements: each change of stock is one movement.
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    minimum: Mapped[int | None] = mapped_column(Integer)
    maximum: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]

    @property
    def unit_price(self) -> Money:
        return Money.from_minor_units(self.unit_price_minor, self.currency)


class StockMovement(Base):
    """Stock in (+) or out (−) of a product: who moved it, when and why."""

    __tablename__ = "stock_movements"
    __table_args__ = (Index("ix_stock_movements_product_id_at", "product_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    on_hand_after: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(MAX_REASON))
    # None when no member moved it (`dealbot import products`).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]

    product: Mapped[Product] = relationship()
    actor: Mapped[Member | None] = relationship()
