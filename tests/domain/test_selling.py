"""Selling (PRODUCT.md §3.2) through its desk, on SQLite and PostgreSQL: quotes and their
revisions, orders, payment plans, payments settling installments, shipments moving stock."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.core.money import Money
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.outbox.models import Notification
from dealbot.domain.products.models import StockMovement
from dealbot.domain.selling.payments import PaymentDraft
from dealbot.domain.selling.plans import PlanDraft
from support.deals import draft, member_id, outbox, report
from support.outbox import World, world
from support.selling import (
    SELLING,
    add_product,
    approve,
    line,
    on_hand,
    open_deal,
    quote_draft,
    request_of,
)
from support.store import FakeClock, load

YEN = "JPY"


@pytest.fixture
def w(sessions: SessionFactory, clock: FakeClock) -> World:
    load(sessions, SELLING)
    add_product(sessions, "PUMP-50", "Pump 50 l/min", 12345, on_hand=10)
    add_product(sessions, "VALVE-8", "Valve", 1999, on_hand=100)
    add_product(sessions, "EURO-1", "Imported gauge", 4500, currency="EUR", on_hand=5)
    return world(sessions, clock)


def who(w: World, handle: str) -> int:
    return member_id(w.desks.deals, handle)


def yen(amount: int) -> Money:
    return Money(Decimal(amount), YEN)


def accepted_quote(w: World) -> str:
    """D-1 with Q-1 (3 pumps at 12.5 % off, 7 valves) approved and accepted."""
    deal = open_deal(w)
    drafted = quote_draft(line("PUMP-50", 3, discount="12.5"), line("VALVE-8", 7))
    w.desks.selling.draft_quote(who(w, "kenji"), deal, drafted)
    approve(w, "sato", "quote")
    w.desks.selling.mark_accepted(who(w, "kenji"), "q1")
    return "Q-1"


def approved_order(w: World) -> str:
    accepted_quote(w)
    ref = w.desks.selling.make_order(who(w, "kenji"), "Q-1").ref
    approve(w, "sato", "order")
    return ref


def test_a_quote_totals_its_lines_rounded_half_up_and_asks_the_leader(w: World) -> None:
    deal = open_deal(w)
    drafted = quote_draft(line("PUMP-50", 3, discount="12.5"), line("valve-8", 7))

    receipt = w.desks.selling.draft_quote(who(w, "kenji"), deal, drafted)

    # 3 × 12,345 × 0.875 = 32,405.625 → ¥32,406; 7 × 1,999 (the product's price) = ¥13,993
    assert (receipt.ref, receipt.deal, receipt.amount) == ("Q-1", "D-1", yen(46399))
    quote = w.desks.selling.show_quote(who(w, "yui"), "Q-1")
    assert [
        (li.sku, li.quantity, li.unit_price, li.discount, li.amount) for li in quote.current.lines
    ] == [
        ("PUMP-50", 3, yen(12345), Decimal("12.5"), yen(32406)),
        ("VALVE-8", 7, yen(1999), Decimal(0), yen(13993)),
    ]
    assert quote.current.state == "pending" and quote.current.total == yen(46399)
    cards = [n for n in outbox(w.desks.deals) if n[0] == "approval_requested"]
    assert cards == [("approval_requested", "leader", "task", "sato")]
    with w.sessions.begin() as session:
        card = session.scalars(
            select(Notification).where(Notification.kind == "approval_requested")
        ).one()
        assert card.params["lines"] == [
            "PUMP-50 Pump 50 l/min: 3 × 12,345 JPY −12.5% = 32,406 JPY",
            "VALVE-8 Valve: 7 × 1,999 JPY = 13,993 JPY",
        ]


def test_half_a_cent_rounds_up_in_a_currency_with_cents(w: World) -> None:
    deal = w.desks.deals.open_deal(who(w, "kenji"), draft(money=Money.of(Decimal(100), "USD")))
    drafted = quote_draft(line("VALVE-8", 1, price="0.25", discount="50"))

    receipt = w.desks.selling.draft_quote(who(w, "kenji"), deal.ref, drafted)

    assert receipt.amount == Money(Decimal("0.13"), "USD")  # 0.125, half-up (not to even)


@pytest.mark.parametrize(
    ("lines", "field", "key"),
    [
        ((line("EURO-1", 1),), "unit_price.1", "error-quote-price-needed"),
        ((line("VALVE-8", 1), line("NOPE", 1)), "product.2", "error-product-unknown"),
        ((line("VALVE-8", 1, price="10.5"),), "unit_price.1", "error-amount-precision"),
        ((line("VALVE-8", 1, discount="100"),), "discount.1", "error-quote-total-zero"),
        ((line("VALVE-8", 1, discount="101"),), "discount.1", "error-percent"),
    ],
)
def test_a_bad_line_is_refused_at_its_own_field(
    w: World, lines: tuple[object, ...], field: str, key: str
) -> None:
    deal = open_deal(w)

    with pytest.raises(Invalid) as refused:
        w.desks.selling.draft_quote(who(w, "kenji"), deal, quote_draft(*lines))  # type: ignore[arg-type]

    assert (refused.value.key, refused.value.args_for_message["field"]) == (key, field)
    assert request_of_none(w)


def request_of_none(w: World) -> bool:
    return not [n for n in outbox(w.desks.deals) if n[0] == "approval_requested"]


def test_valid_until_is_today_or_later_in_the_team_zone(w: World) -> None:
    deal = open_deal(w)
    yesterday = date(2026, 11, 1)  # 2026-11-02 18:00 in Tokyo

    with pytest.raises(Invalid) as refused:
        w.desks.selling.draft_quote(
            who(w, "kenji"), deal, quote_draft(line("VALVE-8", 1), valid_until=yesterday)
        )

    assert refused.value.args_for_message["field"] == "valid_until"


def test_revisions_keep_their_history_and_go_to_approval_again(w: World) -> None:
    deal = open_deal(w)
    kenji = who(w, "kenji")
    w.desks.selling.draft_quote(kenji, deal, quote_draft(line("VALVE-8", 10)))
    with pytest.raises(Conflict) as early:
        w.desks.selling.mark_sent(kenji, "Q-1")
    assert early.value.key == "error-quote-pending"
    w.desks.approvals.decide(
        who(w, "sato"), request_of(w, "quote"), approve=False, comment="Too cheap"
    )
    revised = w.desks.selling.revise(kenji, "Q-1", quote_draft(line("VALVE-8", 10, price="2100")))
    assert (revised.ref, revised.amount) == ("Q-1 rev 2", yen(21000))
    approve(w, "sato", "quote")
    w.desks.selling.mark_sent(kenji, "q-1")
    third = w.desks.selling.revise(kenji, "Q1", quote_draft(line("VALVE-8", 12, price="2100")))
    approve(w, "sato", "quote")

    quote = w.desks.selling.show_quote(kenji, "Q-1")
    assert third.ref == "Q-1 rev 3" == quote.current.ref
    assert [(r.ref, r.state, r.total) for r in quote.revisions] == [
        ("Q-1", "revised", yen(19990)),
        ("Q-1 rev 2", "revised", yen(21000)),
        ("Q-1 rev 3", "approved", yen(25200)),
    ]
    first = quote.revisions[0].decisions[0]
    assert (first.state, first.by, first.comment) == ("rejected", "Sato Hanako", "Too cheap")

    # Accepting an approved revision that was not marked sent marks it sent too.
    w.desks.selling.mark_accepted(kenji, "Q-1")
    with w.sessions.begin() as session:
        from dealbot.domain.selling.models import QuoteRevision

        third_row = session.scalars(select(QuoteRevision).where(QuoteRevision.number == 3)).one()
        assert third_row.state == "accepted" and third_row.sent_at == third_row.accepted_at
    with pytest.raises(Conflict) as again:
        w.desks.selling.revise(kenji, "Q-1", quote_draft(line("VALVE-8", 1)))
    assert again.value.key == "error-quote-accepted"


def test_an_order_from_an_accepted_quote_wins_the_deal_and_asks_the_leader(w: World) -> None:
    accepted_quote(w)
    kenji = who(w, "kenji")

    order = w.desks.selling.make_order(kenji, "Q-1")

    assert (order.ref, order.amount) == ("O-1", yen(46399))
    assert w.desks.deals.show(kenji, "D-1").card.status == "won"
    kinds = [n[0] for n in outbox(w.desks.deals)]
    assert "deal_won" in kinds and kinds.count("approval_requested") == 2  # quote, order
    with pytest.raises(Conflict) as twice:
        w.desks.selling.make_order(kenji, "Q-1")
    assert twice.value.key == "error-order-exists"
    w.desks.approvals.decide(who(w, "sato"), request_of(w, "order"), approve=False, comment="No")
    with pytest.raises(Conflict) as rejected:
        w.desks.selling.plannable(kenji, "O-1")
    assert rejected.value.key == "error-order-rejected"
    assert w.desks.selling.make_order(kenji, "Q-1").ref == "O-1"  # asked for again
    approve(w, "sato", "order")
    assert w.desks.selling.show_order(kenji, "O-1").state == "approved"


def test_an_order_needs_the_customer_to_accept_first(w: World) -> None:
    deal = open_deal(w)
    w.desks.selling.draft_quote(who(w, "kenji"), deal, quote_draft(line("VALVE-8", 1)))
    approve(w, "sato", "quote")

    with pytest.raises(Conflict) as refused:
        w.desks.selling.make_order(who(w, "kenji"), "Q-1")

    assert refused.value.key == "error-order-needs-accepted"


def test_equal_monthly_installments_put_the_remainder_on_the_last(w: World) -> None:
    approved_order(w)
    kenji = who(w, "kenji")

    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=4, first_due=date(2027, 1, 31)))

    plan = w.desks.selling.show_order(kenji, "O-1").installments
    # 46,399 / 4 = 11,599 three times and 11,602; the 31st falls back to the month's last day.
    assert [(i.due_date, i.amount) for i in plan] == [
        (date(2027, 1, 31), yen(11599)),
        (date(2027, 2, 28), yen(11599)),
        (date(2027, 3, 31), yen(11599)),
        (date(2027, 4, 30), yen(11602)),
    ]


def test_typed_installments_must_add_up_to_the_total(w: World) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    typed = ((date(2026, 12, 1), Decimal(40000)), (date(2027, 1, 1), Decimal(6000)))

    with pytest.raises(Invalid) as refused:
        w.desks.selling.set_plan(kenji, "O-1", PlanDraft(typed=typed))
    assert refused.value.key == "error-plan-sum"
    assert refused.value.args_for_message["sum"] == Decimal(46000)

    right = ((date(2027, 1, 1), Decimal(6399)), (date(2026, 12, 1), Decimal(40000)))
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(typed=right))
    plan = w.desks.selling.show_order(kenji, "O-1").installments
    assert [(i.due_date, i.amount) for i in plan] == [
        (date(2026, 12, 1), yen(40000)),
        (date(2027, 1, 1), yen(6399)),
    ]


def test_payments_settle_installments_oldest_first_until_the_order_is_paid(w: World) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=3, first_due=date(2026, 12, 1)))
    # 15,466 + 15,466 + 15,467

    first = PaymentDraft(Decimal(20000), date(2026, 11, 2), "Wire from Acme")
    w.desks.selling.record_payment(kenji, "O-1", first)
    with pytest.raises(Invalid) as too_much:
        w.desks.selling.record_payment(
            kenji, "O-1", PaymentDraft(Decimal(26400), date(2026, 11, 2))
        )
    assert too_much.value.args_for_message["left"] == Decimal(26399)  # waiting ones count
    approve(w, "goro", "payment")

    order = w.desks.selling.show_order(kenji, "O-1")
    assert [(i.paid, i.left) for i in order.installments] == [
        (yen(15466), yen(0)),
        (yen(4534), yen(10932)),
        (yen(0), yen(15467)),
    ]
    assert (order.paid, order.left, order.paid_at) == (yen(20000), yen(26399), None)
    with pytest.raises(Conflict):  # the plan stays once something is paid
        w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=2, first_due=date(2026, 12, 1)))

    w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(5000), date(2026, 11, 2)))
    w.desks.approvals.decide(
        who(w, "fumi"), request_of(w, "payment"), approve=False, comment="Not on the bank statement"
    )
    w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(26399), date(2026, 11, 2)))
    approve(w, "fumi", "payment")

    paid = w.desks.selling.show_order(kenji, "O-1")
    assert all(i.is_paid for i in paid.installments) and paid.left == yen(0)
    assert paid.paid_at is not None
    assert [(p.amount, p.state) for p in paid.payments] == [
        (yen(20000), "approved"),
        (yen(5000), "rejected"),
        (yen(26399), "approved"),
    ]
    assert paid.payments[1].decision is not None
    assert paid.payments[1].decision.comment == "Not on the bank statement"
    assert w.desks.selling.installments_due(date(2030, 1, 1)) == []


def test_a_payment_is_received_on_a_day_that_has_come_in_the_team_zone(w: World) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=1, first_due=date(2026, 12, 1)))

    with pytest.raises(Invalid) as refused:
        w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(1), date(2026, 11, 3)))

    assert refused.value.args_for_message["field"] == "received_on"


def test_the_reminders_read_what_is_due_and_left(w: World, clock: FakeClock) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=2, first_due=date(2026, 12, 1)))
    w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(1000), date(2026, 11, 2)))
    approve(w, "fumi", "payment")

    due = w.desks.selling.installments_due(date(2026, 12, 1))

    assert [(d.order, d.deal, d.due_date, d.left) for d in due] == [
        ("O-1", "D-1", date(2026, 12, 1), yen(23199 - 1000))
    ]
    assert due[0].owner_id == kenji


def test_the_warehouse_confirmation_moves_the_stock_one_movement_per_line(w: World) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    with pytest.raises(Conflict) as early:
        w.desks.selling.mark_invoiced(kenji, "O-1")
    assert early.value.key == "error-order-not-shipped"

    w.desks.selling.request_shipment(kenji, "O-1")
    with pytest.raises(Conflict) as twice:
        w.desks.selling.request_shipment(kenji, "O-1")
    assert twice.value.key == "error-shipping-requested"
    assert on_hand(w.sessions, "PUMP-50") == 10  # nothing is reserved before the warehouse
    assert [n[3] for n in outbox(w.desks.deals) if n[0] == "approval_requested"][-1] == "wang"
    approve(w, "wang", "shipment")

    assert (on_hand(w.sessions, "PUMP-50"), on_hand(w.sessions, "VALVE-8")) == (7, 93)
    stock = w.desks.products.stock(kenji, "PUMP-50")
    latest = stock.movements[0]
    assert (latest.quantity, latest.on_hand_after, latest.actor, latest.reason) == (
        -3,
        7,
        "Wang Lei",
        "shipment:O-1",
    )
    assert w.desks.selling.show_order(kenji, "O-1").shipping == "shipped"
    w.desks.selling.mark_invoiced(kenji, "O-1")
    with pytest.raises(Conflict):
        w.desks.selling.mark_invoiced(kenji, "O-1")
    with pytest.raises(Conflict) as shipped:
        w.desks.selling.request_shipment(kenji, "O-1")
    assert shipped.value.key == "error-shipping-shipped"


def test_a_shipment_larger_than_the_stock_cannot_be_confirmed(w: World) -> None:
    deal = open_deal(w)
    kenji = who(w, "kenji")
    w.desks.selling.draft_quote(kenji, deal, quote_draft(line("VALVE-8", 5), line("PUMP-50", 11)))
    approve(w, "sato", "quote")
    w.desks.selling.mark_accepted(kenji, "Q-1")
    w.desks.selling.make_order(kenji, "Q-1")
    approve(w, "sato", "order")
    w.desks.selling.request_shipment(kenji, "O-1")

    with pytest.raises(Conflict) as refused:
        approve(w, "wang", "shipment")

    assert refused.value.key == "error-shipment-short"
    assert refused.value.args_for_message == {
        "ref": "O-1",
        "sku": "PUMP-50",
        "on_hand": 10,
        "needed": 11,
    }
    assert (on_hand(w.sessions, "VALVE-8"), on_hand(w.sessions, "PUMP-50")) == (100, 10)
    with w.sessions.begin() as session:
        assert len(session.scalars(select(StockMovement)).all()) == 3  # the imports alone
    # Nothing was decided: the request waits, and the card was not changed.
    waiting = w.desks.approvals.waiting(who(w, "wang"))
    assert [v.kind for v in waiting] == ["shipment"]
    closed = [n[0] for n in outbox(w.desks.deals)].count("approval_closed")
    assert closed == 2  # the quote's card and the order's, not the shipment's


@pytest.mark.parametrize(
    ("who_clicks", "why"),
    [
        ("kenji", "error-approval-own"),  # the requester, pressing the leader's Approve
        ("yui", "error-approval-not-yours"),  # a teammate
        ("ivan", "error-approval-not-yours"),  # another team's leader
        ("fumi", "error-approval-not-yours"),  # finance decides payments, not quotes
    ],
)
def test_misdirected_clicks_change_nothing(w: World, who_clicks: str, why: str) -> None:
    deal = open_deal(w)
    w.desks.selling.draft_quote(who(w, "kenji"), deal, quote_draft(line("VALVE-8", 1)))

    with pytest.raises(NotAllowed) as refused:
        approve(w, who_clicks, "quote")

    assert refused.value.key == why
    assert w.desks.selling.show_quote(who(w, "kenji"), "Q-1").current.state == "pending"
    with pytest.raises(NotFound):  # a request id nobody has
        w.desks.approvals.decide(who(w, "sato"), request_of(w, "quote") + 99, approve=True)


def test_a_payment_is_for_this_teams_finance_only(w: World) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=1, first_due=date(2026, 12, 1)))
    w.desks.selling.record_payment(kenji, "O-1", PaymentDraft(Decimal(100), date(2026, 11, 2)))

    for outsider in ("nina", "sato", "wang"):
        with pytest.raises(NotAllowed):
            approve(w, outsider, "payment")

    assert w.desks.selling.show_order(kenji, "O-1").paid == yen(0)


def test_a_leaders_own_quote_goes_to_the_admins(w: World) -> None:
    deal = open_deal(w, by="sato")
    w.desks.selling.draft_quote(who(w, "sato"), deal, quote_draft(line("VALVE-8", 1)))

    with pytest.raises(NotAllowed):
        approve(w, "sato", "quote")
    approve(w, "root", "quote")

    assert w.desks.selling.show_quote(who(w, "sato"), "Q-1").current.state == "approved"


def test_only_the_deal_side_may_sell_and_other_teams_see_nothing(w: World) -> None:
    deal = open_deal(w)
    with pytest.raises(NotAllowed):
        w.desks.selling.draft_quote(who(w, "yui"), deal, quote_draft(line("VALVE-8", 1)))
    w.desks.selling.draft_quote(who(w, "sato"), deal, quote_draft(line("VALVE-8", 1)))
    with pytest.raises(NotFound):
        w.desks.selling.show_quote(who(w, "olga"), "Q-1")
    with pytest.raises(NotAllowed):
        w.desks.selling.mark_sent(who(w, "yui"), "Q-1")


def test_a_lost_deal_closes_its_waiting_quote(w: World) -> None:
    deal = open_deal(w)
    kenji = who(w, "kenji")
    w.desks.selling.draft_quote(kenji, deal, quote_draft(line("VALVE-8", 1)))

    w.desks.deals.report_progress(kenji, report(deal, ProgressStatus.LOST, lost_reason="price"))

    assert w.desks.selling.show_quote(kenji, "Q-1").current.state == "closed"
    with pytest.raises(Conflict) as refused:
        w.desks.selling.revise(kenji, "Q-1", quote_draft(line("VALVE-8", 1)))
    assert refused.value.key == "error-selling-deal-lost"
    assert w.desks.approvals.waiting(who(w, "sato")) == []


def test_the_steps_land_in_the_deals_timeline(w: World, clock: FakeClock) -> None:
    approved_order(w)
    kenji = who(w, "kenji")
    clock.advance(hours=1)
    w.desks.selling.set_plan(kenji, "O-1", PlanDraft(count=1, first_due=date(2026, 12, 1)))

    timeline = w.desks.deals.show(kenji, "D-1").timeline
    keys = [t.details["key"] for t in timeline if t.details]
    assert keys == [
        "timeline-approval-requested",
        "timeline-approval-approved",
        "timeline-quote-accepted",
        "timeline-approval-requested",
        "timeline-approval-approved",
        "timeline-plan-set",
    ]
    assert [t.details["args"].get("approval_kind") for t in timeline if t.details][:2] == [
        "quote",
        "quote",
    ]
    assert clock.now() - timeline[-1].at < timedelta(seconds=1)
