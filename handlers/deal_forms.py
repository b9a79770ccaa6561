"""The forms of the deal flow (PRODUCT.md §2), declared once for every front end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dealbot.domain.deals import MAX_NAME, MAX_NOTES, MAX_TITLE
from dealbot.domain.enums import ActivityKind, CompanySize, Industry, ProgressStatus
from dealbot.handlers.forms import Choice, Field, Form, FormContext, Kind, enum_choices, money_check


def _customers(context: FormContext) -> list[Choice]:
    return [Choice(name, name) for name in context.customers]


def _deals(context: FormContext) -> list[Choice]:
    return list(context.deals)


def _is_lost(values: Mapping[str, Any]) -> bool:
    return values.get("status") == ProgressStatus.LOST.value


NEW_DEAL = Form(
    id="deal-new",
    fields=(
        Field("customer", Kind.CHOICE, max_length=MAX_NAME, choices=_customers, open_choice=True),
        Field("title", Kind.TEXT, max_length=MAX_TITLE),
        Field("industry", Kind.CHOICE, choices=enum_choices("industry", [*Industry])),
        Field("company_size", Kind.CHOICE, choices=enum_choices("size", [*CompanySize])),
        Field("amount", Kind.AMOUNT, max_length=30),
        Field("currency", Kind.CURRENCY, max_length=3, default=lambda c: c.team_currency),
        Field("expected_close", Kind.DATE, required=False, max_length=10),
        Field("source", Kind.TEXT, required=False, max_length=MAX_NAME),
        Field("notes", Kind.LONG_TEXT, required=False, max_length=MAX_NOTES),
    ),
    check=money_check,
)

PROGRESS = Form(
    id="deal-update",
    fields=(
        Field("deal", Kind.CHOICE, choices=_deals, open_choice=True, max_length=20),
        Field("activity", Kind.CHOICE, choices=enum_choices("activity", [*ActivityKind])),
        Field("status", Kind.CHOICE, choices=enum_choices("status", [*ProgressStatus])),
        Field("notes", Kind.LONG_TEXT, required=False, max_length=MAX_NOTES),
        Field("lost_reason", Kind.LONG_TEXT, max_length=MAX_NOTES, ask_if=_is_lost),
    ),
)

ADVICE = Form(
    id="advice",
    fields=(Field("advice", Kind.LONG_TEXT, max_length=MAX_NOTES),),
)

FORMS = {form.id: form for form in (NEW_DEAL, PROGRESS, ADVICE)}
