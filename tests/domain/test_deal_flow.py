"""PRODUCT.md §2 through the use cases, on SQLite and PostgreSQL: who is told what."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dealbot.bot.directory_file import SAMPLE, parse_directory
from dealbot.domain.core.desk import PeopleDesk
from dealbot.domain.core.directory import sync_directory
from dealbot.domain.core.errors import Conflict, Invalid, NotAllowed, NotFound
from dealbot.domain.core.money import MAX_AMOUNT, Money
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import CompanySize, Industry, ProgressStatus
from dealbot.domain.deals.queries import SearchFilters
from support.deals import draft, member_id, outbox, outbox_params, report
from support.store import TEAMS, FakeClock, load


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


def test_nobody_gets_a_dm_about_what_they_did_themselves(desk: DealDesk) -> None:
    sato = member_id(desk, "sato")  # the leader opens a deal of their own

    card = desk.open_deal(sato, draft())
    desk.report_progress(sato, report(card.ref, ProgressStatus.WON))

    assert outbox(desk) == [
        ("deal_opened", "feed", "post", None),
        ("deal_won", "feed", "broadcast", None),
    ]


def test_the_lost_reason_goes_only_to_those_allowed_to_read_it_whatever_the_routing(
    desk: DealDesk,
) -> None:
    routing = '[teams.routing]\ndeal_lost = ["leader:dm", "finance:dm", "admins:dm"]\n'
    config = TEAMS.replace(
        'slack_channel = "C0TOKYO01"\n', f'slack_channel = "C0TOKYO01"\n{routing}'
    )
    config += (
        '\n[[members]]\nhandle = "fumi"\nname = "Fumi"\nteam = "Tokyo Sales"\nroles = ["finance"]\n'
    )
    load(desk.sessions, config)
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())

    desk.report_progress(kenji, report(card.ref, ProgressStatus.LOST, lost_reason="Too dear"))

    lost = [row for row in outbox(desk) if row[0] == "deal_lost"]
    assert lost == [
        ("deal_lost", "leader", "dm", "sato"),
        ("deal_lost", "finance", "dm", "fumi"),
        ("deal_lost", "admins", "dm", "root"),
    ]
    reasons = [p.get("lost_reason") for p in outbox_params(desk, "deal_lost")]
    assert reasons == ["Too dear", None, "Too dear"]


def test_the_leader_may_report_on_the_teams_deals_and_nobody_else_besides_the_owner(
    desk: DealDesk,
) -> None:
    card = desk.open_deal(member_id(desk, "kenji"), draft())

    desk.report_progress(member_id(desk, "sato"), report(card.ref, ProgressStatus.NEGOTIATION))

    with pytest.raises(NotAllowed):
        desk.report_progress(member_id(desk, "yui"), report(card.ref, ProgressStatus.WON))
    with pytest.raises(NotFound):
        desk.report_progress(member_id(desk, "ivan"), report(card.ref, ProgressStatus.WON))


def test_a_deal_is_checked_before_any_question(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")
    card = desk.open_deal(kenji, draft())
    desk.report_progress(kenji, report(card.ref, ProgressStatus.WON))

    with pytest.raises(Conflict):
        desk.reportable(kenji, card.ref)
    with pytest.raises(NotFound):
        desk.reportable(kenji, "12")  # a bare number is never read as a reference
    with pytest.raises(NotFound):
        desk.reportable(kenji, "D-999")
    open_card = desk.open_deal(kenji, draft())
    assert desk.reportable(kenji, f"d{open_card.id}").ref == open_card.ref
    assert desk.reportable(kenji, f"#{open_card.id}").ref == open_card.ref


def test_closing_a_deal_closes_its_open_tasks_and_refuses_their_buttons(desk: DealDesk) -> None:
    kenji, sato = member_id(desk, "kenji"), member_id(desk, "sato")
    card = desk.open_deal(kenji, draft())
    (task,) = desk.waiting_tasks(sato)

    desk.report_progress(kenji, report(card.ref, ProgressStatus.LOST, lost_reason="budget"))

    assert desk.waiting_tasks(sato) == []
    with pytest.raises(Conflict) as refused:
        desk.give_advice(sato, task.task_id, "too late")
    assert refused.value.key == "error-task-deal-closed"
    assert [e for e, *_ in outbox(desk)].count("advice_given") == 0


def test_an_expected_close_date_in_the_past_is_refused(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")

    with pytest.raises(Invalid) as refused:
        desk.open_deal(kenji, draft(expected_close=date(2026, 11, 1)))

    assert refused.value.args_for_message["field"] == "expected_close"
    assert desk.open_deal(kenji, draft(expected_close=date(2026, 11, 2))).expected_close


def test_text_keeps_what_was_typed_but_not_what_the_store_refuses(desk: DealDesk) -> None:
    kenji = member_id(desk, "kenji")

    card = desk.open_deal(kenji, draft(title="Fork\x00lifts\x07 🚜", notes="line 1\r\nline 2"))

    assert desk.show(kenji, card.ref).card.title == "Forklifts 🚜"
    assert desk.show(kenji, card.ref).notes == "line 1\nline 2"


def test_amounts_beyond_what_the_store_holds_exactly_are_refused_with_the_limit() -> None:
    with pytest.raises(Invalid) as refused:
        Money.of(Decimal("1000000000000"), "USD")

    assert refused.value.key == "error-amount-too-large"
    assert refused.value.args_for_message["limit"] == MAX_AMOUNT


def test_a_member_left_out_of_the_file_is_deactivated_and_keeps_their_deals(
    desk: DealDesk,
) -> None:
    with_ids = TEAMS.replace('handle = "yui"', 'handle = "yui"\nslack_user = "U0YUI0001"')
    load(desk.sessions, with_ids)
    yui = member_id(desk, "yui")
    card = desk.open_deal(yui, draft())
    without_yui = with_ids.replace(
        '[[members]]\nhandle = "yui"\nslack_user = "U0YUI0001"\nname = "Yui Mori"\n'
        'team = "Tokyo Sales"\nroles = ["sales"]\n',
        "",
    )
    assert "yui" not in without_yui

    load(desk.sessions, without_yui)

    with pytest.raises(NotFound):
        member_id(desk, "yui")
    with pytest.raises(NotFound):
        PeopleDesk(desk.sessions).person(slack_user="U0YUI0001")
    assert desk.show(member_id(desk, "kenji"), card.ref).card.owner == "Yui Mori"


def test_the_sample_team_does_not_switch_off_a_real_team(desk: DealDesk) -> None:
    teams, members = parse_directory(SAMPLE)
    with desk.sessions.begin() as session:
        sync_directory(session, teams, members, deactivate_missing=False)

    assert member_id(desk, "kenji") and member_id(desk, "lena")
