"""Money as an exact Decimal amount with an ISO 4217 currency."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import get_currency_precision, is_currency

from dealbot.domain.core.errors import Invalid

# The largest amount accepted (PRODUCT.md §8); its minor units fit a 64-bit integer column
# with room to spare for sums of many deals.
MAX_AMOUNT = Decimal("999999999999.99")


def currency_digits(currency: str) -> int:
    return int(get_currency_precision(currency))


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, amount: Decimal, currency: str) -> Money:
        code = currency.strip().upper()
        if not is_currency(code):
            raise Invalid("error-currency-unknown", currency=currency)
        if not amount.is_finite() or amount <= 0:
            raise Invalid("error-amount-not-positive")
        if amount > MAX_AMOUNT:
            raise Invalid("error-amount-too-large", limit=MAX_AMOUNT)
        exponent = amount.normalize().as_tuple().exponent
        digits = currency_digits(code)
        if isinstance(exponent, int) and -exponent > digits:
            raise Invalid("error-amount-precision", currency=code, digits=digits)
        return cls(amount, code)

    @property
    def minor_units(self) -> int:
        return int(self.amount.scaleb(currency_digits(self.currency)))

    @classmethod
    def from_minor_units(cls, units: int, currency: str) -> Money:
        return cls(Decimal(units).scaleb(-currency_digits(currency)), currency)
