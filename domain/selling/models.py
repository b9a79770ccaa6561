"""Quotes and their revisions, orders with their payment plan, payments and shipments.

Money is stored in the currency's minor units beside the deal's currency; a line keeps the
product's SKU and name as they were quoted, so a renamed product changes no old quote.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dealbot.domain.core.models import Base, Member, Team
from dealbot.domain.core.money import Money
from dealbot.domain.deals.models import Deal
from dealbot.domain.products.models import MAX_PRODUCT_NAME, MAX_SKU, Product

MAX_NOTES = 3000


class RevisionState(StrEnum):
    PENDING = "pending"  # waits for the leader's approval
    APPROVED = "approved"
    REJECTED = "rejected"
    SENT = "sent"  # approved and sent to the customer
    ACCEPTED = "accepted"  # the customer said yes: an order can be made
    REVISED = "revised"  # a later revision took its place
    CLOSED = "closed"  # its deal was lost before anyone decided


class OrderState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Shipping(StrEnum):
    """Where an order's goods are: not asked for, asked of the warehouse, gone out."""

    NONE = "none"
    REQUESTED = "requested"
    SHIPPED = "shipped"


class PaymentState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class ShipmentState(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class Quote(Base):
    """`Q-3`: a quote for a deal; what it says is its newest revision."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    currency: Mapped[str] = mapped_column(String(3))
    # The number of the newest revision: moved on by one conditional write per revision.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]

    deal: Mapped[Deal] = relationship()
    team: Mapped[Team] = relationship()
    revisions: Mapped[list[QuoteRevision]] = relationship(
        back_populates="quote", order_by="QuoteRevision.number"
    )

    @property
    def ref(self) -> str:
        return f"Q-{self.id}"


class QuoteRevision(Base):
    """One version of a quote (`Q-3 rev 2`): its lines, its validity and where it stands."""

    __tablename__ = "quote_revisions"
    __table_args__ = (UniqueConstraint("quote_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"))
    number: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default=RevisionState.PENDING.value)
    valid_until: Mapped[date] = mapped_column(Date)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]

    quote: Mapped[Quote] = relationship(back_populates="revisions")
    created_by: Mapped[Member] = relationship()
    lines: Mapped[list[QuoteLine]] = relationship(order_by="QuoteLine.position")

    @property
    def ref(self) -> str:
        return revision_ref(self.quote_id, self.number)

    @property
    def total(self) -> Money:
        return Money.from_minor_units(self.total_minor, self.quote.currency)


def revision_ref(quote_id: int, number: int) -> str:
    """`Q-3` for a quote's first revision, `Q-3 rev 2` for the later ones."""
    return f"Q-{quote_id}" if number == 1 else f"Q-{quote_id} rev {number}"


class QuoteLine(Base):
    __tablename__ = "quote_lines"
    __table_args__ = (UniqueConstraint("revision_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("quote_revisions.id"))
    position: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(MAX_SKU))
    name: Mapped[str] = mapped_column(String(MAX_PRODUCT_NAME))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)
    # Hundredths of a percent: 1250 is 12.50 % (exact on every store).
    discount_bp: Mapped[int] = mapped_column(Integer, default=0)
    amount_minor: Mapped[int] = mapped_column(BigInteger)

    product: Mapped[Product] = relationship()


class Order(Base):
    """`O-4`: made from a quote's accepted revision, approved by the leader, then planned,
    paid, shipped and invoiced."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One order per quote: the unique key decides when two are made at once.
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id"), unique=True)
    revision_id: Mapped[int] = mapped_column(ForeignKey("quote_revisions.id"))
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(10), default=OrderState.PENDING.value)
    # Payments approved plus those waiting for finance: never more than the total.
    committed_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    # Payments approved: spread over the installments, oldest first.
    paid_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    planned_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    shipping: Mapped[str] = mapped_column(String(10), default=Shipping.NONE.value)
    shipped_at: Mapped[datetime | None]
    invoiced_at: Mapped[datetime | None]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]

    quote: Mapped[Quote] = relationship()
    revision: Mapped[QuoteRevision] = relationship()
    deal: Mapped[Deal] = relationship()
    team: Mapped[Team] = relationship()
    installments: Mapped[list[Installment]] = relationship(
        order_by="[Installment.due_date, Installment.position]"
    )

    @property
    def ref(self) -> str:
        return f"O-{self.id}"

    def money(self, minor_units: int) -> Money:
        return Money.from_minor_units(minor_units, self.currency)


class Installment(Base):
    """One amount of an order's payment plan, due on a day; paid as payments are approved."""

    __tablename__ = "installments"
    __table_args__ = (
        UniqueConstraint("order_id", "position"),
        # What reminders look for: what is due by a day and not paid yet.
        Index("ix_installments_due_date", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    position: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    paid_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    # When the last of it was paid.
    paid_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship(back_populates="installments")

    @property
    def left_minor(self) -> int:
        return self.amount_minor - self.paid_minor


class Payment(Base):
    """Money received from the customer, as the salesperson recorded it; finance approves."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    # The day the money came, in the team's time zone.
    received_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default=PaymentState.PENDING.value)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]

    order: Mapped[Order] = relationship()
    recorded_by: Mapped[Member] = relationship()


class Shipment(Base):
    """The goods of an order asked of the warehouse; its confirmation moves the stock."""

    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    state: Mapped[str] = mapped_column(String(10), default=ShipmentState.PENDING.value)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]
    confirmed_at: Mapped[datetime | None]

    order: Mapped[Order] = relationship()
    requested_by: Mapped[Member] = relationship()
