"""Products and stock as conversations: `/product list|show`, `/stock SKU`, the product picker."""

from __future__ import annotations

from dealbot.domain.products.desk import ProductDesk
from dealbot.handlers.core.registry import Registry
from dealbot.handlers.products.commands import PRODUCTS, ProductCommands


def register(registry: Registry, desk: ProductDesk) -> None:
    products = ProductCommands(desk)
    registry.command("product", products.product, help_key="help-product")
    registry.command("stock", products.stock, help_key="help-stock")
    registry.source(PRODUCTS, products.matches)
