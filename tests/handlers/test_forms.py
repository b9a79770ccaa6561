"""Form validation, declared once: each bad answer gets its own clear reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealbot.domain.core.errors import Invalid
from dealbot.domain.core.money import MAX_AMOUNT, Money
from dealbot.handlers.core.forms import Choice, FormContext
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.deals.forms import NEW_DEAL, PROGRESS

CONTEXT = FormContext(
    Translator("en"), choices={"customer": (Choice("Acme", "Acme"),)}, defaults={"currency": "USD"}
)


def _error(field: str, raw: str) -> str:
    with pytest.raises(Invalid) as refused:
        NEW_DEAL.field(field).parse(raw, CONTEXT)
    return CONTEXT.translator.error(refused.value)


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("customer", "  ", "Customer is required."),
        ("amount", "-5", "The amount must be more than zero."),
        ("amount", "abc", "“abc” is not an amount."),
        ("amount", "1,2,3", "“1,2,3” is not an amount."),
        ("expected_close", "31/02/2026", "is not a date in the form YYYY-MM-DD"),
        ("expected_close", "2026-02-31", "is not a real date"),
        ("currency", "XYZ", "“XYZ” is not a currency code."),
        ("industry", "mining", "“mining” is not a choice for Industry."),
        ("notes", "x" * 5000, "Notes can be at most 3,000 characters; this one has 5,000."),
    ],
)
def test_bad_answers_are_refused_with_a_reason(field: str, raw: str, message: str) -> None:
    assert message in _error(field, raw)


def test_choices_accept_the_value_or_the_label_and_open_choices_take_new_names() -> None:
    assert NEW_DEAL.field("industry").parse("IT and software", CONTEXT) == "software"
    assert NEW_DEAL.field("industry").parse("software", CONTEXT) == "software"
    assert NEW_DEAL.field("customer").parse("acme", CONTEXT) == "Acme"
    assert NEW_DEAL.field("customer").parse("Bolt Bakery", CONTEXT) == "Bolt Bakery"


def test_validation_keeps_every_answer_and_reports_every_problem() -> None:
    raw = {"customer": "Acme", "title": "", "industry": "retail", "amount": "abc"}
    values, errors = NEW_DEAL.validate(raw, {}, CONTEXT)

    assert values["customer"] == "Acme" and values["industry"] == "retail"
    assert set(errors) == {"title", "amount", "company_size", "currency"}


def test_lost_reason_is_asked_only_when_lost_and_then_required() -> None:
    base = {"deal": "D-1", "activity": "visit"}
    _, won = PROGRESS.validate({**base, "status": "won"}, {}, CONTEXT)
    _, lost = PROGRESS.validate({**base, "status": "lost"}, {}, CONTEXT)

    assert won == {}
    assert set(lost) == {"lost_reason"}


@given(st.decimals(min_value=Decimal("0.01"), max_value=MAX_AMOUNT, places=2))
def test_amounts_round_trip_through_minor_units(amount: Decimal) -> None:
    money = Money.of(amount, "USD")
    assert Money.from_minor_units(money.minor_units, "USD") == money


@given(st.integers(min_value=1, max_value=int(MAX_AMOUNT)))
def test_typed_amounts_with_thousands_separators_parse_exactly(units: int) -> None:
    typed = f"{units:,}"
    assert NEW_DEAL.field("amount").parse(typed, CONTEXT) == Decimal(units)
