"""Customers as conversations: for now, the customer picker of the deal forms."""

from __future__ import annotations

from dealbot.domain.customers.desk import CustomerDesk
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.registry import Ask, Registry
from dealbot.handlers.core.router import Router

CUSTOMERS = "customers"


def register(registry: Registry, desk: CustomerDesk) -> None:
    async def customers(ask: Ask, query: str | None) -> list[Choice]:
        names = await Router.call(desk.names, ask.person.id, query)
        return [Choice(name, name) for name in names]

    registry.source(CUSTOMERS, customers)
