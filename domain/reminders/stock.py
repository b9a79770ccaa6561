"""Products below their minimum or above their maximum (PRODUCT.md §5), to every member with
the warehouse role: once per crossing, while it still holds, at the member's team's hour."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from dealbot.domain.core.routing import Audience
from dealbot.domain.products.levels import Level, StockCrossing, StockLevel
from dealbot.domain.products.models import Product
from dealbot.domain.reminders.calendar import local_date, reminder_moment
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.occasions import Occasion, SweepContext

KINDS = {Level.LOW.value: Kind.STOCK_LOW, Level.HIGH.value: Kind.STOCK_HIGH}


def stock_crossings(context: SweepContext) -> Iterator[Occasion]:
    """Every crossing a product is still at: a condition, sent however late it comes.

    A crossing is due at the team's reminder hour of the day it happened, or when it
    happened if that was later in the day: the next sweep after it tells it.
    """
    if not context.people.warehouse:
        return
    team, settings = context.team, context.settings
    rows = context.session.execute(
        select(StockCrossing, Product)
        .join(StockLevel, StockLevel.crossing_id == StockCrossing.id)
        .join(Product, Product.id == StockCrossing.product_id)
        .where(StockLevel.level.in_(list(KINDS)))
        .order_by(StockCrossing.id)
    )
    for crossing, product in rows:
        on = local_date(team.timezone, crossing.at)
        due_at = max(crossing.at, reminder_moment(team.timezone, on, settings.hour))
        if due_at > context.as_of:
            continue
        for member in context.people.warehouse:
            yield Occasion(
                kind=KINDS[crossing.level],
                subject_type="stock_crossing",
                subject_id=crossing.id,
                member=member,
                audience=Audience.WAREHOUSE,
                on=on,
                label=f"{product.sku} {product.name}"[:200],
                item={
                    "kind": KINDS[crossing.level].value,
                    "sku": product.sku,
                    "name": product.name,
                    "on_hand": product.on_hand,
                    "minimum": product.minimum,
                    "maximum": product.maximum,
                },
                condition=True,
            )
