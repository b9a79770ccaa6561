"""The forms of selling (PRODUCT.md §3.2, §9), declared once for every front end."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dealbot.domain.products.models import MAX_SKU
from dealbot.domain.selling.models import MAX_NOTES
from dealbot.domain.selling.quotes import MAX_LINES
from dealbot.handlers.core.forms import Field, Form, Kind, Rows
from dealbot.handlers.deals.forms import MY_OPEN_DEALS
from dealbot.handlers.products.commands import PRODUCTS

# A quote's lines: Product, Quantity, Unit price (the product's when left empty), Discount.
LINES = Rows(
    name="lines",
    fields=(
        Field("product", Kind.CHOICE, source=PRODUCTS, typeahead=True, max_length=MAX_SKU + 140),
        Field("quantity", Kind.COUNT, max_length=15),
        Field("unit_price", Kind.AMOUNT, required=False, max_length=30),
        Field("discount", Kind.PERCENT, required=False, max_length=10),
    ),
    most=MAX_LINES,
    more_key="form-more-items",
    add_key="button-add-item",
    after="deal",
)

_QUOTE_FIELDS = (
    Field("deal", Kind.CHOICE, source=MY_OPEN_DEALS, ref_letter="d", max_length=20),
    Field("valid_until", Kind.DATE, max_length=10),
)

# `/deal quote D-12` and the "New quote" button.
QUOTE = Form(id="quote", fields=_QUOTE_FIELDS, rows=LINES, submit_key="button-submit-quote")
# `/deal revise Q-3`: the same form, filled in with the revision it starts from.
REVISION = Form(
    id="quote-revise", fields=_QUOTE_FIELDS, rows=LINES, submit_key="button-submit-quote"
)


def _counted(values: Mapping[str, Any]) -> bool:
    """ "Installments" typed as a number of equal monthly ones: a first due date is asked."""
    return str(values.get("installments") or "").strip().isdigit()


# `/deal plan O-4`: a count of equal monthly installments from a first due date, or one
# installment per line as `YYYY-MM-DD amount`.
PLAN = Form(
    id="plan",
    fields=(
        Field("installments", Kind.LONG_TEXT, max_length=6000),
        Field("first_due_date", Kind.DATE, max_length=10, ask_if=_counted),
    ),
)

# `/deal payment O-4`: money received, for finance to approve.
PAYMENT = Form(
    id="payment",
    fields=(
        Field("amount_received", Kind.AMOUNT, max_length=30),
        Field("received_on", Kind.DATE, max_length=10),
        Field("notes", Kind.LONG_TEXT, required=False, max_length=MAX_NOTES),
    ),
)
