"""Customers as conversations: the card of seed 004, its contracts, and the customer picker."""

from __future__ import annotations

from dealbot.domain.customers.desk import CustomerDesk
from dealbot.handlers.core.registry import Registry
from dealbot.handlers.customers.commands import CustomerCommands
from dealbot.handlers.customers.forms import CONTRACT, CUSTOMERS, EDIT_CUSTOMER, NEW_CUSTOMER


def register(registry: Registry, desk: CustomerDesk) -> None:
    customers = CustomerCommands(desk)
    registry.command("customer", customers.customer, help_key="help-customer")
    registry.form(NEW_CUSTOMER, customers.submit_new)
    registry.form(EDIT_CUSTOMER, customers.submit_edit)
    registry.form(
        CONTRACT, customers.submit_contract, checks={"customer": customers.check_customer}
    )
    # Type-ahead: a page of the person's team's matches, never the whole list.
    registry.source(CUSTOMERS, customers.matches)
