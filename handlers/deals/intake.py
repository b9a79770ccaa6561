"""The intake API's deal routes (PRODUCT.md §4, "Intake API"; seed 003).

`POST /api/deals` checks its JSON with the opening-report form's own fields and parsers
(`NEW_DEAL`: one definition of what a customer, a title or an amount may be), only less
strict about what the lead may leave for its owner's report (industry, size, amount).
Messages are in English, keyed by field; a field this API does not know is one of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any

from dealbot import locales
from dealbot.domain.core.errors import DomainError, Invalid
from dealbot.domain.core.text import search_key
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import CompanySize, Industry
from dealbot.domain.deals.leads import MAX_EXTERNAL_ID, LeadDraft
from dealbot.domain.deals.views import DealState
from dealbot.handlers.core.forms import Field, FormContext, Kind
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import ApiAnswer, ApiCall, Registry
from dealbot.handlers.core.router import Router
from dealbot.handlers.deals.forms import NEW_DEAL

ENGLISH = Translator("en")
# What a lead may leave for its owner to fill in when completing the opening report.
LEFT_FOR_THE_REPORT = frozenset({"industry", "company_size", "amount", "currency"})
FORM_FIELDS = {
    f.name: dataclasses.replace(f, required=False) if f.name in LEFT_FOR_THE_REPORT else f
    for f in NEW_DEAL.fields
}
PEOPLE_FIELDS = {
    "external_id": Field("external_id", Kind.TEXT, max_length=MAX_EXTERNAL_ID),
    "owner": Field("owner", Kind.TEXT, required=False, max_length=64),
    "team": Field("team", Kind.TEXT, required=False, max_length=100),
}
FIELDS = {"external_id": PEOPLE_FIELDS["external_id"], **FORM_FIELDS, **PEOPLE_FIELDS}
ENUMS: dict[str, tuple[str, type[StrEnum]]] = {
    "industry": ("industry", Industry),
    "company_size": ("size", CompanySize),
}


def _words(group: str, values: type[StrEnum]) -> dict[str, str]:
    """Every key and every label in every language we speak, folded → the key."""
    words: dict[str, str] = {}
    for locale in locales.SUPPORTED:
        reader = Translator(locale)
        for value in values:
            words[_folded(reader.choice(group, value.value))] = value.value
            words[_folded(value.value)] = value.value
    return words


def _folded(text: str) -> str:
    return search_key(text).replace("\u2013", "-").replace("\u2014", "-")


WORDS = {name: _words(group, values) for name, (group, values) in ENUMS.items()}


def _raw(name: str, value: object) -> str | None:
    """A JSON value as the form's text; Invalid when it is not one this field takes."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if name == "amount" and isinstance(value, int | Decimal) and not isinstance(value, bool):
        return format(Decimal(value), "f")
    raise Invalid("error-intake-not-text", field=name)


def read_lead(body: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, DomainError]]:
    """The body's fields parsed by the form's rules; what is wrong, keyed by field."""
    context = FormContext(ENGLISH)
    values: dict[str, Any] = {}
    errors: dict[str, DomainError] = {}
    for name in body:
        if name not in FIELDS:
            errors[name] = Invalid("error-intake-unknown-field", name=name, known=", ".join(FIELDS))
    for name, field in FIELDS.items():
        try:
            text = _raw(name, body.get(name))
            if name in WORDS and text and text.strip():
                text = WORDS[name].get(_folded(text), text)
            values[name] = field.parse(text, context)
        except Invalid as error:
            errors[name] = error
    if "amount" not in errors and "currency" not in errors and NEW_DEAL.check is not None:
        try:
            NEW_DEAL.check(values)
        except Invalid as error:
            errors[str(error.args_for_message.get("field", "amount"))] = error
    return values, errors


def _unprocessable(errors: Mapping[str, DomainError]) -> ApiAnswer:
    return ApiAnswer(422, {"errors": {k: ENGLISH.error(e) for k, e in errors.items()}})


def state_json(state: DealState) -> dict[str, Any]:
    """A deal as another system reads it back: never the lost reason."""
    card = state.card
    return {
        "ref": card.ref,
        "status": card.status,
        "external_id": state.external_id,
        "title": card.title,
        "customer": card.customer,
        "customer_ref": card.customer_ref,
        "team": card.team,
        "owner": card.owner_handle,
        "industry": card.industry,
        "company_size": card.company_size,
        "amount": str(card.money.amount) if card.money else None,
        "currency": card.money.currency if card.money else None,
        "expected_close": card.expected_close.isoformat() if card.expected_close else None,
        "opened_at": card.opened_at.isoformat(),
        "closed_at": card.closed_at.isoformat() if card.closed_at else None,
    }


