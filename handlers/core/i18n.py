"""Every word the bot says, in the reader's language, with CLDR formatting from Babel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent
from fluent.runtime import FluentBundle, FluentResource

from dealbot import locales
from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.money import Money

BABEL_LOCALES = {"en": "en", "ja": "ja_JP", "zh": "zh_Hans_CN", "ru": "ru_RU"}


def supported_locale(tag: str | None) -> str | None:
    """Our language for a platform's tag such as `ja-JP`, `zh_CN` or `RU`; None if unsupported."""
    if not tag:
        return None
    language = tag.replace("_", "-").split("-")[0].lower()
    return language if language in locales.SUPPORTED else None


@cache
def _bundle(locale: str) -> FluentBundle:
    bundle = FluentBundle([locale], use_isolating=False)
    for catalog in locales.catalog_files(locale):
        bundle.add_resource(FluentResource(catalog.read_text(encoding="utf-8")))
    return bundle


@cache
def _babel(locale: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[locale])


class Translator:
    """Words, numbers, money and times for one reader: their language, their team's zone."""

    def __init__(self, locale: str, timezone: str = "UTC") -> None:
        self.locale = supported_locale(locale) or locales.DEFAULT
        self.timezone = timezone
        self.babel = _babel(self.locale)
        self._bundle = _bundle(self.locale)
        self._fallback = _bundle(locales.DEFAULT)

    def __call__(self, message_id: str, /, **args: Any) -> str:
        has = self._bundle.has_message(message_id)
        bundle = self._bundle if has else self._fallback
        message = bundle.get_message(message_id)
        if message.value is None:
            raise KeyError(message_id)
        text, errors = bundle.format_pattern(message.value, args)
        if errors:
            raise ValueError(f"{self.locale}:{message_id}: {errors}")
        return str(text)

    def has(self, key: str) -> bool:
        return self._bundle.has_message(key) or self._fallback.has_message(key)

    def error(self, error: DomainError) -> str:
        args = {
            k: self.number(v) if isinstance(v, Decimal) else v
            for k, v in error.args_for_message.items()
        }
        if "field" in args:
            args["field"] = self.field_label(str(args["field"]))
        return self(error.key, **args)

    def field_label(self, name: str) -> str:
        """`Unit price` for `unit_price`, and for `unit_price.2` (a field of the second row)."""
        return self(f"field-{name.split('.', 1)[0].replace('_', '-')}")

    def money(self, money: Money) -> str:
        return str(format_currency(money.amount, money.currency, locale=self.babel))

    def amounts(self, amounts: dict[str, Decimal]) -> str:
        if not amounts:
            return "—"
        return self.listing([self.money(Money(a, c)) for c, a in sorted(amounts.items())])

    def listing(self, items: list[str], style: Literal["standard", "or"] = "standard") -> str:
        """Items joined the way the language lists things (CLDR list patterns)."""
        return str(format_list(items, style=style, locale=self.babel))

    def number(self, value: int | Decimal) -> str:
        return str(format_decimal(value, locale=self.babel))

    def percent(self, value: float) -> str:
        return str(format_percent(value, locale=self.babel))

    def date(self, value: date) -> str:
        return str(format_date(value, format="medium", locale=self.babel))

    def moment(self, value: datetime) -> str:
        """A time in the reader's team time zone, with the zone shown (`18:00 JST`)."""
        zone = ZoneInfo(self.timezone)
        shown = format_datetime(value, format="short", tzinfo=zone, locale=self.babel)
        return f"{shown} {value.astimezone(zone).tzname()}"

    def choice(self, group: str, value: str) -> str:
        return self(f"{group}-{value}".replace("+", "plus").replace("_", "-").replace(".", "-"))
