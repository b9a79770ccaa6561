"""The money rules of selling, for any amounts: a line rounded half-up to the minor unit once,
installments that add up to the total exactly."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from dealbot.domain.core.money import currency_digits
from dealbot.domain.selling import rules

CURRENCIES = st.sampled_from(["JPY", "USD", "EUR", "RUB", "KWD"])  # 0, 2, 2, 2 and 3 digits


@given(
    quantity=st.integers(1, rules.MAX_QUANTITY),
    price_minor=st.integers(1, 10**14),
    discount_bp=st.integers(0, 10_000),
    currency=CURRENCIES,
)
def test_a_line_is_the_exact_product_rounded_half_up_once(
    quantity: int, price_minor: int, discount_bp: int, currency: str
) -> None:
    digits = currency_digits(currency)
    price = Decimal(price_minor).scaleb(-digits)
    discount = Decimal(discount_bp) / 100

    amount = rules.line_amount(quantity, price, discount, currency)

    exact = Fraction(quantity) * Fraction(price) * (1 - Fraction(discount) / 100)
    in_minor = exact * 10**digits
    floor = in_minor.numerator // in_minor.denominator
    expected = floor + (1 if in_minor - floor >= Fraction(1, 2) else 0)
    assert amount == Decimal(expected).scaleb(-digits)
    assert rules.to_minor(amount, currency) == expected
    assert -amount.as_tuple().exponent == digits  # type: ignore[operator]


def test_half_way_goes_up_not_to_even() -> None:
    assert rules.line_amount(1, Decimal("0.25"), Decimal(50), "USD") == Decimal("0.13")
    assert rules.line_amount(1, Decimal("0.35"), Decimal(50), "USD") == Decimal("0.18")
    assert rules.line_amount(5, Decimal(1), Decimal(10), "JPY") == Decimal(5)  # 4.5 → 5
    assert Decimal("4.5").quantize(Decimal(1), ROUND_HALF_UP) == 5


@given(total=st.integers(1, 10**17), count=st.integers(1, 120))
def test_equal_installments_add_up_to_the_total_exactly(total: int, count: int) -> None:
    if count > total:
        return
    parts = rules.equal_split(total, count)

    assert len(parts) == count and sum(parts) == total
    assert len(set(parts[:-1])) <= 1  # all equal but the last
    assert parts[0] <= parts[-1] < parts[0] + count  # the last takes the remainder


@given(first=st.dates(date(2000, 1, 1), date(2090, 12, 31)), count=st.integers(1, 120))
def test_monthly_due_dates_keep_the_day_or_the_months_last(first: date, count: int) -> None:
    dates = rules.monthly(first, count)

    assert dates[0] == first and dates == sorted(set(dates))
    for n, due in enumerate(dates):
        months = (due.year - first.year) * 12 + due.month - first.month
        assert months == n
        assert due.day == min(first.day, calendar.monthrange(due.year, due.month)[1])
