"""Amounts typed the way the person's language writes them.

`1 500 000,50` in Russian, `1,500,000.50` in English, full-width `１５０００` in Japanese: each is
read with the separators of the person's locale (CLDR, through Babel), so `1,500` is one and a
half in Russian and fifteen hundred in English, never silently the other.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from babel import Locale
from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

from dealbot.domain.core.errors import Invalid

# Spaces people type as group separators; CLDR's Russian one is a no-break space.
_SPACES = re.compile(r"[ \u00a0\u202f\u2009\u3000]")


def parse_amount(text: str, locale: Locale) -> Decimal:
    compact = unicodedata.normalize("NFKC", text).strip()
    group = get_group_symbol(locale)
    decimal = get_decimal_symbol(locale)
    if _SPACES.fullmatch(group) or group == "\u00a0":
        compact = _SPACES.sub("\u00a0", compact)
        group = "\u00a0"
    else:
        compact = _SPACES.sub("", compact)
    allowed = re.escape(group) + re.escape(decimal)
    if not re.fullmatch(rf"[+-]?[0-9][0-9{allowed}]*", compact):
        raise Invalid("error-amount-not-number", value=text, example=example(locale))
    if group == "\u00a0":
        compact = compact.replace("\u00a0", get_group_symbol(locale))
    try:
        # strict: grouping must be where the locale puts it, so `1,5` is not fifteen in English
        return Decimal(parse_decimal(compact, locale=locale, strict=True))
    except NumberFormatError:
        raise Invalid("error-amount-not-number", value=text, example=example(locale)) from None


def example(locale: Locale) -> str:
    """`1,500,000.50` written the locale's way: for hints and error messages."""
    from babel.numbers import format_decimal

    return str(format_decimal(Decimal("1500000.50"), format="#,##0.00", locale=locale))


def typed_amount(amount: Decimal, locale: Locale) -> str:
    """An amount as a person of `locale` would type it (`1200000,5` in Russian): a form's
    pre-filled answer that `parse_amount` reads back unchanged."""
    from babel.numbers import format_decimal

    return str(format_decimal(amount, format="0.##########", locale=locale))
