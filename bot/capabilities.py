"""Every capability, registered in one place: its domain desk, its conversations, its events."""

from __future__ import annotations

from dataclasses import dataclass

from dealbot.bot.reminders_wiring import reminder_desk
from dealbot.domain.approvals.desk import ApprovalDesk
from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.routing import APPROVAL_EVENTS
from dealbot.domain.approvals.use_cases import close_for_deal
from dealbot.domain.core.clock import Clock
from dealbot.domain.core.desk import PeopleDesk
from dealbot.domain.core.routing import EventTable
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.customers.desk import CustomerDesk
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.routing import DEAL_EVENTS
from dealbot.domain.outbox.desk import OutboxDesk
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.products.desk import ProductDesk
from dealbot.domain.reminders.actions import close_stagnation_cards
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.selling import approvals as selling_approvals
from dealbot.domain.selling.desk import SellingDesk, close_with_deal
from dealbot.handlers import approvals, customers, deals, products, reminders, selling
from dealbot.handlers.core import basics
from dealbot.handlers.core.registry import Registry

# Every event a team may route in `dealbot.toml`.
EVENTS: EventTable = DEAL_EVENTS + APPROVAL_EVENTS


@dataclass(frozen=True)
class Desks:
    people: PeopleDesk
    deals: DealDesk
    customers: CustomerDesk
    approvals: ApprovalDesk
    products: ProductDesk
    reminders: ReminderDesk
    selling: SellingDesk
    outbox: OutboxDesk


def build_desks(sessions: SessionFactory, clock: Clock, outbox: Outbox) -> Desks:
    kinds = ApprovalKinds()  # the capabilities that ask for approvals add their kinds here
    selling_approvals.add_kinds(kinds)
    # What closes with a deal: its open approvals, its quotes waiting for one, its stagnation card.
    closing = (close_for_deal, close_with_deal, close_stagnation_cards)
    return Desks(
        people=PeopleDesk(sessions, clock, outbox),
        deals=DealDesk(sessions, clock, outbox, closing=closing),
        customers=CustomerDesk(sessions, clock, outbox),
        approvals=ApprovalDesk(sessions, clock, outbox, kinds),
        products=ProductDesk(sessions, clock, outbox),
        reminders=reminder_desk(sessions, clock, outbox),
        selling=SellingDesk(sessions, clock, outbox, kinds, closing),
        outbox=OutboxDesk(sessions, clock, outbox),
    )


def build_registry(desks: Desks) -> Registry:
    registry = Registry()
    deals.register(registry, desks.deals)
    customers.register(registry, desks.customers)
    approvals.register(registry, desks.approvals)
    products.register(registry, desks.products)
    reminders.register(registry, desks.reminders)
    selling.register(registry, desks.selling)
    basics.register(registry, desks.people)
    return registry
