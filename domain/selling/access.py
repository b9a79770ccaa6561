"""Finding quotes and orders by reference, and who may act on them: checked on the server."""

from __future__ import annotations

from sqlalchemy.orm import Session

from dealbot.domain.core.errors import Conflict, NotAllowed, NotFound
from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.refs import parse_ref
from dealbot.domain.deals import policies
from dealbot.domain.deals.enums import DealStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.deals.use_cases import load_deal
from dealbot.domain.selling.models import Order, Quote


def may_sell(session: Session, actor: Member, deal: Deal) -> bool:
    """The deal's owner, the leader of its team, or an admin: who drafts its quotes and orders."""
    return policies.can_report_on(session, actor, deal)


def check_sellable(session: Session, actor: Member, deal: Deal, ref: str) -> None:
    """Selling goes on after a deal is won; not on a lead, nor on a lost deal."""
    if not may_sell(session, actor, deal):
        raise NotAllowed("error-selling-not-yours", ref=ref, deal=deal.ref)
    if deal.deal_status is DealStatus.LEAD:
        raise Conflict("error-deal-lead", ref=deal.ref, field="deal")
    if deal.deal_status is DealStatus.LOST:
        raise Conflict("error-selling-deal-lost", ref=ref, deal=deal.ref, field="deal")


def sellable_deal(session: Session, actor: Member, ref: str) -> Deal:
    deal = load_deal(session, actor, ref)
    check_sellable(session, actor, deal, deal.ref)
    return deal


def load_quote(session: Session, viewer: Member, ref: str) -> Quote:
    """`Q-3` (or `q-3`, `q3`): a quote of a deal the viewer may see."""
    number = parse_ref(ref, "q")
    quote = session.get(Quote, number) if number is not None else None
    # A quote of a deal outside the viewer's teams is unknown, so its existence does not leak.
    if quote is None or not policies.can_view_deal(session, viewer, quote.deal):
        raise NotFound("error-quote-unknown", ref=ref.strip(), field="quote")
    return quote


def load_order(session: Session, viewer: Member, ref: str) -> Order:
    number = parse_ref(ref, "o")
    order = session.get(Order, number) if number is not None else None
    if order is None or not policies.can_view_deal(session, viewer, order.deal):
        raise NotFound("error-order-unknown", ref=ref.strip(), field="order")
    return order


def quote_to_change(session: Session, actor: Member, ref: str) -> Quote:
    quote = load_quote(session, actor, ref)
    check_sellable(session, actor, quote.deal, quote.ref)
    return quote


def order_to_change(session: Session, actor: Member, ref: str, *, finance: bool = False) -> Order:
    """An order the actor may act on; `finance` lets the team's finance members too."""
    order = load_order(session, actor, ref)
    if not (finance and actor.has_role(Role.FINANCE)):
        check_sellable(session, actor, order.deal, order.ref)
    return order
