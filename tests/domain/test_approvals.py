"""One approval mechanism: who may decide, decided once, every card changed, on both stores."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from dealbot.domain.approvals.kinds import ApprovalKind, team_leader, with_role
from dealbot.domain.approvals.models import ApprovalRequest
from dealbot.domain.approvals.use_cases import request_approval
from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.core.models import Member, Role
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.outbox.models import Delivery, Notification
from support.deals import draft, member_id, report
from support.outbox import World, world
from support.store import TEAMS, FakeClock, load

FINANCE = (
    TEAMS
    + """
[[members]]
handle = "fumi"
name = "Fumi Kato"
team = "Tokyo Sales"
roles = ["finance"]

[[members]]
handle = "goro"
name = "Goro Ito"
team = "Tokyo Sales"
roles = ["finance"]
"""
)
decided_by_hook: list[tuple[int, str, bool]] = []


def _decided(
    session: Any, request: ApprovalRequest, actor: Member, approve: bool, now: datetime
) -> None:
    decided_by_hook.append((request.subject_id, actor.handle, approve))


@pytest.fixture
def w(sessions: SessionFactory, clock: FakeClock) -> World:
    load(sessions, FINANCE)
    found = world(sessions, clock)
    kinds = found.desks.approvals.kinds  # made-up kinds beside the capabilities' own
    kinds.add(ApprovalKind("trial", team_leader, _decided, in_thread=True))
    kinds.add(ApprovalKind("expense", with_role(Role.FINANCE)))
    decided_by_hook.clear()
    return found


def _ask(w: World, kind: str, by: str = "kenji", amount: str = "1000") -> int:
    requester = member_id(w.desks.deals, by)
    ref = w.desks.deals.open_deal(requester, draft()).ref
    with w.sessions.begin() as session:
        member = session.get_one(Member, requester)
        deal = session.get_one(Deal, int(ref[2:]))
        request = request_approval(
            session,
            w.outbox,
            w.desks.approvals.kinds,
            kind=kind,
            subject_id=77,
            team=member.team,
            deal=deal,
            requester=member,
            summary={"ref": "Q-77", "amount": amount, "currency": "JPY", "customer": "Acme"},
            now=w.clock.now(),
        )
        return request.id


def _cards(w: World, kind: str) -> list[str]:
    with w.sessions.begin() as session:
        rows = session.scalars(
            select(Notification).where(Notification.kind == kind).order_by(Notification.id)
        )
        return [r.recipient.handle if r.recipient else "feed" for r in rows]


def test_the_card_goes_to_those_entitled_to_decide_never_to_the_requester(w: World) -> None:
    _ask(w, "trial")
    _ask(w, "expense")
    _ask(w, "trial", by="sato")  # the leader's own quote goes to the admins

    assert _cards(w, "approval_requested") == ["sato", "fumi", "goro", "root"]


def test_a_decision_is_taken_once_and_the_later_click_is_told_who_decided(w: World) -> None:
    request = _ask(w, "trial")
    sato = member_id(w.desks.deals, "sato")

    w.desks.approvals.decide(sato, request, approve=True)
    with pytest.raises(Conflict) as again:
        w.desks.approvals.decide(sato, request, approve=False, comment="changed my mind")

    assert again.value.key == "error-approval-already-approved"
    assert again.value.args_for_message["by"] == "Sato Hanako"
    assert decided_by_hook == [(77, "sato", True)]
    assert _cards(w, "approval_closed") == ["sato"]  # the card changes, once
    assert _cards(w, "approval_decided") == ["feed", "kenji"]  # the thread and the requester


@pytest.mark.parametrize(
    ("who", "error"),
    [("kenji", NotAllowed), ("yui", NotAllowed), ("ivan", NotAllowed), ("fumi", NotAllowed)],
)
def test_forged_and_misdirected_clicks_change_nothing(
    w: World, who: str, error: type[Exception]
) -> None:
    request = _ask(w, "trial")

    with pytest.raises(error):
        w.desks.approvals.decide(member_id(w.desks.deals, who), request, approve=True)

    assert _cards(w, "approval_closed") == [] and decided_by_hook == []


def test_an_unknown_request_is_refused(w: World) -> None:
    with pytest.raises(NotFound):
        w.desks.approvals.decide(member_id(w.desks.deals, "sato"), 424242, approve=True)


def test_a_rejection_says_why(w: World) -> None:
    request = _ask(w, "trial")
    sato = member_id(w.desks.deals, "sato")

    with pytest.raises(Invalid) as refused:
        w.desks.approvals.decide(sato, request, approve=False, comment="  ")
    view = w.desks.approvals.decide(sato, request, approve=False, comment="Too cheap")

    assert refused.value.args_for_message["field"] == "comment"
    assert (view.state, view.comment, view.decided_by) == ("rejected", "Too cheap", "Sato Hanako")


def test_with_two_finance_members_both_cards_change_when_one_decides(w: World) -> None:
    request = _ask(w, "expense")

    w.desks.approvals.decide(member_id(w.desks.deals, "goro"), request, approve=True)

    assert _cards(w, "approval_closed") == ["fumi", "goro"]
    assert _cards(w, "approval_decided") == ["kenji"]  # payments stay out of the feed
    assert w.desks.approvals.waiting(member_id(w.desks.deals, "fumi")) == []


def test_what_waits_for_whom(w: World) -> None:
    quote, payment = _ask(w, "trial"), _ask(w, "expense")

    assert [v.id for v in w.desks.approvals.waiting(member_id(w.desks.deals, "sato"))] == [quote]
    assert [v.id for v in w.desks.approvals.waiting(member_id(w.desks.deals, "fumi"))] == [payment]
    assert w.desks.approvals.waiting(member_id(w.desks.deals, "kenji")) == []


def test_a_lost_deal_closes_its_open_requests_and_their_cards(w: World) -> None:
    request = _ask(w, "trial")
    kenji = member_id(w.desks.deals, "kenji")
    with w.sessions.begin() as session:
        deal_ref = session.get_one(ApprovalRequest, request).deal
        assert deal_ref is not None
        ref = deal_ref.ref

    w.desks.deals.report_progress(kenji, report(ref, ProgressStatus.LOST, lost_reason="price"))

    with pytest.raises(Conflict) as refused:
        w.desks.approvals.decide(member_id(w.desks.deals, "sato"), request, approve=True)
    assert refused.value.key == "error-approval-closed"
    assert "approval_closed" in [k for k in _kinds_for(w, "sato")]


def _kinds_for(w: World, handle: str) -> list[str]:
    with w.sessions.begin() as session:
        rows = session.scalars(select(Notification).order_by(Notification.id))
        return [r.kind for r in rows if r.recipient and r.recipient.handle == handle]


def test_two_approvers_at_the_same_moment_decide_once(w: World) -> None:
    request = _ask(w, "expense")
    fumi, goro = member_id(w.desks.deals, "fumi"), member_id(w.desks.deals, "goro")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def click(member: int) -> None:
        start.wait()
        try:
            w.desks.approvals.decide(member, request, approve=True)
            outcomes.append("decided")
        except Conflict:
            outcomes.append("told")

    threads = [threading.Thread(target=click, args=(m,)) for m in (fumi, goro)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["decided", "told"]
    assert len(_cards(w, "approval_decided")) == 1
    with w.sessions.begin() as session:
        edits = session.scalars(select(Delivery).where(Delivery.edit_of.is_not(None))).all()
        assert len(edits) == 4  # two cards, on both made-up platforms: changed once each