class Intake:
    def __init__(self, desk: DealDesk) -> None:
        self.desk = desk

    async def post_deal(self, call: ApiCall) -> ApiAnswer:
        body = call.body if isinstance(call.body, dict) else {}
        values, errors = read_lead(body)
        if "owner" not in errors and "team" not in errors:
            problems = await Router.call(self.desk.lead_problems, values["owner"], values["team"])
            errors.update(problems)
        if errors:
            return _unprocessable(errors)
        lead = LeadDraft(
            external_id=values["external_id"],
            customer=values["customer"],
            title=values["title"],
            owner=values["owner"],
            team=values["team"],
            industry=Industry(values["industry"]) if values["industry"] else None,
            company_size=CompanySize(values["company_size"]) if values["company_size"] else None,
            amount=values["amount"],
            currency=values["currency"],
            expected_close=values["expected_close"],
            source=values["source"],
            notes=values["notes"],
        )
        try:
            receipt = await Router.call(self.desk.intake, lead)
        except DomainError as error:
            field = str(error.args_for_message.get("field", "external_id"))
            return _unprocessable({field: error})
        return ApiAnswer(
            201 if receipt.created else 200, {"ref": receipt.ref, "status": receipt.status}
        )

    async def get_deal(self, call: ApiCall) -> ApiAnswer:
        try:
            state = await Router.call(self.desk.deal_state, call.path.get("ref", ""))
        except DomainError as error:
            return ApiAnswer(404, {"error": ENGLISH.error(error)})
        return ApiAnswer(200, state_json(state))


def _schema_ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(name: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": _schema_ref(name)}},
    }


TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": "string", "nullable": True}
SCHEMAS: dict[str, dict[str, Any]] = {
    "Lead": {
        "type": "object",
        "additionalProperties": False,
        "required": ["external_id", "customer", "title"],
        "description": "A deal started from another system. Give `owner` (a member handle) "
        "or `team` (its leader assigns it).",
        "properties": {
            "external_id": {**TEXT, "maxLength": MAX_EXTERNAL_ID},
            "customer": {**TEXT, "description": "a name (made if new) or a reference, C-7"},
            "title": TEXT,
            "owner": {**TEXT, "description": "a member handle"},
            "team": {**TEXT, "description": "a team name"},
            "industry": {
                **TEXT,
                "enum": [i.value for i in Industry],
                "description": "a key, or its label in en, ja, zh or ru",
            },
            "company_size": {
                **TEXT,
                "enum": [s.value for s in CompanySize],
                "description": "a key, or its label in en, ja, zh or ru",
            },
            "amount": {
                "oneOf": [TEXT, {"type": "number"}],
                "description": "more than 0, at most 999999999999.99",
            },
            "currency": {**TEXT, "pattern": "^[A-Z]{3}$"},
            "expected_close": {**TEXT, "format": "date"},
            "source": TEXT,
            "notes": TEXT,
        },
    },
    "LeadTaken": {
        "type": "object",
        "required": ["ref", "status"],
        "properties": {"ref": {**TEXT, "example": "D-12"}, "status": {**TEXT, "example": "lead"}},
    },
    "Errors": {
        "type": "object",
        "properties": {"errors": {"type": "object", "additionalProperties": TEXT}},
    },
    "Problem": {"type": "object", "properties": {"error": TEXT}},
    "DealState": {
        "type": "object",
        "properties": {
            "ref": TEXT,
            "status": {**TEXT, "enum": ["lead", "open", "negotiation", "won", "lost"]},
            "external_id": NULLABLE_TEXT,
            "title": TEXT,
            "customer": TEXT,
            "customer_ref": TEXT,
            "team": TEXT,
            "owner": NULLABLE_TEXT,
            "industry": NULLABLE_TEXT,
            "company_size": NULLABLE_TEXT,
            "amount": NULLABLE_TEXT,
            "currency": NULLABLE_TEXT,
            "expected_close": {**NULLABLE_TEXT, "format": "date"},
            "opened_at": {**TEXT, "format": "date-time"},
            "closed_at": {**NULLABLE_TEXT, "format": "date-time"},
        },
    },
}
UNAUTHORISED = _json("Problem", "no token, or a wrong one")
POST_DEAL = {
    "summary": "Start a deal from another system",
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": _schema_ref("Lead")}},
    },
    "responses": {
        "201": _json("LeadTaken", "the lead was made"),
        "200": _json("LeadTaken", "this external_id was taken before: nothing changed"),
        "400": _json("Problem", "the body is not a JSON object"),
        "401": UNAUTHORISED,
        "413": _json("Problem", "the body is over 65,536 bytes"),
        "422": _json("Errors", "fields that are wrong, each with why"),
    },
}
GET_DEAL = {
    "summary": "A deal's state",
    "parameters": [
        {"name": "ref", "in": "path", "required": True, "schema": {**TEXT, "example": "D-12"}}
    ],
    "responses": {
        "200": _json("DealState", "the deal"),
        "401": UNAUTHORISED,
        "404": _json("Problem", "no such deal"),
    },
}


def register(registry: Registry, desk: DealDesk) -> None:
    intake = Intake(desk)
    registry.api(
        "POST",
        "/api/deals",
        intake.post_deal,
        operation=POST_DEAL,
        takes_body=True,
        schemas=SCHEMAS,
    )
    registry.api("GET", "/api/deals/{ref}", intake.get_deal, operation=GET_DEAL)
