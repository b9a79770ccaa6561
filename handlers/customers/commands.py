"""`/customer new|show|edit|search|contract` (on Slack `/deal customer …`), the forms'
submitters and the customer picker's data source."""

from __future__ import annotations

from datetime import date
from typing import Any

from dealbot.domain.core.errors import Invalid
from dealbot.domain.customers.desk import CustomerDesk
from dealbot.domain.customers.enums import Channel
from dealbot.domain.customers.use_cases import ContractDraft, CustomerDraft
from dealbot.domain.customers.views import CustomerCard
from dealbot.domain.deals.enums import CompanySize, Industry
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.outcomes import FormRequest, Outcome
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.customers import messages
from dealbot.handlers.customers.forms import CONTRACT, EDIT_CUSTOMER, NEW_CUSTOMER


def _draft(values: dict[str, Any]) -> CustomerDraft:
    def enum(kind: Any, name: str) -> Any:
        return kind(values[name]) if values.get(name) else None

    return CustomerDraft(
        name=values["name"],
        industry=enum(Industry, "industry"),
        company_size=enum(CompanySize, "company_size"),
        contact_name=values.get("contact_name"),
        contact_position=values.get("contact_position"),
        legal_address=values.get("legal_address"),
        contact_address=values.get("contact_address"),
        owner=values.get("owner"),
        channel=enum(Channel, "channel"),
        channel_address=values.get("channel_address") if values.get("channel") else None,
        founded=values.get("founded"),
        first_contract=values.get("first_contract"),
        contact_birthday=values.get("contact_birthday"),
    )


def card_defaults(card: CustomerCard) -> dict[str, str]:
    """The card as the edit form's answers, so that an unchanged field keeps its value."""
    values: dict[str, str | date | None] = {
        "name": card.name,
        "industry": card.industry,
        "company_size": card.company_size,
        "contact_name": card.contact_name,
        "contact_position": card.contact_position,
        "legal_address": card.legal_address,
        "contact_address": card.contact_address,
        "owner": card.owner_handle,
        "channel": card.channel,
        "channel_address": card.channel_address,
        "founded": card.founded,
        "first_contract": card.first_contract,
        "contact_birthday": card.contact_birthday,
    }
    return {
        k: v.isoformat() if isinstance(v, date) else v for k, v in values.items() if v is not None
    }


class CustomerCommands:
    def __init__(self, desk: CustomerDesk) -> None:
        self.desk = desk

    async def customer(self, ask: Ask, args: list[str]) -> Outcome:
        sub = args[0].lower() if args else ""
        rest = args[1:]
        if sub == "new":
            return FormRequest(NEW_CUSTOMER, defaults={"owner": ask.person.handle})
        if sub == "show" and rest:
            detail = await Router.call(self.desk.show, ask.person.id, " ".join(rest))
            return Reply.of(messages.customer_detail(ask.t, detail))
        if sub == "edit" and rest:
            card = await Router.call(self.desk.card, ask.person.id, " ".join(rest))
            return FormRequest(
                EDIT_CUSTOMER,
                context={"customer": card.ref},
                title_args={"ref": card.ref},
                defaults=card_defaults(card),
            )
        if sub == "search" and rest:
            query = " ".join(rest)
            found = await Router.call(self.desk.search, ask.person.id, query)
            return Reply.of(messages.customer_list(ask.t, query, found))
        if sub == "contract":
            fixed = {}
            if rest:
                card = await Router.call(self.desk.card, ask.person.id, " ".join(rest))
                fixed["customer"] = card.ref
            return FormRequest(CONTRACT, fixed=fixed)
        return Reply.of(Message(title=ask.t("customer-usage"), lines=(ask.t("help-customer"),)))

    # submitters
    async def submit_new(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        card = await Router.call(self.desk.create, ask.person.id, _draft(values))
        return Reply.of(messages.saved(ask.t, "customer-created-reply", card))

    async def submit_edit(self, ask: Ask, request: FormRequest, values: dict[str, Any]) -> Reply:
        ref = request.context.get("customer")
        if not ref:
            raise Invalid("error-customer-unknown", ref="")
        card = await Router.call(self.desk.edit, ask.person.id, ref, _draft(values))
        return Reply.of(messages.saved(ask.t, "customer-edited-reply", card))

    async def submit_contract(
        self, ask: Ask, request: FormRequest, values: dict[str, Any]
    ) -> Reply:
        draft = ContractDraft(
            values["contract_title"], values.get("contract_start"), values.get("contract_end")
        )
        detail = await Router.call(self.desk.add_contract, ask.person.id, values["customer"], draft)
        added = Message(
            title=ask.t(
                "contract-added-reply",
                ref=detail.card.ref,
                name=detail.card.name,
                title=draft.title,
            )
        )
        return Reply.of(added, messages.customer_detail(ask.t, detail))

    # checks, as soon as the answer is given
    async def check_customer(self, ask: Ask, value: Any, values: Any) -> None:
        await Router.call(self.desk.card, ask.person.id, str(value))

    # the picker
    async def matches(self, ask: Ask, query: str | None) -> list[Choice]:
        found = await Router.call(self.desk.matches, ask.person.id, query)
        return [Choice(m.ref, m.name) for m in found]
