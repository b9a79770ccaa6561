"""The money rules of selling (PRODUCT.md §3.2), exact in Decimal and in minor units.

- A line's amount is quantity × unit price × (1 − discount %), rounded half-up to the
  currency's minor unit (¥1, $0.01); a quote's total is the sum of its lines.
- N equal monthly installments of a total: each is the total divided by N, rounded down to
  the minor unit, and the last takes the remainder; the sum is the total exactly.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from dealbot.domain.core.money import currency_digits

# Enough digits for a quantity of 10⁹ at a price of 10¹² with two decimals and a discount
# of two decimals, with room to spare: nothing is rounded before the one rounding of a line.
PRECISION = Context(prec=60)
# A quantity fits the store's integer columns (stock on hand is one too).
MAX_QUANTITY = 999_999_999
HUNDRED = Decimal(100)


def line_amount(quantity: int, unit_price: Decimal, discount: Decimal, currency: str) -> Decimal:
    """quantity × unit price × (1 − discount/100), rounded half-up to the minor unit."""
    with localcontext(PRECISION):
        exact = Decimal(quantity) * unit_price * (HUNDRED - discount) / HUNDRED
        return exact.quantize(Decimal(1).scaleb(-currency_digits(currency)), ROUND_HALF_UP)


def to_minor(amount: Decimal, currency: str) -> int:
    """An amount already at the currency's precision, in minor units."""
    with localcontext(PRECISION):
        return int(amount.scaleb(currency_digits(currency)))


def equal_split(total_minor: int, count: int) -> list[int]:
    """`count` equal parts of a total in minor units; the last takes the remainder."""
    if count < 1 or count > total_minor:
        raise ValueError("cannot split into that many parts")
    part = total_minor // count
    return [part] * (count - 1) + [total_minor - part * (count - 1)]


def add_months(start: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan → 28 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def monthly(first: date, count: int) -> list[date]:
    return [add_months(first, n) for n in range(count)]
