"""Products' front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from dealbot.domain.core.desk import Desk
from dealbot.domain.products import use_cases
from dealbot.domain.products.views import ProductCard, StockView

PICKER_LIMIT = 20


class ProductDesk(Desk):
    def listing(self, member_id: int, query: str | None = None) -> list[ProductCard]:
        return self.as_member(member_id, lambda s, m: use_cases.list_products(s, query))

    def show(self, member_id: int, sku: str) -> ProductCard:
        return self.as_member(
            member_id, lambda s, m: ProductCard.of(use_cases.load_product(s, sku))
        )

    def stock(self, member_id: int, sku: str) -> StockView:
        return self.as_member(member_id, lambda s, m: use_cases.stock_of(s, sku))

    def matches(self, member_id: int, query: str | None) -> list[ProductCard]:
        """A product picker's page: products are shared, so every team sees them all."""
        return self.as_member(
            member_id, lambda s, m: use_cases.list_products(s, query, PICKER_LIMIT)
        )
