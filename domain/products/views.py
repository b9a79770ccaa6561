"""What product queries hand back: plain values, safe after the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from dealbot.domain.core.money import Money
from dealbot.domain.products.models import Product, StockMovement


@dataclass(frozen=True)
class ProductCard:
    sku: str
    name: str
    unit_price: Money
    on_hand: int
    minimum: int | None
    maximum: int | None

    @classmethod
    def of(cls, product: Product) -> ProductCard:
        return cls(
            product.sku,
            product.name,
            product.unit_price,
            product.on_hand,
            product.minimum,
            product.maximum,
        )

    @property
    def below_minimum(self) -> bool:
        return self.minimum is not None and self.on_hand < self.minimum

    @property
    def above_maximum(self) -> bool:
        return self.maximum is not None and self.on_hand > self.maximum


@dataclass(frozen=True)
class Movement:
    quantity: int
    on_hand_after: int
    reason: str
    actor: str | None
    at: datetime

    @classmethod
    def of(cls, movement: StockMovement) -> Movement:
        actor = movement.actor.name if movement.actor else None
        return cls(movement.quantity, movement.on_hand_after, movement.reason, actor, movement.at)


@dataclass(frozen=True)
class StockView:
    product: ProductCard
    movements: tuple[Movement, ...]
