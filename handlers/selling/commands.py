"""Selling's commands, buttons, submitters, checks, defaults and viewers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from dealbot.domain.core.errors import DomainError, Invalid
from dealbot.domain.core.refs import format_ref, parse_id
from dealbot.domain.deals.use_cases import team_today
from dealbot.domain.selling.desk import SellingDesk
from dealbot.domain.selling.payments import PaymentDraft
from dealbot.domain.selling.plans import PlanDraft
from dealbot.domain.selling.quotes import LineDraft, QuoteDraft
from dealbot.domain.selling.views import RevisionView
from dealbot.handlers.core.amounts import parse_amount, typed_amount
from dealbot.handlers.core.forms import row_name
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router, error_reply
from dealbot.handlers.core.ui import Button, Message, Reply
from dealbot.handlers.selling import messages
from dealbot.handlers.selling.forms import LINES, PAYMENT, PLAN, QUOTE, REVISION

# How long a new quote is valid unless the form says otherwise.
VALID_FOR = timedelta(days=30)
_PLAN_LINE = re.compile(r"(\d{4}-\d{2}-\d{2})\s+(.+)")


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class SellingCommands:
    def __init__(self, desk: SellingDesk) -> None:
        self.desk = desk

    def _today(self, ask: Ask) -> date:
        return team_today(ask.person.timezone, self.desk.clock.now())

    # quotes
    async def quote(self, ask: Ask, args: list[str]) -> Outcome:
        """`/deal quote D-12`: the quote form for that deal (without one, the form asks)."""
        defaults = {"valid_until": (self._today(ask) + VALID_FOR).isoformat()}
        if not args:  # the form asks which deal; its title says no deal yet
            return FormRequest(QUOTE, defaults=defaults, title_args={"deal": "none"})
        deal = await Router.call(self.desk.quotable, ask.person.id, args[0])
        return FormRequest(
            QUOTE, fixed={"deal": deal.ref}, defaults=defaults, title_args={"deal": deal.ref}
        )

    async def new_quote_button(self, ask: Ask, value: str) -> Outcome:
        """ "New quote" on a deal: who may quote for it is checked here, whoever saw it."""
        return await self.quote(ask, [format_ref("D", parse_id(value))])

    async def new_quote_buttons(self, ask: Ask, ref: str) -> list[Button]:
        """The "New quote" button on `/deal show D-12`, for those who may quote for it."""
        if not await Router.call(self.desk.may_quote, ask.person.id, ref):
            return []
        deal = await Router.call(self.desk.quotable, ask.person.id, ref)
        return [messages.new_quote_button(ask.t, int(deal.ref.removeprefix("D-")))]

    async def revise(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-quote", command="revise"))
        deal, revision = await Router.call(self.desk.to_revise, ask.person.id, args[0])
        quote = revision.ref.split(" ", 1)[0]
        return FormRequest(
            REVISION,
            fixed={"deal": deal.ref},
            context={"quote": quote},
            defaults=revision_defaults(ask, revision),
            title_args={"quote": quote, "number": str(revision.number + 1), "deal": deal.ref},
        )

    async def submit_quote(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        draft = quote_draft(values)
        receipt = await Router.call(self.desk.draft_quote, ask.person.id, values["deal"], draft)
        return self._asked(ask, "quote-made-reply", receipt.ref, receipt.deal, receipt.amount)

    async def submit_revision(
        self, ask: Ask, request: FormRequest, values: dict[str, Any]
    ) -> Reply:
        quote = request.context.get("quote", "")
        receipt = await Router.call(self.desk.revise, ask.person.id, quote, quote_draft(values))
        return self._asked(ask, "quote-made-reply", receipt.ref, receipt.deal, receipt.amount)

    async def quote_sent(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-quote", command="quote-sent"))
        receipt = await Router.call(self.desk.mark_sent, ask.person.id, args[0])
        return Reply.of(Message(title=ask.t("quote-sent-reply", ref=receipt.ref)))

    async def quote_accepted(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-quote", command="quote-accepted"))
        receipt = await Router.call(self.desk.mark_accepted, ask.person.id, args[0])
        quote = receipt.ref.split(" ", 1)[0]
        return Reply.of(Message(title=ask.t("quote-accepted-reply", ref=receipt.ref, quote=quote)))

    # orders
    async def order(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-quote", command="order"))
        receipt = await Router.call(self.desk.make_order, ask.person.id, args[0])
        return self._asked(ask, "order-made-reply", receipt.ref, receipt.deal, receipt.amount)

    async def plan(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-order", command="plan"))
        order = await Router.call(self.desk.plannable, ask.person.id, args[0])
        total = ask.t.money(order.amount) if order.amount else ""
        return FormRequest(
            PLAN, context={"order": order.ref}, title_args={"ref": order.ref, "total": total}
        )

    async def submit_plan(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        draft = plan_draft(ask, values)
        order = request.context.get("order", "")
        receipt = await Router.call(self.desk.set_plan, ask.person.id, order, draft)
        details = await Router.call(self.desk.show_order, ask.person.id, receipt.ref)
        title = ask.t("plan-set-reply", ref=receipt.ref, count=len(details.installments))
        return Reply.of(Message(title=title, lines=messages.plan_lines(ask.t, details)))

    async def payment(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-order", command="payment"))
        order = await Router.call(self.desk.payable, ask.person.id, args[0])
        left = ask.t.money(order.amount) if order.amount else ""
        return FormRequest(
            PAYMENT,
            context={"order": order.ref},
            defaults={"received_on": self._today(ask).isoformat()},
            title_args={"ref": order.ref, "left": left},
        )

    async def submit_payment(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        draft = PaymentDraft(values["amount_received"], values["received_on"], values.get("notes"))
        order = request.context.get("order", "")
        receipt = await Router.call(self.desk.record_payment, ask.person.id, order, draft)
        return self._asked(ask, "payment-made-reply", receipt.ref, receipt.deal, receipt.amount)

    async def ship(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-order", command="ship"))
        receipt = await Router.call(self.desk.request_shipment, ask.person.id, args[0])
        return Reply.of(Message(title=ask.t("shipment-asked-reply", ref=receipt.ref)))

    async def invoiced(self, ask: Ask, args: list[str]) -> Outcome:
        if not args:
            return error_reply(ask.t, ask.t("error-needs-order", command="invoiced"))
        receipt = await Router.call(self.desk.mark_invoiced, ask.person.id, args[0])
        return Reply.of(Message(title=ask.t("invoiced-reply", ref=receipt.ref)))

    @staticmethod
    def _asked(ask: Ask, key: str, ref: str, deal: str, amount: Any) -> Reply:
        shown = ask.t.money(amount) if amount is not None else ""
        return Reply.of(Message(title=ask.t(key, ref=ref, deal=deal, amount=shown)))

    # what `/deal show Q-3` and `/deal show O-4` show
    async def show_quote(self, ask: Ask, ref: str) -> Outcome:
        quote = await Router.call(self.desk.show_quote, ask.person.id, ref)
        return Reply.of(messages.quote_detail(ask.t, quote))

    async def show_order(self, ask: Ask, ref: str) -> Outcome:
        order = await Router.call(self.desk.show_order, ask.person.id, ref)
        return Reply.of(messages.order_detail(ask.t, order))

    # checks and defaults, as the answers are given
    async def check_deal(self, ask: Ask, value: Any, values: Any) -> None:
        await Router.call(self.desk.quotable, ask.person.id, str(value))

    async def check_valid_until(self, ask: Ask, value: Any, values: Any) -> None:
        if isinstance(value, date):
            await Router.call(self.desk.check_valid_until, ask.person.id, value)

    async def check_received_on(self, ask: Ask, value: Any, values: Any) -> None:
        if isinstance(value, date):
            await Router.call(self.desk.check_received_on, ask.person.id, value)

    async def unit_price(
        self, ask: Ask, request: FormRequest, row: Mapping[str, str]
    ) -> str | None:
        """A line's unit price is its product's, when that is in the deal's currency."""
        deal, sku = request.fixed.get("deal") or row.get("deal"), row.get("product")
        if not deal or not sku:
            return None
        try:
            price = await Router.call(self.desk.own_price, ask.person.id, deal, sku)
        except DomainError:
            return None
        return typed_amount(price.amount, ask.t.babel) if price else None


