"""Every message about customers, built once from domain values as neutral `Message`s."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dealbot.domain.customers.views import CustomerCard, CustomerDetail, CustomerMatch
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.ui import Message


def _day(t: Translator, value: date | None) -> str | None:
    return t.date(value) if value else None


def card_fields(t: Translator, card: CustomerCard) -> tuple[tuple[str, str], ...]:
    """The filled-in fields of the card, in the order of the form."""
    contact = card.contact_name
    if contact and card.contact_position:
        contact = f"{contact} ({card.contact_position})"
    channel = t.choice("channel", card.channel) if card.channel else None
    if channel and card.channel_address:
        channel = f"{channel}: {card.channel_address}"
    shown = (
        ("field-industry", t.choice("industry", card.industry) if card.industry else None),
        ("field-company-size", t.choice("size", card.company_size) if card.company_size else None),
        ("field-contact-name", contact),
        ("field-legal-address", card.legal_address),
        ("field-contact-address", card.contact_address),
        ("field-owner", card.owner),
        ("field-channel", channel),
        ("field-founded", _day(t, card.founded)),
        ("field-first-contract", _day(t, card.first_contract)),
        ("field-contact-birthday", _day(t, card.contact_birthday)),
    )
    return tuple((t(key), value) for key, value in shown if value)


def customer_detail(t: Translator, detail: CustomerDetail) -> Message:
    card = detail.card
    lines = [t("customer-contracts", count=len(detail.contracts))]
    for contract in detail.contracts:
        lines.append(
            t(
                "customer-contract-line",
                title=contract.title,
                start=_day(t, contract.starts_on) or "—",
                end=_day(t, contract.ends_on) or "—",
            )
        )
    lines.append(t("customer-deals", count=len(detail.deals)))
    for deal in detail.deals:
        lines.append(
            t(
                "customer-deal-line",
                ref=deal.ref,
                title=deal.title,
                status=t.choice("deal-status", deal.status),
            )
        )
    return Message(
        title=t("customer-heading", ref=card.ref, name=card.name),
        fields=card_fields(t, card),
        lines=tuple(lines),
    )


def match_line(t: Translator, match: CustomerMatch) -> str:
    parts = [match.ref, match.name]
    parts += [p for p in (match.contact_name, match.address) if p]
    return " · ".join(parts)


def customer_list(t: Translator, query: str, matches: Sequence[CustomerMatch]) -> Message:
    return Message(
        title=t("customer-search-found", count=len(matches), query=query),
        lines=tuple(match_line(t, m) for m in matches),
    )


def saved(t: Translator, key: str, card: CustomerCard) -> Message:
    return Message(title=t(key, ref=card.ref, name=card.name), fields=card_fields(t, card))
