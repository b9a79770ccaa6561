"""Requesting, deciding and closing approvals: each decision is one conditional write."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dealbot.domain.approvals.kinds import ApprovalKinds
from dealbot.domain.approvals.models import ApprovalRequest, ApprovalState
from dealbot.domain.approvals.routing import APPROVAL_DECIDED, APPROVAL_EVENTS
from dealbot.domain.core.directory import members_with_role
from dealbot.domain.core.errors import Conflict, NotAllowed, NotFound
from dealbot.domain.core.models import Member, Role, Team
from dealbot.domain.core.routing import Audience, Placement
from dealbot.domain.core.text import required_text
from dealbot.domain.deals.enums import DealStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.deals.use_cases import record_step
from dealbot.domain.outbox.notify import Outbox, Recipient, Subject, resolve

APPROVAL_REQUESTED = "approval_requested"
APPROVAL_CLOSED = "approval_closed"
MAX_COMMENT = 3000


@dataclass(frozen=True)
class ApprovalView:
    id: int
    kind: str
    state: str
    summary: dict[str, Any]
    requester: str
    decided_by: str | None
    comment: str | None

    @classmethod
    def of(cls, request: ApprovalRequest) -> ApprovalView:
        return cls(
            id=request.id,
            kind=request.kind,
            state=request.state,
            summary=dict(request.summary),
            requester=request.requester.name,
            decided_by=request.decided_by.name if request.decided_by else None,
            comment=request.comment,
        )


def deciders(session: Session, kinds: ApprovalKinds, request: ApprovalRequest) -> list[Member]:
    """Who may decide: the kind's policy, never the requester; the admins when that leaves
    nobody (a leader's own quote)."""
    entitled = [
        m for m in kinds[request.kind].deciders(session, request) if m.id != request.requester_id
    ]
    if entitled:
        return entitled
    return [m for m in members_with_role(session, Role.ADMIN) if m.id != request.requester_id]


def _params(request: ApprovalRequest, **more: Any) -> dict[str, Any]:
    return {
        **request.summary,
        "approval": request.id,
        "approval_kind": request.kind,
        "requester": request.requester.name,
        **more,
    }


def request_approval(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    *,
    kind: str,
    subject_id: int,
    team: Team,
    deal: Deal | None,
    requester: Member,
    summary: dict[str, Any],
    now: datetime,
) -> ApprovalRequest:
    """Ask for a decision: a card with Approve and Reject to everyone entitled to decide."""
    request = ApprovalRequest(
        kind=kinds[kind].name,
        subject_id=subject_id,
        team_id=team.id,
        deal_id=deal.id if deal else None,
        requester_id=requester.id,
        state=ApprovalState.OPEN.value,
        summary=summary,
        created_at=now,
    )
    session.add(request)
    session.flush()
    session.refresh(request)
    recipients = [
        Recipient(Audience.LEADER.value, Placement.TASK, m)
        for m in deciders(session, kinds, request)
    ]
    outbox.notify(
        session,
        key=f"approval-{request.id}-requested",
        kind=APPROVAL_REQUESTED,
        team=team,
        recipients=recipients,
        params=_params(request),
        now=now,
        subject=Subject("deal", deal.id, deal.thread_key) if deal else None,
        card=request.card_key,
    )
    if deal is not None:
        record_step(
            session,
            deal,
            requester,
            now,
            "timeline-approval-requested",
            **summary,
            approval_kind=request.kind,
        )
    return request


def _load(session: Session, request_id: int) -> ApprovalRequest:
    request = session.get(ApprovalRequest, request_id)
    if request is None:
        raise NotFound("error-approval-unknown")
    return request


def _check_decider(
    session: Session, kinds: ApprovalKinds, actor: Member, request: ApprovalRequest
) -> None:
    ref, kind = request.summary.get("ref", ""), request.kind
    if request.requester_id == actor.id:
        raise NotAllowed("error-approval-own", ref=ref, kind=kind)
    if all(m.id != actor.id for m in deciders(session, kinds, request)):
        raise NotAllowed("error-approval-not-yours", ref=ref, kind=kind)


def _already(request: ApprovalRequest) -> Conflict:
    ref, kind = request.summary.get("ref", ""), request.kind
    if request.state == ApprovalState.CLOSED.value:
        return Conflict("error-approval-closed", ref=ref, kind=kind)
    decider = request.decided_by.name if request.decided_by else "?"
    return Conflict(f"error-approval-already-{request.state}", ref=ref, by=decider, kind=kind)


def for_decision(
    session: Session, kinds: ApprovalKinds, actor: Member, request_id: int
) -> ApprovalView:
    """A request the actor may decide now (before a rejection's comment is asked for)."""
    request = _load(session, request_id)
    _check_decider(session, kinds, actor, request)
    if request.state != ApprovalState.OPEN.value:
        raise _already(request)
    return ApprovalView.of(request)


def decide(
    session: Session,
    outbox: Outbox,
    kinds: ApprovalKinds,
    actor: Member,
    request_id: int,
    *,
    approve: bool,
    comment: str | None,
    now: datetime,
) -> ApprovalView:
    """Approve or reject, once: of two clicks at the same moment, one decides, the later one
    is told who did. Every card of the request then says so, without buttons."""
    request = _load(session, request_id)
    _check_decider(session, kinds, actor, request)
    # A rejection says why; an approval may.
    text = (
        required_text(comment, "comment", MAX_COMMENT)
        if not approve or (comment and comment.strip())
        else None
    )
    state = ApprovalState.APPROVED if approve else ApprovalState.REJECTED
    decided = session.execute(
        update(ApprovalRequest)
        .where(ApprovalRequest.id == request.id, ApprovalRequest.state == ApprovalState.OPEN.value)
        .values(state=state.value, decided_by_id=actor.id, decided_at=now, comment=text)
    )
    session.refresh(request)
    if getattr(decided, "rowcount", 0) != 1:
        raise _already(request)
    kind = kinds[request.kind]
    if kind.decided is not None:
        kind.decided(session, request, actor, approve, now)
    params = _params(request, state=state.value, by=actor.name, comment=text)
    outbox.edit_card(
        session,
        key=f"approval-{request.id}-decided",
        card_key=request.card_key,
        kind=APPROVAL_CLOSED,
        params=params,
        now=now,
    )
    _announce(session, outbox, request, actor, params, now, in_thread=kind.in_thread)
    if request.deal is not None:
        record_step(
            session,
            request.deal,
            actor,
            now,
            f"timeline-approval-{state.value}",
            **request.summary,
            comment=text or "",
            approval_kind=request.kind,
        )
    return ApprovalView.of(request)


def _announce(
    session: Session,
    outbox: Outbox,
    request: ApprovalRequest,
    actor: Member,
    params: dict[str, Any],
    now: datetime,
    *,
    in_thread: bool,
) -> None:
    """The requester hears the outcome; the deal's thread too for quotes and orders, never
    for a lost deal."""
    deal = request.deal
    routes = APPROVAL_EVENTS.routes(APPROVAL_DECIDED, request.team.routing)
    recipients = [
        r
        for r in resolve(routes, {Audience.REQUESTER: [request.requester]})
        if not (r.member is not None and r.member.id == actor.id)
    ]
    to_feed = in_thread and deal is not None and deal.deal_status is not DealStatus.LOST
    recipients = [r for r in recipients if to_feed or not r.to_feed]
    outbox.notify(
        session,
        key=f"approval-{request.id}-told",
        kind=APPROVAL_DECIDED,
        team=request.team,
        recipients=recipients,
        params=params,
        now=now,
        subject=Subject("deal", deal.id, deal.thread_key) if deal else None,
    )


def close_for_deal(
    session: Session, outbox: Outbox, deal: Deal, status: DealStatus, now: datetime
) -> None:
    """A lost deal's open requests close with it; their cards say so."""
    if status is not DealStatus.LOST:
        return
    open_requests = list(
        session.scalars(
            select(ApprovalRequest).where(
                ApprovalRequest.deal_id == deal.id,
                ApprovalRequest.state == ApprovalState.OPEN.value,
            )
        )
    )
    for request in open_requests:
        closed = session.execute(
            update(ApprovalRequest)
            .where(
                ApprovalRequest.id == request.id,
                ApprovalRequest.state == ApprovalState.OPEN.value,
            )
            .values(state=ApprovalState.CLOSED.value, decided_at=now)
        )
        if getattr(closed, "rowcount", 0) == 1:
            session.refresh(request)
            outbox.edit_card(
                session,
                key=f"approval-{request.id}-closed",
                card_key=request.card_key,
                kind=APPROVAL_CLOSED,
                params=_params(request, state=ApprovalState.CLOSED.value, status=deal.status),
                now=now,
            )


def waiting(session: Session, kinds: ApprovalKinds, member: Member) -> list[ApprovalView]:
    """What waits for this person's decision, oldest first."""
    open_requests = session.scalars(
        select(ApprovalRequest)
        .where(ApprovalRequest.state == ApprovalState.OPEN.value)
        .order_by(ApprovalRequest.id)
    )
    return [
        ApprovalView.of(r)
        for r in open_requests
        if r.requester_id != member.id
        and any(m.id == member.id for m in deciders(session, kinds, r))
    ]