def quote_draft(values: Mapping[str, Any]) -> QuoteDraft:
    lines = tuple(
        LineDraft(
            sku=str(row["product"]),
            quantity=int(row["quantity"]),
            unit_price=row.get("unit_price"),
            discount=row.get("discount"),
        )
        for row in values[LINES.name]
    )
    return QuoteDraft(lines=lines, valid_until=values["valid_until"])


def revision_defaults(ask: Ask, revision: RevisionView) -> dict[str, str]:
    """A revision's lines as the answers of the form that makes the next one."""
    defaults = {"valid_until": revision.valid_until.isoformat()}
    for row, line in enumerate(revision.lines, 1):
        defaults[row_name("product", row)] = line.sku
        defaults[row_name("quantity", row)] = str(line.quantity)
        defaults[row_name("unit_price", row)] = typed_amount(line.unit_price.amount, ask.t.babel)
        if line.discount:
            defaults[row_name("discount", row)] = typed_amount(line.discount, ask.t.babel)
    defaults.update(LINES.answers_for(len(revision.lines)))
    return defaults


def plan_draft(ask: Ask, values: Mapping[str, Any]) -> PlanDraft:
    """ "Installments": a count (with the first due date), or one `YYYY-MM-DD amount` a line."""
    text = unicodedata.normalize("NFKC", str(values["installments"])).strip()
    if text.isdigit():
        return PlanDraft(count=int(text), first_due=values.get("first_due_date"))
    typed = []
    for number, line in enumerate((raw.strip() for raw in text.splitlines()), 1):
        if not line:
            continue
        match = _PLAN_LINE.fullmatch(line)
        due = _date(match.group(1)) if match else None
        if match is None or due is None:
            raise Invalid("error-plan-line", field="installments", line=number, value=line)
        try:
            amount = parse_amount(match.group(2), ask.t.babel)
        except Invalid:
            raise Invalid(
                "error-plan-line", field="installments", line=number, value=line
            ) from None
        typed.append((due, amount))
    return PlanDraft(typed=tuple(typed))
