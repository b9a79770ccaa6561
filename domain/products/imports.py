"""`dealbot import products`: SKU, name, price and stock levels, checked row by row.

A product whose SKU is known is updated; an empty cell keeps what is stored. A changed
`on_hand` is recorded as a stock movement by the import, so that stock on hand is always the
sum of its movements and a later sweep can notice a crossing of the minimum or maximum.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import DomainError, Invalid
from dealbot.domain.core.imports import RowRefused, Written, cell, upsert
from dealbot.domain.core.money import Money
from dealbot.domain.core.text import search_key
from dealbot.domain.products.levels import note_levels
from dealbot.domain.products.models import MAX_PRODUCT_NAME, MAX_SKU, Product, StockMovement

COLUMNS = ("sku", "name", "unit_price", "currency", "on_hand", "minimum", "maximum")
REQUIRED = ("sku",)
# Stored as a word the front ends translate: "stock-reason-import" in the catalogs.
IMPORT_REASON = "import"
_SKU = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
STORED = ("name", "unit_price_minor", "currency", "on_hand", "minimum", "maximum")


@dataclass(frozen=True, slots=True)
class ProductRow:
    line: int
    sku: str
    given: dict[str, Any]


def _count(cells: Mapping[str, str], column: str) -> int | None:
    value = cell(cells, column)
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise RowRefused(column, Invalid("error-import-count", value=value))
    return int(value)


def read_row(cells: Mapping[str, str], line: int) -> ProductRow:
    sku = cell(cells, "sku")
    if sku is None:
        raise RowRefused("sku", Invalid("error-required", field="sku"))
    if len(sku) > MAX_SKU or not _SKU.fullmatch(sku):
        raise RowRefused("sku", Invalid("error-import-sku", value=sku))
    given: dict[str, Any] = {}
    name = cell(cells, "name")
    if name is not None:
        if len(name) > MAX_PRODUCT_NAME:
            raise RowRefused(
                "name",
                Invalid("error-too-long", field="name", limit=MAX_PRODUCT_NAME, length=len(name)),
            )
        given["name"] = name
    price, currency = cell(cells, "unit_price"), cell(cells, "currency")
    if price is not None:
        if currency is None:
            raise RowRefused("currency", Invalid("error-import-currency-needed"))
        if not _NUMBER.fullmatch(price):
            raise RowRefused("unit_price", Invalid("error-import-price", value=price))
        try:
            money = Money.of(Decimal(price), currency)
        except InvalidOperation:
            raise RowRefused("unit_price", Invalid("error-import-price", value=price)) from None
        except DomainError as error:
            column = "currency" if error.key == "error-currency-unknown" else "unit_price"
            raise RowRefused(column, error) from None
        given["unit_price_minor"] = money.minor_units
        given["currency"] = money.currency
    elif currency is not None:
        raise RowRefused("unit_price", Invalid("error-import-price-needed"))
    for column in ("on_hand", "minimum", "maximum"):
        count = _count(cells, column)
        if count is not None:
            given[column] = count
    low, high = given.get("minimum"), given.get("maximum")
    if low is not None and high is not None and high < low:
        raise RowRefused(
            "maximum", Invalid("error-import-max-below-min", minimum=low, maximum=high)
        )
    return ProductRow(line, sku, given)


def clash(earlier: ProductRow, later: ProductRow) -> str | None:
    for column, value in earlier.given.items():
        if column in later.given and later.given[column] != value:
            return "unit_price" if column == "unit_price_minor" else column
    return None


def write_chunk(
    session: Session, rows: Sequence[ProductRow], now: datetime, tally: Written
) -> list[tuple[int, RowRefused]]:
    """The rows of one chunk, merged per product; the rows refused, with their line.

    A row of a SKU neither stored nor given earlier in the file must name the product and
    its price: those columns have no empty value.
    """
    skus = list(dict.fromkeys(r.sku for r in rows))
    # Locked, so that a shipment confirmed meanwhile is not lost from the movement's count.
    stored = {
        p.sku: p
        for p in session.scalars(select(Product).where(Product.sku.in_(skus)).with_for_update())
    }
    merged: dict[str, dict[str, Any]] = {}
    refused: list[tuple[int, RowRefused]] = []
    for row in rows:
        if row.sku not in merged and row.sku in stored:
            known = stored[row.sku]
            merged[row.sku] = {c: getattr(known, c) for c in STORED}
        if row.sku not in merged and row.sku not in tally.seen:
            missing = next((c for c in ("name", "unit_price_minor") if c not in row.given), None)
            if missing is not None:
                column = "unit_price" if missing == "unit_price_minor" else missing
                refused.append(
                    (
                        row.line,
                        RowRefused(column, Invalid("error-import-product-new", field=column)),
                    )
                )
                continue
        if row.sku not in merged:
            merged[row.sku] = {"on_hand": 0, "minimum": None, "maximum": None}
        merged[row.sku].update(row.given)
        if row.sku in stored or row.sku in tally.seen:
            tally.updated += 1
        else:
            tally.imported += 1
            tally.seen.add(row.sku)
    values = [
        {
            "sku": sku,
            **card,
            "search_text": "\n".join(search_key(p) for p in (sku, card.get("name") or "")),
            "created_at": now,
            "updated_at": now,
        }
        for sku, card in merged.items()
    ]
    # A SKU first given in an earlier chunk is stored by now and merged above; every row
    # here has every column, as an upsert of many rows needs.
    for value in values:
        for column in STORED:
            value.setdefault(column, None)
    upsert(
        session,
        Product.__table__,  # type: ignore[arg-type]
        values,
        ["sku"],
        keep_when_empty=["name", "unit_price_minor", "currency"],
        insert_only=["created_at"],
    )
    found = session.execute(select(Product.sku, Product.id).where(Product.sku.in_(list(merged))))
    ids = {sku: product_id for sku, product_id in found}
    moves = []
    for sku, card in merged.items():
        before = stored[sku].on_hand if sku in stored else 0
        if card["on_hand"] is not None and card["on_hand"] != before:
            moves.append(
                {
                    "product_id": ids[sku],
                    "quantity": card["on_hand"] - before,
                    "on_hand_after": card["on_hand"],
                    "reason": IMPORT_REASON,
                    "actor_id": None,
                    "at": now,
                }
            )
    if moves:
        session.execute(insert(StockMovement), moves)
    # New stock or new limits may cross a minimum or maximum: noticed now, told by a sweep.
    note_levels(session, now, list(ids.values()))
    return refused
