"""Products and stock (PRODUCT.md §3.2) on SQLite and PostgreSQL; and how the shell shows them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dealbot.domain.core.errors import Conflict, NotFound
from dealbot.domain.core.models import Member
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.products.desk import ProductDesk
from dealbot.domain.products.models import Product
from dealbot.domain.products.use_cases import move_stock
from support.deals import member_id
from support.shell import Transcript, replies

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def add_product(sessions: SessionFactory, sku: str, name: str, **values: object) -> int:
    with sessions.begin() as session:
        product = Product(
            sku=sku,
            name=name,
            search_text=f"{sku.lower()}\n{name.lower()}",
            unit_price_minor=120050,
            currency="EUR",
            on_hand=0,
            created_at=NOW,
            **values,
        )
        session.add(product)
        session.flush()
        return product.id


def test_stock_moves_by_conditional_writes_and_never_below_zero(desk: DealDesk) -> None:
    product = add_product(desk.sessions, "PUMP-50", "Pump", minimum=10, maximum=100)
    with desk.sessions.begin() as session:
        kenji = session.get_one(Member, member_id(desk, "kenji"))
        assert move_stock(session, product, 40, "Delivery from the factory", kenji, NOW) == 40
        assert move_stock(session, product, -35, "Shipment O-4", None, NOW) == 5
        with pytest.raises(Conflict):
            move_stock(session, product, -6, "Too much", None, NOW)
    products = ProductDesk(desk.sessions, desk.clock)
    stock = products.stock(member_id(desk, "olga"), "PUMP-50")  # shared by every team
    assert stock.product.on_hand == 5 and stock.product.below_minimum
    assert [(m.quantity, m.on_hand_after, m.actor) for m in stock.movements] == [
        (-35, 5, None),
        (40, 40, "Kenji Tanaka"),
    ]
    with pytest.raises(NotFound):
        products.show(member_id(desk, "kenji"), "NOPE")


async def test_the_shell_lists_shows_and_tells_the_stock_of_a_product(
    sample_desk: DealDesk,
) -> None:
    product = add_product(sample_desk.sessions, "VALVE-1", "Клапан", minimum=2)
    add_product(sample_desk.sessions, "PUMP-50", "Pump 50 l/min")
    with sample_desk.sessions.begin() as session:
        move_stock(session, product, 7, "import", None, NOW)
    shell = Transcript(sample_desk, "sam")

    listed = replies(await shell.type("/product list"))
    assert "2 products" in listed and "VALVE-1 · Клапан · €1,200.50 · on hand 7" in listed
    assert "PUMP-50" in replies(await shell.type("/product list pump"))
    assert "VALVE-1" not in replies(await shell.type("/product list pump"))
    shown = replies(await shell.type("/deal product show VALVE-1"))
    assert "VALVE-1: Клапан" in shown and "Minimum: 2" in shown
    stock = replies(await shell.type("/stock VALVE-1"))
    assert "Stock of VALVE-1 (Клапан): 7 on hand" in stock
    assert "+7 → 7 · dealbot · imported from a CSV file" in stock
    assert "There is no product with the SKU “NOPE”." in replies(await shell.type("/stock NOPE"))
