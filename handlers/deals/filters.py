"""Search filters as people type them: `industry:software size:10-49 status:won owner:kim
from:2026-01-01 to:… free text`, taking the labels as they are displayed, in any language."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import Any

from dealbot import locales
from dealbot.domain.core.errors import Invalid
from dealbot.domain.deals.enums import CompanySize, DealStatus, Industry
from dealbot.domain.deals.queries import SearchFilters
from dealbot.handlers.core.i18n import Translator

# filter word → (SearchFilters field, the values, the catalog group of their labels)
FILTER_KEYS: dict[str, tuple[str, type[StrEnum], str]] = {
    "industry": ("industry", Industry, "industry"),
    "size": ("company_size", CompanySize, "size"),
    "status": ("status", DealStatus, "deal-status"),
}
DATE_KEYS = {"from": "opened_from", "to": "opened_to"}


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


def _value(t: Translator, key: str, typed: str) -> StrEnum:
    _, enum, group = FILTER_KEYS[key]
    wanted = _folded(typed)
    translators = [t, *(Translator(code) for code in locales.SUPPORTED if code != t.locale)]
    for reader in translators:
        labels = {member: _folded(reader.choice(group, member.value)) for member in enum}
        for member, label in labels.items():
            if wanted in (_folded(member.value), label):
                return member
        # `industry:IT` for "IT and software", `size:10–49` for "10–49 employees"
        starting = [m for m, label in labels.items() if label.startswith(wanted)]
        if len(starting) == 1:
            return starting[0]
    choices = t.listing([t.choice(group, m.value) for m in enum], "or")
    raise Invalid("error-filter", filter=key, value=typed, choices=choices)


def parse_filters(args: list[str], t: Translator) -> SearchFilters:
    found: dict[str, Any] = {}
    text: list[str] = []
    for word in args:
        key, sep, typed = word.partition(":")
        key = key.lower()
        if not sep or key not in (*FILTER_KEYS, *DATE_KEYS, "owner"):
            text.append(word)
        elif key in FILTER_KEYS:
            found[FILTER_KEYS[key][0]] = _value(t, key, typed)
        elif key == "owner":
            found["owner"] = typed.lstrip("@")
        else:
            try:
                found[DATE_KEYS[key]] = date.fromisoformat(unicodedata.normalize("NFKC", typed))
            except ValueError:
                raise Invalid("error-date-format", value=typed) from None
    return SearchFilters(text=" ".join(text) or None, **found)
