"""PRODUCT.md §2 through the use cases, on SQLite and PostgreSQL: who is told what."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dealbot.domain.desk import DealDesk
from dealbot.domain.enums import CompanySize, Industry, ProgressStatus
from dealbot.domain.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.money import Money
from dealbot.domain.queries import SearchFilters
from support.deals import draft, member_id, outbox, outbox_params, report
from support.store import FakeClock


def test_opening_posts_to_the_feed_and_asks_only_the_leader_for_advice(desk: DealDesk) -> None:
    card = desk.open_deal(member_id(desk, "kenji"), draft(title="Forklifts"))

    assert card.ref == f"D-{card.id}"
    assert outbox(desk) == [
        ("deal_opened", "feed", "post", None),
        ("deal_opened", "leader", "task", "sato"),
    ]
    waiting = desk.waiting_tasks(member_id(desk, "sato"))
    assert [(w.deal.ref, w.deal.title) for w in waiting] == [(card.ref, "Forklifts")]
    assert desk.waiting_tasks(member_id(desk, "yui")) == []


def test_advice_reaches_the_owner_and_the_thread_and_closes_the_task(desk: DealDesk) -> None:
    card = desk.open_deal(member_id(desk, "kenji"), draft())
    task = desk.waiting_tasks(member_id(desk, "sato"))[0]

    desk.give_advice(member_id(desk, "sato"), task.task_id, "Bring the CFO")

    assert outbox(desk)[2:] == [
        ("advice_given", "feed", "thread", None),
        ("advice_given", "owner", "dm", "kenji"),
    ]
    assert [p["advice"] for p in outbox_params(desk, "advice_given")] == ["Bring the CFO"] * 2
    assert desk.waiting_tasks(member_id(desk, "sato")) == []
    timeline = desk.show(member_id(desk, "yui"), card.ref).timeline
    assert [(i.kind, i.notes) for i in timeline] == [("opened", None), ("advice", "Bring the CFO")]


def test_only_the_assigned_leader_may_advise_and_only_once(desk: DealDesk) -> None:
    desk.open_deal(member_id(desk, "kenji"), draft())
    task = desk.waiting_tasks(member_id(desk, "sato"))[0]

    with pytest.raises(NotAllowed):
        desk.give_advice(member_id(desk, "yui"), task.task_id, "me too")
    desk.give_advice(member_id(desk, "sato"), task.task_id, "first")
    with pytest.raises(Conflict):
        desk.give_advice(member_id(desk, "sato"), task.task_id, "second")
    assert [e for e, *_ in outbox(desk)].count("advice_given") == 2


def test_log_only_reaches_nobody_and_negotiation_reaches_the_feed_thread(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())
    before = outbox(desk)

    desk.report_progress(kenji, report(card.ref, ProgressStatus.LOG_ONLY, notes="called"))
    assert outbox(desk) == before

    desk.report_progress(kenji, report(card.ref, ProgressStatus.NEGOTIATION, notes="quote"))
    assert outbox(desk)[len(before) :] == [("progress_shared", "feed", "thread", None)]
    assert desk.show(kenji, card.ref).card.status == "negotiation"


def test_won_reaches_the_feed_and_the_leader(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())

    desk.report_progress(kenji, report(card.ref, ProgressStatus.WON))

    assert outbox(desk)[2:] == [
        ("deal_won", "feed", "broadcast", None),
        ("deal_won", "leader", "dm", "sato"),
    ]


def test_lost_reaches_only_the_leader_never_the_feed(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())

    desk.report_progress(kenji, report(card.ref, ProgressStatus.LOST, lost_reason="Too dear"))

    lost = [row for row in outbox(desk) if row[0] == "deal_lost"]
    assert lost == [("deal_lost", "leader", "dm", "sato")]
    assert [p["lost_reason"] for p in outbox_params(desk, "deal_lost")] == ["Too dear"]


def test_lost_needs_a_reason_and_loses_nothing(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())

    with pytest.raises(Invalid) as refused:
        desk.report_progress(kenji, report(card.ref, ProgressStatus.LOST, lost_reason="  "))

    assert refused.value.args_for_message["field"] == "lost_reason"
    assert desk.show(kenji, card.ref).card.status == "open"


def test_a_teammate_does_not_see_the_lost_reason_but_leader_owner_admin_do(
    desk: DealDesk,
) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())
    desk.report_progress(
        kenji, report(card.ref, ProgressStatus.LOST, notes="they chose X", lost_reason="Price")
    )

    teammate = desk.show(member_id(desk, "yui"), card.ref)
    assert teammate.lost_reason is None
    assert [i.notes for i in teammate.timeline if i.kind == "lost"] == [None]
    for who in ("kenji", "sato", "root"):
        assert desk.show(member_id(desk, who), card.ref).lost_reason == "Price"


def test_closed_deals_take_no_more_reports(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())
    desk.report_progress(kenji, report(card.ref, ProgressStatus.WON))

    with pytest.raises(Conflict):
        desk.report_progress(kenji, report(card.ref, ProgressStatus.LOST, lost_reason="x"))


def test_only_the_owner_reports_and_other_teams_cannot_see_the_deal(desk: DealDesk) -> None:
    card = desk.open_deal(member_id(desk, "kenji"), draft())

    with pytest.raises(NotAllowed):
        desk.report_progress(member_id(desk, "yui"), report(card.ref, ProgressStatus.WON))
    with pytest.raises(NotFound):
        desk.show(member_id(desk, "olga"), card.ref)
    with pytest.raises(NotFound):
        desk.show(member_id(desk, "kenji"), "D-999")


def test_user_text_is_stored_exactly_as_typed(desk: DealDesk) -> None:
    name = "<b>AT&T</b> <!channel> 🚀"
    card = desk.open_deal(member_id(desk, "kenji"), draft(customer=name, title=name))

    shown = desk.show(member_id(desk, "yui"), card.ref).card
    assert (shown.customer, shown.title) == (name, name)


def test_money_is_exact_and_times_are_utc(desk: DealDesk, clock: FakeClock) -> None:
    money = Money.of(Decimal("1234567.89"), "USD")
    card = desk.open_deal(member_id(desk, "kenji"), draft(money=money))

    shown = desk.show(member_id(desk, "kenji"), card.ref).card
    assert shown.money == money
    assert shown.opened_at == clock.now()
    assert shown.opened_at.utcoffset() is not None and not shown.opened_at.utcoffset()


def _seed_for_search(desk: DealDesk, clock: FakeClock) -> dict[str, str]:
    kenji, yui = member_id(desk, "kenji"), member_id(desk, "yui")
    refs = {
        "soft-small": desk.open_deal(
            kenji, draft(title="CRM", industry=Industry.SOFTWARE, company_size=CompanySize.SMALL)
        ).ref,
        "soft-large": desk.open_deal(
            yui, draft(title="ERP", industry=Industry.SOFTWARE, company_size=CompanySize.LARGE)
        ).ref,
    }
    clock.advance(days=10)
    refs["retail-small"] = desk.open_deal(
        kenji, draft(title="POS", industry=Industry.RETAIL, company_size=CompanySize.SMALL)
    ).ref
    desk.open_deal(member_id(desk, "olga"), draft(industry=Industry.SOFTWARE))
    desk.report_progress(kenji, report(refs["soft-small"], ProgressStatus.WON))
    desk.report_progress(yui, report(refs["soft-large"], ProgressStatus.LOST, lost_reason="x"))
    return refs


def test_search_by_industry_size_status_owner_period_and_text(
    desk: DealDesk, clock: FakeClock
) -> None:
    refs = _seed_for_search(desk, clock)
    kenji = member_id(desk, "kenji")

    def found(**filters: object) -> set[str]:
        return {c.ref for c in desk.search(kenji, SearchFilters(**filters))}  # type: ignore[arg-type]

    assert found(industry=Industry.SOFTWARE) == {refs["soft-small"], refs["soft-large"]}
    assert found(company_size=CompanySize.SMALL) == {refs["soft-small"], refs["retail-small"]}
    assert found(industry=Industry.SOFTWARE, company_size=CompanySize.SMALL) == {refs["soft-small"]}
    assert found(owner="yui") == {refs["soft-large"]}
    assert found(text="pos") == {refs["retail-small"]}
    assert found(opened_from=date(2026, 11, 10)) == {refs["retail-small"]}
    assert found(opened_to=date(2026, 11, 2)) == {refs["soft-small"], refs["soft-large"]}


def test_stats_count_win_rate_amounts_and_funnel_within_the_team(
    desk: DealDesk, clock: FakeClock
) -> None:
    _seed_for_search(desk, clock)

    stats = desk.stats(member_id(desk, "kenji"), SearchFilters())

    assert (stats.total.deals, stats.total.won, stats.total.lost) == (3, 1, 1)
    assert stats.total.win_rate == 0.5
    assert stats.total.amounts == {"JPY": Decimal("3600000")}
    software = next(g for g in stats.by_industry if g.key == "software")
    assert (software.deals, software.won, software.lost) == (2, 1, 1)
    small = next(g for g in stats.by_company_size if g.key == CompanySize.SMALL.value)
    assert (small.deals, small.won) == (2, 1)
    assert stats.funnel == (("open", 3), ("negotiation", 1), ("won", 1))
    everyone = desk.stats(member_id(desk, "root"), SearchFilters())
    assert everyone.total.deals == 4
