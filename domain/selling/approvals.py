"""Selling's approval kinds (PRODUCT.md §3.3): who decides each, and what a decision changes.

Quotes and orders go to the leader of the deal's team and are told in the deal's thread too;
payments go to finance and shipments to the warehouse, and stay out of the feed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKind, ApprovalKinds, team_leader, with_role
from dealbot.domain.approvals.models import ApprovalRequest
from dealbot.domain.core.models import Member, Role
from dealbot.domain.selling import orders, payments, quotes, shipments


def _quote(
    session: Session, request: ApprovalRequest, actor: Member, approve: bool, now: datetime
) -> None:
    quotes.decided(session, request.subject_id, approve)


def _order(
    session: Session, request: ApprovalRequest, actor: Member, approve: bool, now: datetime
) -> None:
    orders.decided(session, request.subject_id, approve)


def _payment(
    session: Session, request: ApprovalRequest, actor: Member, approve: bool, now: datetime
) -> None:
    payments.decided(session, request.subject_id, actor, approve, now)


def _shipment(
    session: Session, request: ApprovalRequest, actor: Member, approve: bool, now: datetime
) -> None:
    shipments.decided(session, request.subject_id, actor, approve, now)


def add_kinds(kinds: ApprovalKinds) -> None:
    kinds.add(ApprovalKind(quotes.QUOTE, team_leader, _quote, in_thread=True))
    kinds.add(ApprovalKind(orders.ORDER, team_leader, _order, in_thread=True))
    kinds.add(ApprovalKind(payments.PAYMENT, with_role(Role.FINANCE), _payment))
    kinds.add(ApprovalKind(shipments.SHIPMENT, with_role(Role.WAREHOUSE), _shipment))
