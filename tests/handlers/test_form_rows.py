"""Fields repeated per item, declared once: every row a form may have, each after the first
asked only when wanted; drawn as a Slack modal of the rows it shows, with "Add item"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from dealbot.handlers.core.forms import Choice, FormContext
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.outcomes import FormRequest
from dealbot.handlers.selling.forms import LINES, QUOTE
from dealbot.handlers.slack.modals import (
    ADD_ROW_ACTION,
    ModalState,
    modal_view,
    submitted_answers,
)
from dealbot.handlers.telegram.app import own_commands
from support.standins.slack_api import validate_view

CONTEXT = FormContext(Translator("en"))
ROW_FIELDS = ["product", "quantity", "unit_price", "discount"]


def test_the_form_holds_every_row_with_a_question_after_each_but_the_last() -> None:
    names = [f.name for f in QUOTE.fields]

    assert names[:6] == [
        "deal",
        "product.1",
        "quantity.1",
        "unit_price.1",
        "discount.1",
        "lines-more.1",
    ]
    assert names[-6:] == [*(f"{n}.10" for n in ROW_FIELDS), "valid_until"][-6:]
    assert "lines-more.10" not in names and len(names) == 2 + 10 * 4 + 9
    second = QUOTE.field("product.2")
    assert not second.applies({"lines-more.1": "no"}) and second.applies({"lines-more.1": "yes"})
    assert not QUOTE.field("product.3").applies({"lines-more.1": "no", "lines-more.2": "yes"})
    t = Translator("en")
    assert second.label(t) == "Item 2 · Product"
    assert QUOTE.field("lines-more.2").label(t) == "Add another item?"
    assert Translator("ja").field_label("unit_price.3") == "単価"


def test_validated_rows_come_as_one_mapping_each() -> None:
    raw = {
        "product.1": "PUMP-50",
        "quantity.1": "3",
        "discount.1": "12.5 %",
        "lines-more.1": "yes",
        "product.2": "VALVE-8",
        "quantity.2": "７",  # full width, as typed on a Japanese keyboard
        "lines-more.2": "no",
        "product.3": "ignored: row 3 was not wanted",
        "valid_until": "2026-12-31",
    }
    context = FormContext(Translator("en"), choices={
        "product.1": (_choice("PUMP-50"),), "product.2": (_choice("VALVE-8"),),
    })  # fmt: skip

    values, errors = QUOTE.validate(raw, {"deal": "D-1"}, context)

    assert errors == {}
    assert values["lines"] == [
        {"product": "PUMP-50", "quantity": 3, "unit_price": None, "discount": Decimal("12.5")},
        {"product": "VALVE-8", "quantity": 7, "unit_price": None, "discount": None},
    ]
    assert values["product.3"] is None and values["valid_until"] == date(2026, 12, 31)


def _choice(sku: str) -> Choice:
    return Choice(sku, f"{sku} · a product")


@pytest.mark.parametrize(
    ("field", "raw", "said"),
    [
        ("quantity.1", "0", "The number must be from 1 to 999,999,999."),
        ("quantity.2", "2.5", "“2.5” is not a whole number such as 3."),
        ("discount.1", "-1", "“-1” is not a percentage from 0 to 100"),
        ("discount.1", "10.125", "“10.125” is not a percentage from 0 to 100"),
    ],
)
def test_a_bad_answer_in_a_row_is_refused_at_that_row(field: str, raw: str, said: str) -> None:
    with pytest.raises(Exception) as refused:
        QUOTE.field(field).parse(raw, CONTEXT)
    from dealbot.domain.core.errors import Invalid

    assert isinstance(refused.value, Invalid)
    assert said in CONTEXT.translator.error(refused.value)


def _view(rows: int, **defaults: str) -> dict[str, Any]:
    request = FormRequest(QUOTE, fixed={"deal": "D-1"}, title_args={"deal": "D-1"})
    state = ModalState(request, None, rows)
    return modal_view(state, FormContext(Translator("en"), defaults=defaults))


def test_a_modal_shows_its_rows_and_add_item_until_there_are_ten() -> None:
    one, ten = _view(1), _view(10)

    for view in (one, ten):
        validate_view(view, kind="modal")
    ids = [b["block_id"] for b in one["blocks"]]
    assert ids == [
        "product.1",
        "quantity.1",
        "unit_price.1",
        "discount.1",
        ADD_ROW_ACTION,
        "valid_until",
    ]
    ten_ids = [b["block_id"] for b in ten["blocks"]]
    assert ADD_ROW_ACTION not in ten_ids and "discount.10" in ten_ids
    add = next(b for b in one["blocks"] if b["block_id"] == ADD_ROW_ACTION)
    assert add["elements"][0]["text"]["text"] == "Add item"


def test_a_modal_carries_its_rows_and_refuses_a_tampered_count() -> None:
    request = FormRequest(QUOTE, fixed={"deal": "D-1"})
    state = ModalState(request, "C1", 3)
    forms = {QUOTE.id: QUOTE}

    assert ModalState.decode(state.encode(), forms).rows == 3
    assert ModalState.decode(state.grown().grown().encode(), forms).rows == 5
    for rows in (0, 11, "3"):
        tampered = state.encode().replace(
            '"rows":3', f'"rows":{rows}' if rows != "3" else '"rows":"3"'
        )
        with pytest.raises(ValueError):
            ModalState.decode(tampered, forms)
    assert submitted_answers(state, {"state": {"values": {}}}) == {
        "lines-more.1": "yes",
        "lines-more.2": "yes",
        "lines-more.3": "no",
    }
    assert ModalState.opening(FormRequest(QUOTE, defaults=LINES.answers_for(4)), None).rows == 4


def test_telegram_takes_only_command_names_it_can_hold() -> None:
    assert own_commands(["quote", "quote-sent", "quote-accepted", "ship", "x" * 33]) == [
        "quote",
        "ship",
    ]
