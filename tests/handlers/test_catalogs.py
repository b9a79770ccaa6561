"""Every catalog says every message, with the same placeholders, in every language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from fluent.syntax import ast, parse, visitor

from dealbot import locales
from dealbot.domain.core.money import Money
from dealbot.handlers.core.i18n import Translator, supported_locale


class _Placeholders(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def _catalog(locale: str) -> dict[str, set[str]]:
    messages: dict[str, set[str]] = {}
    for file in locales.catalog_files(locale):
        resource = parse(file.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{locale}/{file.name} has a syntax error: {(junk[0].content or '')[:80]}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                visitor = _Placeholders()
                visitor.visit(entry)
                messages[entry.id.name] = visitor.names
    return messages


ENGLISH = _catalog("en")


@pytest.mark.parametrize("locale", [loc for loc in locales.SUPPORTED if loc != "en"])
def test_catalog_has_every_message_with_the_same_placeholders(locale: str) -> None:
    catalog = _catalog(locale)

    assert sorted(set(ENGLISH) - set(catalog)) == [], "missing messages"
    assert sorted(set(catalog) - set(ENGLISH)) == [], "messages English does not have"
    different = {k: (ENGLISH[k], v) for k, v in catalog.items() if ENGLISH[k] != v}
    assert different == {}


@pytest.mark.parametrize("locale", locales.SUPPORTED)
def test_every_message_formats_without_errors(locale: str) -> None:
    t = Translator(locale)
    numbers = {"count", "limit", "length", "digits", "won", "lost"}
    for message_id, names in _catalog(locale).items():
        args: dict[str, Any] = {n: (2 if n in numbers else f"<{n}>") for n in names}
        assert t(message_id, **args)


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 сделка"), (2, "2 сделки"), (5, "5 сделок"), (21, "21 сделка")]
)
def test_russian_plurals(count: int, expected: str) -> None:
    assert expected in Translator("ru")("search-found", count=count)


def test_money_dates_and_numbers_are_formatted_the_local_way() -> None:
    yen = Money(Decimal("1200000"), "JPY")
    assert Translator("ja").money(yen) == "￥1,200,000"
    assert Translator("en").money(Money(Decimal("1234.5"), "USD")) == "$1,234.50"
    assert Translator("ru").money(Money(Decimal("1234.5"), "RUB")) == "1\xa0234,50\xa0₽"
    assert Translator("ja").date(date(2026, 12, 31)) == "2026/12/31"
    assert Translator("zh").date(date(2026, 12, 31)) == "2026年12月31日"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("ja-JP", "ja"), ("zh_CN", "zh"), ("RU", "ru"), ("en-GB", "en"), ("fr-FR", None), ("", None)],
)
def test_platform_language_tags(tag: str, expected: str | None) -> None:
    assert supported_locale(tag) == expected
