"""Reminder sweeps (PRODUCT.md §5) on SQLite and PostgreSQL, with instants the tests choose:
each team at its local hour, key dates, contracts, stock, once per occasion, catch-up."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from dealbot.domain.core.models import Team
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.products.use_cases import move_stock
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.reminders.models import Reminder
from support.reminders import (
    add_contract,
    add_customer,
    add_product,
    addresses,
    at,
    ledger,
    setup,
    told,
)
from support.store import FakeClock


def test_a_tokyo_team_is_reminded_at_nine_in_the_morning_japan_time(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 1))

    desk.sweep(at("2027-02-28T23:59Z"))  # 08:59 JST on 1 March
    assert told(sessions) == []

    report = desk.sweep(at("2027-03-01T00:00Z"))  # 09:00 JST
    (note,) = told(sessions)
    assert note.kind == "reminder_key_dates" and note.handle == "kenji"
    (item,) = note.items
    assert item["kind"] == "founded" and item["years"] == 26 and item["late"] is False
    assert (report.teams[0].team, report.teams[0].day) == ("Tokyo Sales", date(2027, 3, 1))

    desk.sweep(at("2027-03-01T00:00Z"))  # the same instant again
    desk.sweep(at("2027-03-01T05:00Z"))  # and later that day
    assert len(told(sessions)) == 1
    assert ledger(sessions) == [
        ("founded", "C-1 Acme", "kenji", date(2027, 3, 1), "sent"),
    ]


def test_a_new_york_team_at_nine_local_time_on_both_sides_of_the_clock_change(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(sessions, "New York Sales", "Before", owner="ned", founded=date(1990, 3, 13))
    add_customer(sessions, "New York Sales", "After", owner="ned", founded=date(1990, 3, 15))

    desk.sweep(at("2027-03-13T13:59Z"))  # 08:59 EST
    assert told(sessions) == []
    desk.sweep(at("2027-03-13T14:00Z"))  # 09:00 EST
    assert [n.items[0]["customer"] for n in told(sessions)] == ["Before"]

    desk.sweep(at("2027-03-15T12:59Z"))  # 08:59 EDT: 14 March is reached, 15 March not yet
    assert len(told(sessions)) == 1
    desk.sweep(at("2027-03-15T13:00Z"))  # 09:00 EDT
    assert [n.items[0]["customer"] for n in told(sessions)] == ["Before", "After"]
    assert all(not n.items[0]["late"] for n in told(sessions))


def test_a_29_february_birthday_is_on_28_february_in_a_common_year_and_days_before(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(
        sessions,
        "Tokyo Sales",
        "Leap Ltd",
        owner="yui",
        contact="Ivan Petrov",
        contact_birthday=date(1988, 2, 29),
    )
    desk.sweep(at("2027-02-25T00:00Z"))  # three days before (key_date_days = 3)
    desk.sweep(at("2027-02-27T00:00Z"))
    desk.sweep(at("2027-02-28T00:00Z"))  # the day itself in 2027
    desk.sweep(at("2027-03-01T00:00Z"))
    notes = told(sessions)
    assert [(n.handle, n.items[0]["date"], n.items[0]["stage"]) for n in notes] == [
        ("yui", "2027-02-28", "soon"),
        ("yui", "2027-02-28", "today"),
    ]
    assert notes[0].items[0]["contact"] == "Ivan Petrov"

    desk.sweep(at("2028-02-29T00:00Z"))  # a leap year: on the 29th
    assert told(sessions)[-1].items[0]["date"] == "2028-02-29"


def test_a_contract_is_reminded_30_days_before_its_end_once(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    acme = add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji")
    add_contract(sessions, acme, "Maintenance 2026", date(2027, 3, 31))

    desk.sweep(at("2027-02-28T00:00Z"))  # 31 days before
    assert told(sessions) == []
    desk.sweep(at("2027-03-01T00:00Z"))  # 30 days before, 09:00 JST
    desk.sweep(at("2027-03-02T00:00Z"))
    desk.sweep(at("2027-03-20T00:00Z"))
    (note,) = told(sessions)
    assert note.kind == "reminder_contracts" and note.handle == "kenji"
    assert note.items[0] | {} == {
        "kind": "contract_end",
        "title": "Maintenance 2026",
        "ref": f"C-{acme}",
        "customer": "Acme",
        "ends_on": "2027-03-31",
        "due": "2027-03-01",
        "late": False,
    }


def test_a_contract_added_inside_the_30_days_is_reminded_at_once(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    acme = add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji")
    desk.sweep(at("2027-03-01T00:00Z"))
    add_contract(sessions, acme, "Short one", date(2027, 3, 11))
    desk.sweep(at("2027-03-01T03:00Z"))
    (note,) = told(sessions)
    assert note.items[0]["title"] == "Short one"


def test_a_customer_without_an_owner_has_its_reminders_sent_to_the_leader(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(sessions, "Tokyo Sales", "Orphan KK", first_contract=date(2020, 3, 4))
    desk.sweep(at("2027-03-01T00:00Z"))
    (note,) = told(sessions)
    assert note.handle == "sato" and note.items[0]["kind"] == "first_contract"


def test_reminders_go_to_direct_messages_only_never_to_a_feed(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 1))
    add_customer(sessions, "Tokyo Sales", "Orphan", founded=date(2001, 3, 1))
    desk.sweep(at("2027-03-01T00:00Z"))
    assert addresses(sessions) == {"U0KENJI01", "2002", "U0SATO001"}  # no C0TOKYO01


def test_stock_below_its_minimum_goes_to_every_warehouse_member_once_per_crossing(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    pump = add_product(sessions, "PUMP-50", minimum=5, maximum=100)

    def move(quantity: int, when: str = "2027-03-01T12:00Z") -> None:
        with sessions.begin() as session:
            move_stock(session, pump, quantity, "test", None, at(when))

    move(20)
    desk.sweep(at("2027-03-01T12:01Z"))
    assert told(sessions) == []
    move(-17)  # 3 on hand: below the minimum, at 21:00 JST and 07:00 EST
    desk.sweep(at("2027-03-01T12:05Z"))  # Tokyo's hour came today: its warehouse hears now
    desk.sweep(at("2027-03-01T12:10Z"))
    notes = told(sessions)
    assert [(n.handle, n.items[0]["kind"], n.items[0]["on_hand"]) for n in notes] == [
        ("soko", "stock_low", 3)
    ]
    desk.sweep(at("2027-03-01T14:00Z"))  # 09:00 in New York: its warehouse hears now
    desk.sweep(at("2027-03-02T14:00Z"))  # still low the next day: nothing again
    assert [n.handle for n in told(sessions)] == ["soko", "wendy"]
    assert told(sessions)[1].items[0]["late"] is False

    move(10, "2027-03-03T13:00Z")  # recovered
    move(-12, "2027-03-03T13:00Z")  # and fell again: a new crossing
    desk.sweep(at("2027-03-03T14:00Z"))
    assert [n.handle for n in told(sessions)] == ["soko", "wendy", "soko", "wendy"]
    move(200, "2027-03-04T13:00Z")  # above the maximum
    desk.sweep(at("2027-03-04T14:00Z"))
    assert [n.items[0]["kind"] for n in told(sessions)[-2:]] == ["stock_high", "stock_high"]


def test_a_limit_changed_without_a_movement_is_noticed_by_the_sweep(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    from dealbot.domain.products.models import Product

    desk = setup(sessions, clock)
    add_product(sessions, "BOLT", minimum=None, maximum=None)
    desk.sweep(at("2027-03-01T03:00Z"))
    with sessions.begin() as session:
        session.execute(update(Product).values(minimum=1))
    clock.current = at("2027-03-01T04:00Z")
    desk.sweep(at("2027-03-01T04:00Z"))  # 13:00 JST, 23:00 EST: both hours came that day
    assert [(n.handle, n.items[0]["sku"]) for n in told(sessions)] == [
        ("soko", "BOLT"),
        ("wendy", "BOLT"),
    ]


def test_a_muted_kind_is_recorded_and_not_sent_and_unmuting_does_not_bring_it_back(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    from support.reminders import ids

    desk = setup(sessions, clock)
    kenji = ids(sessions)["kenji"]
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 1))
    add_customer(sessions, "Tokyo Sales", "Beta", owner="kenji", founded=date(2001, 3, 2))
    assert desk.mute(kenji, "key_dates") == ["key_dates"]
    assert desk.mute(kenji, "KEY-DATES") == ["key_dates"]  # twice is once
    desk.sweep(at("2027-03-01T00:00Z"))
    assert told(sessions) == []
    assert desk.unmute(kenji, "key_dates") == []
    desk.sweep(at("2027-03-01T01:00Z"))
    assert told(sessions) == []
    desk.sweep(at("2027-03-02T00:00Z"))
    assert [n.items[0]["customer"] for n in told(sessions)] == ["Beta"]
    states = {(label, state) for _, label, _, _, state in ledger(sessions)}
    assert ("C-1 Acme", "muted") in states and ("C-2 Beta", "sent") in states


def test_a_week_down_sends_each_missed_reminder_once_marked_late_and_nothing_older(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    # Tokyo: founded on 5 March (reminded 2 March and 5 March), a birthday on 24 February.
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 5))
    add_customer(sessions, "Tokyo Sales", "Old", owner="kenji", contact_birthday=date(1970, 2, 24))
    desk.sweep(at("2027-02-20T00:00Z"))  # the bot runs on 20 February...
    assert told(sessions) == []

    desk.sweep(at("2027-03-06T00:30Z"))  # ...and next on 6 March, 09:30 JST
    notes = told(sessions)
    assert [(n.handle, n.items[0]["customer"], n.items[0]["late"]) for n in notes] == [
        ("kenji", "Acme", True)  # the latest occasion (the day itself), once, late
    ]
    assert notes[0].items[0]["due"] == "2027-03-05"
    rows = {(label, day, state) for _, label, _, day, state in ledger(sessions)}
    assert rows == {
        ("C-1 Acme", date(2027, 3, 2), "superseded"),
        ("C-1 Acme", date(2027, 3, 5), "late"),
        # Older than catch_up_days (7): recorded as missed, never sent; its "3 days before"
        # (21 February) folded into it.
        ("C-2 Old", date(2027, 2, 21), "superseded"),
        ("C-2 Old", date(2027, 2, 24), "missed"),
    }
    desk.sweep(at("2027-03-06T00:30Z"))  # the same instant, and a restart later
    desk.sweep(at("2027-03-06T04:00Z"))
    assert len(told(sessions)) == 1


def test_the_ledger_row_and_the_outbox_row_are_one_transaction(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    class Failing(Outbox):
        def notify_all(self, *args: object, **kwargs: object) -> list[list[int]]:
            raise RuntimeError("the outbox write failed")

    setup(sessions, clock)
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 1))
    with pytest.raises(RuntimeError):
        ReminderDesk(sessions, clock, Failing()).sweep(at("2027-03-01T00:00Z"))
    with sessions.begin() as session:
        assert session.scalars(select(Reminder)).all() == []  # rolled back with it
    ReminderDesk(sessions, clock, Outbox()).sweep(at("2027-03-01T00:00Z"))
    assert len(told(sessions)) == 1


def test_reminder_settings_change_the_hour_and_the_days(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    with sessions.begin() as session:
        team = session.scalars(select(Team).where(Team.name == "Tokyo Sales")).one()
        team.settings = {"reminders": {"hour": 7, "key_date_days": 10, "contract_end_days": 60}}
    acme = add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 11))
    add_contract(sessions, acme, "Long", date(2027, 4, 30))
    desk.sweep(at("2027-02-28T21:59Z"))  # 06:59 JST on 1 March
    assert told(sessions) == []
    desk.sweep(at("2027-02-28T22:00Z"))  # 07:00 JST
    assert sorted(n.items[0]["kind"] for n in told(sessions)) == ["contract_end", "founded"]


def test_several_reminders_of_one_kind_for_one_person_are_one_message(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    for name in ("Alpha", "Beta", "Gamma"):
        add_customer(sessions, "Tokyo Sales", name, owner="kenji", founded=date(2001, 3, 1))
    desk.sweep(at("2027-03-01T00:00Z"))
    (note,) = told(sessions)
    assert sorted(i["customer"] for i in note.items) == ["Alpha", "Beta", "Gamma"]
    assert len(ledger(sessions)) == 3  # each still once in the ledger
