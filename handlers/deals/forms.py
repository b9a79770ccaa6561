"""The forms of the deal flow (PRODUCT.md §2), declared once for every front end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dealbot.domain.deals.enums import ActivityKind, CompanySize, Industry, ProgressStatus
from dealbot.domain.deals.use_cases import MAX_NAME, MAX_NOTES, MAX_TITLE
from dealbot.handlers.core.basics import TEAM_SELLERS
from dealbot.handlers.core.forms import Field, Form, Kind, money_check

CUSTOMERS = "customers"
MY_OPEN_DEALS = "my-open-deals"


def _is_lost(values: Mapping[str, Any]) -> bool:
    return values.get("status") == ProgressStatus.LOST.value


NEW_DEAL = Form(
    id="deal-new",
    fields=(
        # Type-ahead among the team's customers (`C-7` or its name), or a new name.
        Field(
            "customer",
            Kind.CHOICE,
            max_length=MAX_NAME,
            source=CUSTOMERS,
            open_choice=True,
            typeahead=True,
            ref_letter="c",
        ),
        Field("title", Kind.TEXT, max_length=MAX_TITLE),
        Field("industry", Kind.CHOICE, enum=("industry", tuple(Industry))),
        Field("company_size", Kind.CHOICE, enum=("size", tuple(CompanySize))),
        Field("amount", Kind.AMOUNT, max_length=30),
        Field("currency", Kind.CURRENCY, max_length=3),
        Field("expected_close", Kind.DATE, required=False, max_length=10),
        Field("source", Kind.TEXT, required=False, max_length=MAX_NAME),
        Field("notes", Kind.LONG_TEXT, required=False, max_length=MAX_NOTES),
    ),
    check=money_check,
)

PROGRESS = Form(
    id="deal-update",
    fields=(
        Field("deal", Kind.CHOICE, source=MY_OPEN_DEALS, ref_letter="d", max_length=20),
        Field("activity", Kind.CHOICE, enum=("activity", tuple(ActivityKind))),
        Field("status", Kind.CHOICE, enum=("status", tuple(ProgressStatus))),
        Field("notes", Kind.LONG_TEXT, required=False, max_length=MAX_NOTES),
        Field("lost_reason", Kind.LONG_TEXT, max_length=MAX_NOTES, ask_if=_is_lost),
    ),
)

# The leader of a team that got a lead chooses who takes it.
ASSIGN = Form(
    id="lead-assign",
    fields=(Field("owner", Kind.CHOICE, source=TEAM_SELLERS),),
)

ADVICE = Form(
    id="advice",
    fields=(Field("advice", Kind.LONG_TEXT, max_length=MAX_NOTES),),
)
