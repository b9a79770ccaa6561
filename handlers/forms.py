"""Forms declared once, with their validation; each front end draws them its own way."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from babel.numbers import is_currency

from dealbot.domain.errors import DomainError, Invalid
from dealbot.domain.money import Money
from dealbot.handlers.i18n import Translator


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    AMOUNT = "amount"
    CURRENCY = "currency"
    DATE = "date"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class FormContext:
    """What a form may draw on while it is filled in: the person and their lists."""

    translator: Translator
    team_currency: str = "USD"
    customers: tuple[str, ...] = ()
    deals: tuple[Choice, ...] = ()


ChoiceSource = Callable[[FormContext], list[Choice]]


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = True
    max_length: int | None = None
    choices: ChoiceSource | None = None
    # A choice field that also takes a new value typed in (the customer: pick one or type a name).
    open_choice: bool = False
    ask_if: Callable[[Mapping[str, Any]], bool] | None = None
    default: Callable[[FormContext], str | None] | None = None

    def label(self, t: Translator) -> str:
        return t.field_label(self.name)

    def hint(self, t: Translator) -> str | None:
        key = f"hint-{self.name.replace('_', '-')}"
        return t(key) if t.has(key) else None

    def options(self, context: FormContext) -> list[Choice]:
        return self.choices(context) if self.choices else []

    def applies(self, values: Mapping[str, Any]) -> bool:
        return self.ask_if is None or self.ask_if(values)

    def parse(self, raw: str | None, context: FormContext) -> Any:
        """The value typed or chosen, or raises Invalid naming what is wrong."""
        text = (raw or "").strip()
        if not text:
            if self.required:
                raise Invalid("error-required", field=self.name)
            return None
        if self.max_length is not None and len(text) > self.max_length:
            raise Invalid(
                "error-too-long", field=self.name, limit=self.max_length, length=len(text)
            )
        return PARSERS[self.kind](self, text, context)


def _text(field: Field, text: str, context: FormContext) -> str:
    return text


def _choice(field: Field, text: str, context: FormContext) -> str:
    options = field.options(context)
    folded = text.casefold()
    for option in options:
        if folded in (option.value.casefold(), option.label.casefold()):
            return option.value
    if field.open_choice:
        return text
    raise Invalid(
        "error-choice", field=field.name, value=text, choices=", ".join(o.label for o in options)
    )


_AMOUNT = re.compile(r"^[+-]?(\d{1,3}([ ,\u00a0\u202f]\d{3})+|\d+)(\.\d+)?$")


def _amount(field: Field, text: str, context: FormContext) -> Decimal:
    compact = text.replace("\u00a0", " ")
    if not _AMOUNT.match(compact):
        raise Invalid("error-amount-not-number", value=text)
    try:
        amount = Decimal(re.sub(r"[ ,\u202f]", "", compact))
    except InvalidOperation:
        raise Invalid("error-amount-not-number", value=text) from None
    if amount <= 0:
        raise Invalid("error-amount-not-positive")
    return amount


def _currency(field: Field, text: str, context: FormContext) -> str:
    code = text.upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or not is_currency(code):
        raise Invalid("error-currency-unknown", currency=text)
    return code


def _date(field: Field, text: str, context: FormContext) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise Invalid("error-date-format", value=text)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid("error-date-invalid", value=text) from None


PARSERS: dict[Kind, Callable[[Field, str, FormContext], Any]] = {
    Kind.TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.CHOICE: _choice,
    Kind.AMOUNT: _amount,
    Kind.CURRENCY: _currency,
    Kind.DATE: _date,
}

FormCheck = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Form:
    id: str
    fields: tuple[Field, ...]
    # Checks across fields; raises Invalid with `field=` naming where the error shows.
    check: FormCheck | None = None
    submit_key: str = "form-submit"
    title_key: str = field(default="")

    def title(self, t: Translator, **args: Any) -> str:
        return t(self.title_key or f"form-{self.id}-title", **args)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def visible_fields(self, fixed: Mapping[str, Any]) -> list[Field]:
        return [f for f in self.fields if f.name not in fixed]

    def validate(
        self, raw: Mapping[str, str | None], fixed: Mapping[str, Any], context: FormContext
    ) -> tuple[dict[str, Any], dict[str, DomainError]]:
        """Parse every answer; errors are keyed by field and nothing typed is thrown away."""
        values: dict[str, Any] = dict(fixed)
        errors: dict[str, DomainError] = {}
        for f in self.fields:
            if f.name in fixed:
                continue
            if not f.applies(values):
                values[f.name] = None
                continue
            try:
                values[f.name] = f.parse(raw.get(f.name), context)
            except Invalid as error:
                errors[f.name] = error
        if not errors and self.check is not None:
            try:
                self.check(values)
            except Invalid as error:
                errors[str(error.args_for_message.get("field", self.fields[0].name))] = error
        return values, errors


def enum_choices(group: str, values: list[str]) -> ChoiceSource:
    def source(context: FormContext) -> list[Choice]:
        return [Choice(v, context.translator.choice(group, v)) for v in values]

    return source


def money_check(values: dict[str, Any]) -> None:
    """Amount and currency together: no more decimals than the currency has."""
    if values.get("amount") is None or values.get("currency") is None:
        return
    try:
        Money.of(values["amount"], values["currency"])
    except Invalid as error:
        raise Invalid(error.key, field="amount", **error.args_for_message) from None
