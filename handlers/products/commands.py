"""`/product list [text]`, `/product show SKU`, `/stock SKU`, and the product picker."""

from __future__ import annotations

from dealbot.domain.products.desk import ProductDesk
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.outcomes import Outcome
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router, error_reply
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.products import messages

# The data source a later form (a quote's lines) picks products from, as the person types.
PRODUCTS = "products"


class ProductCommands:
    def __init__(self, desk: ProductDesk) -> None:
        self.desk = desk

    async def product(self, ask: Ask, args: list[str]) -> Outcome:
        sub = args[0].lower() if args else "list"
        if sub == "list":
            query = " ".join(args[1:]) or None
            cards = await Router.call(self.desk.listing, ask.person.id, query)
            return Reply.of(messages.product_list(ask.t, cards))
        if sub == "show" and len(args) > 1:
            card = await Router.call(self.desk.show, ask.person.id, args[1])
            return Reply.of(messages.product_card(ask.t, card))
        return Reply.of(Message(title=ask.t("product-usage"), lines=(ask.t("help-product"),)))

    async def stock(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-stock-needs-sku"))
        view = await Router.call(self.desk.stock, ask.person.id, args[0])
        return Reply.of(messages.stock(ask.t, view))

    async def matches(self, ask: Ask, query: str | None) -> list[Choice]:
        cards = await Router.call(self.desk.matches, ask.person.id, query)
        return [Choice(c.sku, f"{c.sku} · {c.name}") for c in cards]
