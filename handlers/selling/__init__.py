"""Selling as conversations: quotes, orders, plans, payments, shipments (PRODUCT.md §3.2)."""

from __future__ import annotations

from dealbot.domain.selling.desk import SellingDesk
from dealbot.handlers.core.registry import Registry
from dealbot.handlers.selling import messages
from dealbot.handlers.selling.commands import SellingCommands
from dealbot.handlers.selling.forms import PAYMENT, PLAN, QUOTE, REVISION


def register(registry: Registry, desk: SellingDesk) -> None:
    selling = SellingCommands(desk)
    # Telegram takes the one-word ones on their own too (`/quote D-12`); the others only as
    # `/deal quote-sent Q-3`, since its command names cannot hold a hyphen.
    registry.command("quote", selling.quote, help_key="help-quote")
    registry.command("quote-sent", selling.quote_sent, help_key="help-quote-sent", menu=False)
    registry.command(
        "quote-accepted", selling.quote_accepted, help_key="help-quote-accepted", menu=False
    )
    registry.command("revise", selling.revise, help_key="help-revise", menu=False)
    registry.command("order", selling.order, help_key="help-order")
    registry.command("plan", selling.plan, help_key="help-plan")
    registry.command("payment", selling.payment, help_key="help-payment")
    registry.command("ship", selling.ship, help_key="help-ship")
    registry.command("invoiced", selling.invoiced, help_key="help-invoiced", menu=False)
    registry.action(messages.NEW_QUOTE_ACTION, selling.new_quote_button)
    quote_checks = {"deal": selling.check_deal, "valid_until": selling.check_valid_until}
    registry.form(QUOTE, selling.submit_quote, quote_checks, {"unit_price": selling.unit_price})
    registry.form(
        REVISION,
        selling.submit_revision,
        {"valid_until": selling.check_valid_until},
        {"unit_price": selling.unit_price},
    )
    registry.form(PLAN, selling.submit_plan)
    registry.form(PAYMENT, selling.submit_payment, {"received_on": selling.check_received_on})
    registry.viewer("q", selling.show_quote)
    registry.viewer("o", selling.show_order)
    registry.buttons_on("d", selling.new_quote_buttons)
