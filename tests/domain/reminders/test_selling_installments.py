"""Installment reminders from selling's real installments (an approved order's payment plan),
on SQLite and PostgreSQL: three days before, on and after the due day, the escalation to
finance and the leader after `overdue_escalate_days`, and nothing once it is paid."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dealbot.domain.core.store import SessionFactory
from dealbot.domain.reminders.installments import summed
from dealbot.domain.selling.payments import PaymentDraft
from dealbot.domain.selling.plans import PlanDraft
from dealbot.domain.selling.reminders import overdue_installments, unpaid_installments
from support.deals import member_id
from support.outbox import World, world
from support.reminders import at, ledger, told
from support.selling import SELLING, add_product, approve, line, open_deal, quote_draft
from support.store import FakeClock, load


@pytest.fixture
def w(sessions: SessionFactory, clock: FakeClock) -> World:
    load(sessions, SELLING)
    add_product(sessions, "PUMP-50", "Pump 50 l/min", 12345, on_hand=10)
    w = world(sessions, clock)
    kenji = member_id(w.desks.deals, "kenji")
    deal = open_deal(w)
    w.desks.selling.draft_quote(kenji, deal, quote_draft(line("PUMP-50", 2)))
    approve(w, "sato", "quote")
    w.desks.selling.mark_accepted(kenji, "q1")
    w.desks.selling.make_order(kenji, "Q-1")
    approve(w, "sato", "order")
    # 24,690 yen in two: 12,345 due on 1 December, 12,345 on 1 January.
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=2, first_due=date(2026, 12, 1)))
    return w


def _stages(w: World) -> list[tuple[str, str, str, str]]:
    return [
        (n.handle, i["kind"], i.get("stage", ""), i["due_on"])
        for n in told(w.sessions)
        for i in n.items
    ]


def test_three_days_before_on_and_after_the_due_day_then_escalated_once(w: World) -> None:
    sweep = w.desks.reminders.sweep
    sweep(at("2026-11-27T23:59Z"))  # 08:59 JST on 28 November: not yet the hour
    assert _stages(w) == []
    sweep(at("2026-11-28T00:00Z"))  # 09:00 JST, three days before
    sweep(at("2026-11-28T03:00Z"))  # the same day again: nothing new
    assert _stages(w) == [("kenji", "installment", "soon", "2026-12-01")]
    first = told(w.sessions)[0].items[0]
    assert (first["order"], first["number"], first["deal"], first["left"]) == (
        "O-1",
        1,
        "D-1",
        "12345",
    )
    sweep(at("2026-12-01T00:00Z"))
    assert _stages(w)[-1] == ("kenji", "installment", "today", "2026-12-01")
    for day in range(2, 8):  # overdue, once a day
        sweep(at(f"2026-12-{day:02}T00:00Z"))
    assert [s[2] for s in _stages(w)] == ["soon", "today"] + ["overdue"] * 6
    sweep(at("2026-12-08T00:00Z"))  # overdue for 7 days: finance and the leader too
    assert _stages(w)[-4:] == [
        ("kenji", "installment", "overdue", "2026-12-01"),
        ("fumi", "installment_escalation", "", "2026-12-01"),
        ("goro", "installment_escalation", "", "2026-12-01"),
        ("sato", "installment_escalation", "", "2026-12-01"),
    ]
    sweep(at("2026-12-08T00:00Z"))  # the same instant again
    assert len(_stages(w)) == 12

    w.clock.current = at("2026-12-08T01:00Z")
    kenji = member_id(w.desks.deals, "kenji")
    w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(12345), date(2026, 12, 8)))
    approve(w, "fumi", "payment")
    sweep(at("2026-12-09T00:00Z"))
    assert len(_stages(w)) == 12  # paid: no more reminders about it
    escalations = [row for row in ledger(w.sessions) if row[0] == "installment_escalation"]
    assert [(handle, state) for _, _, handle, _, state in escalations] == [
        ("fumi", "sent"),
        ("goro", "sent"),
        ("sato", "sent"),
    ]


def test_paid_and_later_installments_are_not_read(w: World) -> None:
    with w.sessions.begin() as session:
        assert list(unpaid_installments(session, 1, date(2026, 11, 30))) == []
        (due,) = unpaid_installments(session, 1, date(2026, 12, 31))
        assert (due.order_ref, due.number, due.left_minor, due.currency) == ("O-1", 1, 12345, "JPY")
        assert list(unpaid_installments(session, 2, date(2027, 12, 31))) == []  # Moscow


def test_the_digest_counts_and_sums_what_is_left_in_the_store(w: World) -> None:
    kenji = member_id(w.desks.deals, "kenji")
    w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(10000), date(2026, 11, 2)))
    approve(w, "fumi", "payment")
    with w.sessions.begin() as session:
        assert overdue_installments(session, 1, date(2026, 11, 30), 10) == (0, [], [])
        both = overdue_installments(session, 1, date(2027, 1, 1), 10)
        assert (both.installments, both.left) == (2, [("JPY", 2345 + 12345)])
        assert [(r.number, r.left_minor) for r in both.earliest] == [(1, 2345), (2, 12345)]
        assert overdue_installments(session, 1, date(2027, 1, 1), 1).earliest == both.earliest[:1]
        # The same as summing every row selling's other query reads.
        rows = summed(unpaid_installments)(session, 1, date(2027, 1, 1), 10)
        assert rows.installments == both.installments and rows.earliest == both.earliest
        assert sum(minor for _, minor in rows.left) == sum(minor for _, minor in both.left)
        assert overdue_installments(session, 2, date(2027, 12, 31), 10).installments == 0  # Moscow
