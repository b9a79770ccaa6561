"""The forms of the customer card (PRODUCT.md §3.1), declared once for every front end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dealbot.domain.core.errors import Invalid
from dealbot.domain.customers.enums import Channel
from dealbot.domain.customers.models import (
    MAX_ADDRESS,
    MAX_CHANNEL_ADDRESS,
    MAX_CONTRACT_TITLE,
    MAX_NAME,
    MAX_PERSON,
)
from dealbot.domain.deals.enums import CompanySize, Industry
from dealbot.handlers.core.basics import TEAMMATES
from dealbot.handlers.core.forms import Field, Form, Kind

CUSTOMERS = "customers"


def _has_channel(values: Mapping[str, Any]) -> bool:
    return bool(values.get("channel"))


CARD_FIELDS = (
    Field("name", Kind.TEXT, max_length=MAX_NAME, a_name=True),
    Field("industry", Kind.CHOICE, required=False, enum=("industry", tuple(Industry))),
    Field("company_size", Kind.CHOICE, required=False, enum=("size", tuple(CompanySize))),
    Field("contact_name", Kind.TEXT, required=False, max_length=MAX_PERSON),
    Field("contact_position", Kind.TEXT, required=False, max_length=MAX_PERSON),
    Field("legal_address", Kind.TEXT, required=False, max_length=MAX_ADDRESS),
    Field("contact_address", Kind.TEXT, required=False, max_length=MAX_ADDRESS),
    Field("owner", Kind.CHOICE, required=False, source=TEAMMATES),
    Field("channel", Kind.CHOICE, required=False, enum=("channel", tuple(Channel))),
    Field(
        "channel_address",
        Kind.TEXT,
        required=False,
        max_length=MAX_CHANNEL_ADDRESS,
        ask_if=_has_channel,
    ),
    Field("founded", Kind.DATE, required=False, max_length=10),
    Field("first_contract", Kind.DATE, required=False, max_length=10),
    Field("contact_birthday", Kind.DATE, required=False, max_length=10),
)


def _contract_dates(values: dict[str, Any]) -> None:
    starts, ends = values.get("contract_start"), values.get("contract_end")
    if starts is not None and ends is not None and ends < starts:
        raise Invalid(
            "error-contract-ends-before",
            field="contract_end",
            start=starts.isoformat(),
            end=ends.isoformat(),
        )


NEW_CUSTOMER = Form(id="customer-new", fields=CARD_FIELDS)
EDIT_CUSTOMER = Form(id="customer-edit", fields=CARD_FIELDS)
CONTRACT = Form(
    id="customer-contract",
    fields=(
        Field(
            "customer",
            Kind.CHOICE,
            source=CUSTOMERS,
            typeahead=True,
            ref_letter="c",
            max_length=MAX_NAME,
        ),
        Field("contract_title", Kind.TEXT, max_length=MAX_CONTRACT_TITLE),
        Field("contract_start", Kind.DATE, required=False, max_length=10),
        Field("contract_end", Kind.DATE, required=False, max_length=10),
    ),
    check=_contract_dates,
)
