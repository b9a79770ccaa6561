"""What selling hands back to the front ends: plain values, safe after the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from dealbot.domain.core.money import Money


@dataclass(frozen=True)
class DealRef:
    """The deal a quote is for, as a form needs it."""

    ref: str
    title: str
    currency: str


@dataclass(frozen=True)
class LineView:
    sku: str
    name: str
    quantity: int
    unit_price: Money
    discount: Decimal  # in percent
    amount: Money


@dataclass(frozen=True)
class Decision:
    """An approval of a quote, an order, a payment or a shipment, as it stands."""

    state: str  # open, approved, rejected, closed
    by: str | None
    at: datetime | None
    comment: str | None


@dataclass(frozen=True)
class RevisionView:
    ref: str
    number: int
    state: str
    valid_until: date
    total: Money
    lines: tuple[LineView, ...]
    created_by: str
    created_at: datetime
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class QuoteDetail:
    ref: str  # `Q-3`
    deal: str
    deal_title: str
    customer: str
    current: RevisionView
    # Every revision, the first first.
    revisions: tuple[RevisionView, ...]
    order: str | None


@dataclass(frozen=True)
class InstallmentView:
    position: int
    due_date: date
    amount: Money
    paid: Money
    left: Money

    @property
    def is_paid(self) -> bool:
        return self.left.amount == 0


@dataclass(frozen=True)
class PaymentView:
    amount: Money
    received_on: date
    notes: str | None
    state: str
    recorded_by: str
    decision: Decision | None


@dataclass(frozen=True)
class ShipmentView:
    state: str
    requested_by: str
    requested_at: datetime
    confirmed_at: datetime | None
    decision: Decision | None


@dataclass(frozen=True)
class OrderDetail:
    ref: str
    quote: str  # the revision it was made from: `Q-3 rev 2`
    deal: str
    deal_title: str
    customer: str
    state: str
    total: Money
    paid: Money
    waiting: Money  # recorded, not approved yet
    left: Money
    shipping: str
    shipped_at: datetime | None
    invoiced_at: datetime | None
    paid_at: datetime | None
    lines: tuple[LineView, ...]
    installments: tuple[InstallmentView, ...]
    payments: tuple[PaymentView, ...]
    shipments: tuple[ShipmentView, ...]
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class Receipt:
    """What a command did, for the answer to the person who did it."""

    ref: str  # `Q-3 rev 2`, `O-4`
    deal: str
    amount: Money | None = None


@dataclass(frozen=True)
class InstallmentDue:
    """An installment not paid in full, for reminders: whose order, due when, what is left."""

    order: str
    deal: str
    team_id: int
    owner_id: int | None
    due_date: date
    left: Money
