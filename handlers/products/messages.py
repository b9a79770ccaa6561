"""Every message about products and stock, as neutral `Message`s."""

from __future__ import annotations

from collections.abc import Sequence

from dealbot.domain.products.views import Movement, ProductCard, StockView
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.ui import Message


def _level(t: Translator, card: ProductCard) -> str:
    if card.below_minimum:
        return t("stock-below-minimum")
    if card.above_maximum:
        return t("stock-above-maximum")
    return ""


def product_fields(t: Translator, card: ProductCard) -> tuple[tuple[str, str], ...]:
    fields = [
        (t("field-sku"), card.sku),
        (t("field-unit-price"), t.money(card.unit_price)),
        (t("field-on-hand"), f"{t.number(card.on_hand)} {_level(t, card)}".strip()),
    ]
    if card.minimum is not None:
        fields.append((t("field-minimum"), t.number(card.minimum)))
    if card.maximum is not None:
        fields.append((t("field-maximum"), t.number(card.maximum)))
    return tuple(fields)


def product_card(t: Translator, card: ProductCard) -> Message:
    return Message(
        title=t("product-heading", sku=card.sku, name=card.name), fields=product_fields(t, card)
    )


def product_line(t: Translator, card: ProductCard) -> str:
    line = t(
        "product-line",
        sku=card.sku,
        name=card.name,
        price=t.money(card.unit_price),
        on_hand=t.number(card.on_hand),
    )
    level = _level(t, card)
    return f"{line} {level}" if level else line


def product_list(t: Translator, cards: Sequence[ProductCard]) -> Message:
    return Message(
        title=t("product-list", count=len(cards)),
        lines=tuple(product_line(t, c) for c in cards),
    )


def _reason(t: Translator, reason: str) -> str:
    """A reason the bot itself wrote (`import`, `shipment:O-4`) in the reader's language;
    else as typed."""
    word, _, ref = reason.partition(":")
    key = f"stock-reason-{word}"
    own = word.isascii() and word.isidentifier() and t.has(key)
    return t(key, ref=ref) if own else reason


def movement_line(t: Translator, movement: Movement) -> str:
    return t(
        "stock-movement-line",
        at=t.moment(movement.at),
        quantity=f"{movement.quantity:+d}",
        after=t.number(movement.on_hand_after),
        actor=movement.actor or t("stock-actor-system"),
        reason=_reason(t, movement.reason),
    )


def stock(t: Translator, view: StockView) -> Message:
    card = view.product
    lines = [t("stock-movements", count=len(view.movements))]
    lines += [movement_line(t, m) for m in view.movements]
    return Message(
        title=t("stock-heading", sku=card.sku, name=card.name, on_hand=t.number(card.on_hand)),
        fields=product_fields(t, card),
        lines=tuple(lines),
    )
