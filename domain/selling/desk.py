"""Selling's front door: each call is one transaction, acting as one member."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.core.clock import Clock
from dealbot.domain.core.desk import Desk
from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.models import Member
from dealbot.domain.core.money import Money
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.enums import DealStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.deals.use_cases import ClosingHook
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.products.use_cases import load_product
from dealbot.domain.selling import orders, payments, plans, queries, quotes, shipments
from dealbot.domain.selling.access import sellable_deal
from dealbot.domain.selling.orders import approved_order
from dealbot.domain.selling.payments import PaymentDraft
from dealbot.domain.selling.plans import PlanDraft
from dealbot.domain.selling.quotes import QuoteDraft
from dealbot.domain.selling.views import (
    DealRef,
    InstallmentDue,
    OrderDetail,
    QuoteDetail,
    Receipt,
    RevisionView,
)


def close_with_deal(
    session: Session, outbox: Outbox, deal: Deal, status: DealStatus, now: datetime
) -> None:
    """A lost deal's quotes waiting for approval close with it (their requests close too)."""
    if status is DealStatus.LOST:
        quotes.close_with_deal(session, deal)


def _deal_ref(deal: Deal) -> DealRef:
    return DealRef(deal.ref, deal.title, deal.currency)


class SellingDesk(Desk):
    def __init__(
        self,
        sessions: SessionFactory,
        clock: Clock,
        outbox: Outbox,
        kinds: ApprovalKinds,
        closing: Sequence[ClosingHook] = (),
    ) -> None:
        super().__init__(sessions, clock, outbox)
        self.kinds = kinds
        # What closes with a deal that an order wins.
        self.closing = tuple(closing)

    def _now(self) -> datetime:
        return self.clock.now()

    # quotes
    def quotable(self, member_id: int, deal_ref: str) -> DealRef:
        """The deal named, if the member may quote for it now; else the reason why not."""
        return self.as_member(member_id, lambda s, m: _deal_ref(sellable_deal(s, m, deal_ref)))

    def may_quote(self, member_id: int, deal_ref: str) -> bool:
        try:
            self.quotable(member_id, deal_ref)
        except DomainError:
            return False
        return True

    def own_price(self, member_id: int, deal_ref: str, sku: str) -> Money | None:
        """The product's unit price, when it is in the deal's currency (else none to offer)."""

        def work(session: Session, member: Member) -> Money | None:
            deal = sellable_deal(session, member, deal_ref)
            product = load_product(session, sku)
            return product.unit_price if product.currency == deal.currency else None

        return self.as_member(member_id, work)

    def check_valid_until(self, member_id: int, value: date) -> None:
        self.as_member(member_id, lambda s, m: quotes.check_valid_until(m, value, self._now()))

    def draft_quote(self, member_id: int, deal_ref: str, draft: QuoteDraft) -> Receipt:
        return self.as_member(
            member_id,
            lambda s, m: quotes.draft_quote(
                s, self.outbox, self.kinds, m, deal_ref, draft, self._now()
            ),
        )

    def to_revise(self, member_id: int, ref: str) -> tuple[DealRef, RevisionView]:
        """The revision a new one starts from, and its deal."""

        def work(session: Session, member: Member) -> tuple[DealRef, RevisionView]:
            revision = quotes.revisable(session, member, ref)
            return _deal_ref(revision.quote.deal), queries.revision_view(revision, [])

        return self.as_member(member_id, work)

    def revise(self, member_id: int, ref: str, draft: QuoteDraft) -> Receipt:
        return self.as_member(
            member_id,
            lambda s, m: quotes.revise(s, self.outbox, self.kinds, m, ref, draft, self._now()),
        )

    def mark_sent(self, member_id: int, ref: str) -> Receipt:
        return self.as_member(member_id, lambda s, m: quotes.mark_sent(s, m, ref, self._now()))

    def mark_accepted(self, member_id: int, ref: str) -> Receipt:
        return self.as_member(member_id, lambda s, m: quotes.mark_accepted(s, m, ref, self._now()))

    def show_quote(self, member_id: int, ref: str) -> QuoteDetail:
        return self.as_member(member_id, lambda s, m: queries.show_quote(s, m, ref))

    # orders
    def make_order(self, member_id: int, quote_ref: str) -> Receipt:
        return self.as_member(
            member_id,
            lambda s, m: orders.make_order(
                s, self.outbox, self.kinds, m, quote_ref, self.clock, self.closing
            ),
        )

    def plannable(self, member_id: int, ref: str) -> Receipt:
        """The order named, if the member may plan its payments now."""

        def work(session: Session, member: Member) -> Receipt:
            order = approved_order(session, member, ref)
            return Receipt(order.ref, order.deal.ref, order.money(order.total_minor))

        return self.as_member(member_id, work)

    def set_plan(self, member_id: int, ref: str, draft: PlanDraft) -> Receipt:
        return self.as_member(member_id, lambda s, m: plans.set_plan(s, m, ref, draft, self._now()))

    def payable(self, member_id: int, ref: str) -> Receipt:
        """The order named, if a payment can be recorded for it now; with what is left."""

        def work(session: Session, member: Member) -> Receipt:
            order = payments.payable_order(session, member, ref)
            left = order.money(order.total_minor - order.committed_minor)
            return Receipt(order.ref, order.deal.ref, left)

        return self.as_member(member_id, work)

    def check_received_on(self, member_id: int, value: date) -> None:
        self.as_member(member_id, lambda s, m: payments.check_received_on(m, value, self._now()))

    def record_payment(self, member_id: int, ref: str, draft: PaymentDraft) -> Receipt:
        return self.as_member(
            member_id,
            lambda s, m: payments.record_payment(
                s, self.outbox, self.kinds, m, ref, draft, self._now()
            ),
        )

    def request_shipment(self, member_id: int, ref: str) -> Receipt:
        return self.as_member(
            member_id,
            lambda s, m: shipments.request_shipment(
                s, self.outbox, self.kinds, m, ref, self._now()
            ),
        )

    def mark_invoiced(self, member_id: int, ref: str) -> Receipt:
        return self.as_member(member_id, lambda s, m: orders.mark_invoiced(s, m, ref, self._now()))

    def show_order(self, member_id: int, ref: str) -> OrderDetail:
        return self.as_member(member_id, lambda s, m: queries.show_order(s, m, ref))

    # for reminders: no member acts
    def installments_due(self, on_or_before: date) -> list[InstallmentDue]:
        with self.sessions.begin() as session:
            return queries.installments_due(session, on_or_before)
