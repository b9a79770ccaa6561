"""Forms declared once, with their validation; each front end draws them its own way."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from babel.numbers import is_currency

from dealbot.domain.core.errors import DomainError, Invalid
from dealbot.domain.core.money import MAX_AMOUNT, Money
from dealbot.domain.core.refs import format_ref, parse_ref
from dealbot.domain.core.text import cleaned
from dealbot.handlers.core.amounts import parse_amount
from dealbot.handlers.core.i18n import Translator


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    AMOUNT = "amount"
    CURRENCY = "currency"
    DATE = "date"
    # A whole number of things, one or more (a quantity).
    COUNT = "count"
    # A percentage from 0 to 100 with at most two decimals (a discount).
    PERCENT = "percent"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class FormContext:
    """What a form may draw on while it is filled in: the reader, the lists, the defaults."""

    translator: Translator
    choices: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)

    def options(self, name: str) -> tuple[Choice, ...]:
        return self.choices.get(name, ())


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = True
    max_length: int | None = None
    # The registered data source that lists the choices (see Registry.source).
    source: str | None = None
    # Choices offered as a person types (thousands of customers): asked with what was typed.
    typeahead: bool = False
    # A choice field that also takes a new value typed in (a customer's name), never a bare
    # number: that would be a list number out of range, not a name.
    open_choice: bool = False
    # A text that names something (a customer), so never a bare number: in every list of
    # names a number is the list's own numbering.
    a_name: bool = False
    # A choice field that also takes a reference with this letter (`D-12` for a deal).
    ref_letter: str | None = None
    # Fixed choices, as (value, catalog group) for enumerations.
    enum: tuple[str, tuple[str, ...]] | None = None
    ask_if: Callable[[Mapping[str, Any]], bool] | None = None
    # The item a field of repeated rows belongs to (`product.2` is row 2's product), and
    # whether it is the question that asks for another row.
    row: int | None = None
    asks_more: bool = False
    # The catalog message that labels it, when its name does not (`form-more-rows`).
    label_key: str | None = None

    @property
    def base_name(self) -> str:
        """The name without its row: `unit_price` for `unit_price.2`."""
        return row_base(self.name)

    def label(self, t: Translator) -> str:
        label = t(self.label_key) if self.label_key else t.field_label(self.base_name)
        # "Add another item?" is asked of the whole list, not of the row before it.
        return t("form-row-label", row=self.row, label=label) if self.numbered else label

    @property
    def numbered(self) -> bool:
        return self.row is not None and not self.asks_more

    def hint(self, t: Translator) -> str | None:
        key = f"hint-{self.base_name.replace('_', '-')}"
        return t(key) if t.has(key) and not self.asks_more else None

    def options(self, context: FormContext) -> tuple[Choice, ...]:
        if self.enum is not None:
            group, values = self.enum
            return tuple(Choice(v, context.translator.choice(group, v)) for v in values)
        return context.options(self.name)

    def applies(self, values: Mapping[str, Any]) -> bool:
        return self.ask_if is None or self.ask_if(values)

    def parse(self, raw: str | None, context: FormContext) -> Any:
        """The value typed or chosen, or raises Invalid naming what is wrong."""
        text = cleaned(raw or "").strip()
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
    if field.a_name and unicodedata.normalize("NFKC", text).isdigit():
        raise Invalid("error-name-only-number", field=field.name, value=text)
    return text


def pick(options: tuple[Choice, ...], text: str) -> Choice | None:
    """The option a person meant: its list number, its value or its label, in any case."""
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    if folded.isdigit() and options:
        number = int(folded)
        return options[number - 1] if 0 < number <= len(options) else None
    for option in options:
        if folded in (option.value.casefold(), option.label.casefold()):
            return option
    return None


def _choice(field: Field, text: str, context: FormContext) -> str:
    options = field.options(context)
    chosen = pick(options, text)
    if chosen is not None:
        return chosen.value
    folded = unicodedata.normalize("NFKC", text).strip()
    if folded.isdigit():
        if options:
            raise Invalid("error-choice-range", field=field.name, value=text, last=len(options))
        if field.open_choice:
            raise Invalid("error-name-is-number", field=field.name, value=text)
        if field.ref_letter is not None:  # never read as a reference: say how to type one
            ref = format_ref(field.ref_letter, int(folded))
            raise Invalid("error-ref-bare-number", field=field.name, value=folded, ref=ref)
    if field.ref_letter is not None:
        number = parse_ref(text, field.ref_letter)
        if number is not None:
            return format_ref(field.ref_letter, number)
    if field.open_choice:
        return text
    if field.ref_letter is not None:
        raise Invalid(f"error-{field.name}-unknown", field=field.name, ref=text)
    raise Invalid(
        "error-choice",
        field=field.name,
        value=text,
        choices=context.translator.listing([o.label for o in options], "or"),
    )


def _amount(field: Field, text: str, context: FormContext) -> Decimal:
    amount = parse_amount(text, context.translator.babel)
    if amount <= 0:
        raise Invalid("error-amount-not-positive")
    if amount > MAX_AMOUNT:  # said at once, not after the whole form
        raise Invalid("error-amount-too-large", limit=MAX_AMOUNT)
    return amount


def _currency(field: Field, text: str, context: FormContext) -> str:
    code = unicodedata.normalize("NFKC", text).upper()
    if not re.fullmatch(r"[A-Z]{3}", code) or not is_currency(code):
        raise Invalid("error-currency-unknown", currency=text)
    return code


def _date(field: Field, text: str, context: FormContext) -> date:
    compact = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", compact):
        raise Invalid("error-date-format", value=text)
    try:
        return date.fromisoformat(compact)
    except ValueError:
        raise Invalid("error-date-invalid", value=text) from None


# Quantities fit the store's integer columns, with room for sums.
MAX_COUNT = 999_999_999


def _count(field: Field, text: str, context: FormContext) -> int:
    compact = unicodedata.normalize("NFKC", text).strip()
    if not compact.isascii() or not compact.isdigit():
        raise Invalid("error-count-not-number", value=text)
    number = int(compact)
    if not 0 < number <= MAX_COUNT:
        raise Invalid("error-count-range", value=text, limit=MAX_COUNT)
    return number


def _percent(field: Field, text: str, context: FormContext) -> Decimal:
    compact = unicodedata.normalize("NFKC", text).strip().removesuffix("%").strip()
    try:
        value = parse_amount(compact, context.translator.babel)
    except Invalid:
        raise Invalid("error-percent", value=text) from None
    exponent = value.normalize().as_tuple().exponent
    if not Decimal(0) <= value <= Decimal(100) or (isinstance(exponent, int) and exponent < -2):
        raise Invalid("error-percent", value=text)
    return value


PARSERS: dict[Kind, Callable[[Field, str, FormContext], Any]] = {
    Kind.TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.CHOICE: _choice,
    Kind.AMOUNT: _amount,
    Kind.CURRENCY: _currency,
    Kind.DATE: _date,
    Kind.COUNT: _count,
    Kind.PERCENT: _percent,
}


def row_base(name: str) -> str:
    return name.split(".", 1)[0]


def row_name(name: str, row: int) -> str:
    return f"{name}.{row}"


YES, NO = "yes", "no"


@dataclass(frozen=True)
class Rows:
    """Fields asked again for each item of a list (a quote's lines): one row, then as many
    more as the person adds, up to `most`.

    A form declares them once; its fields then hold every possible row (`product.1` …
    `product.10`), each row after the first asked only when the question after the one before
    it (`more_key`, "Add another item?") was answered yes. The walk asks that question; Slack
    draws the rows the modal shows with an "Add item" button (`add_key`) instead. Validated
    values hold the rows under `name`, one mapping of field names each.
    """

    name: str
    fields: tuple[Field, ...]
    most: int
    more_key: str
    add_key: str
    # The top-level field the rows follow; None puts them first.
    after: str | None = None

    def more(self, row: int) -> str:
        return row_name(f"{self.name}-more", row)

    def applies(self, row: int) -> Callable[[Mapping[str, Any]], bool]:
        """Row `row` is asked when every row before it was followed by a yes."""
        wanted = [self.more(r) for r in range(1, row)]
        return lambda values: all(values.get(name) == YES for name in wanted)

    def expanded(self) -> tuple[Field, ...]:
        fields: list[Field] = []
        for row in range(1, self.most + 1):
            asked = self.applies(row)
            for f in self.fields:
                own = f.ask_if

                def applies(
                    values: Mapping[str, Any],
                    asked: Callable[[Mapping[str, Any]], bool] = asked,
                    own: Callable[[Mapping[str, Any]], bool] | None = own,
                ) -> bool:
                    return asked(values) and (own is None or own(values))

                fields.append(replace(f, name=row_name(f.name, row), row=row, ask_if=applies))
            if row < self.most:
                fields.append(
                    Field(
                        self.more(row),
                        Kind.CHOICE,
                        enum=("answer", (YES, NO)),
                        ask_if=asked,
                        row=row,
                        asks_more=True,
                        label_key=self.more_key,
                    )
                )
        return tuple(fields)

    def shown(self, answers: Mapping[str, Any]) -> int:
        """How many rows `answers` hold: one, and one more for each yes in a row."""
        count = 1
        while count < self.most and answers.get(self.more(count)) == YES:
            count += 1
        return count

    def answers_for(self, count: int) -> dict[str, str]:
        """The questions after each row as a form showing `count` rows at once answers them."""
        return {self.more(r): YES if r < count else NO for r in range(1, self.most) if r <= count}

    def collect(self, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [
            {f.name: values.get(row_name(f.name, r)) for f in self.fields}
            for r in range(1, self.most + 1)
            if self.applies(r)(values)
        ]


FormCheck = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Form:
    id: str
    fields: tuple[Field, ...]
    # Checks across fields; raises Invalid with `field=` naming where the error shows.
    check: FormCheck | None = None
    submit_key: str = "form-submit"
    title_key: str = ""
    # Fields repeated per item; spliced into `fields` once, as every row they may have.
    rows: Rows | None = None

    def __post_init__(self) -> None:
        if self.rows is None:
            return
        top = [f for f in self.fields if f.row is None]
        at = 0 if self.rows.after is None else 1 + [f.name for f in top].index(self.rows.after)
        spliced = (*top[:at], *self.rows.expanded(), *top[at:])
        object.__setattr__(self, "fields", spliced)

    def title(self, t: Translator, **args: Any) -> str:
        return t(self.title_key or f"form-{self.id}-title", **args)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def has_field(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)

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
        if self.rows is not None:
            values[self.rows.name] = self.rows.collect(values)
        if not errors and self.check is not None:
            try:
                self.check(values)
            except Invalid as error:
                errors[str(error.args_for_message.get("field", self.fields[0].name))] = error
        return values, errors


def money_check(values: dict[str, Any]) -> None:
    """Amount and currency together: no more decimals than the currency has, not too large."""
    if values.get("amount") is None or values.get("currency") is None:
        return
    try:
        Money.of(values["amount"], values["currency"])
    except Invalid as error:
        raise Invalid(error.key, **{**error.args_for_message, "field": "amount"}) from None
