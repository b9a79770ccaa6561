"""Installment reminders through selling's query (a test double here: selling provides the
real one): three days before, on the day, overdue every day, and the escalation after M
days to finance and the leader; the digest's overdue payments from the same query."""

from __future__ import annotations

from datetime import date

from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.desk import ReminderDesk
from support.reminders import Installments, at, ids, ledger, setup, told
from support.store import FakeClock

DUE = date(2027, 3, 10)


def _desk(sessions: SessionFactory, clock: FakeClock, book: Installments) -> ReminderDesk:
    setup(sessions, clock)
    return ReminderDesk(sessions, clock, Outbox(), installments=book)


def test_an_installment_three_days_before_on_and_after_its_due_date_then_escalated(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    book = Installments()
    desk = _desk(sessions, clock, book)
    known = ids(sessions)
    book.add(known["Tokyo Sales"], known["kenji"], DUE, 150_000)

    def stages() -> list[tuple[str, str, str]]:
        return [(n.handle, n.items[0]["kind"], n.items[0].get("stage", "")) for n in told(sessions)]

    desk.sweep(at("2027-03-07T00:00Z"))  # 09:00 JST, three days before
    desk.sweep(at("2027-03-08T00:00Z"))  # nothing on the days between
    assert stages() == [("kenji", "installment", "soon")]
    desk.sweep(at("2027-03-10T00:00Z"))
    assert stages()[-1] == ("kenji", "installment", "today")
    desk.sweep(at("2027-03-11T00:00Z"))
    desk.sweep(at("2027-03-11T06:00Z"))
    assert stages()[-1] == ("kenji", "installment", "overdue")
    assert len(stages()) == 3
    for day in range(12, 18):  # overdue every day
        desk.sweep(at(f"2027-03-{day}T00:00Z"))
    assert len(stages()) == 3 + 6 + 2
    # 17 March: overdue for 7 days (overdue_escalate_days): finance and the leader too.
    assert stages()[-3:] == [
        ("kenji", "installment", "overdue"),
        ("fumi", "installment_escalation", ""),
        ("sato", "installment_escalation", ""),
    ]
    escalation = told(sessions)[-1].items[0]
    assert escalation["owner"] == "Kenji Tanaka" and escalation["left"] == "150000"
    desk.sweep(at("2027-03-18T00:00Z"))  # escalated once only; the owner still daily
    assert stages()[-1] == ("kenji", "installment", "overdue") and len(stages()) == 12

    book.pay(book.rows[0].id)
    desk.sweep(at("2027-03-19T00:00Z"))
    assert len(stages()) == 12  # paid: nothing more


def test_after_a_week_down_one_overdue_reminder_comes_late_not_seven(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    book = Installments()
    desk = _desk(sessions, clock, book)
    known = ids(sessions)
    book.add(known["Tokyo Sales"], None, DUE, 5_000)  # no owner: the leader
    desk.sweep(at("2027-03-11T00:00Z"))  # overdue by 1 day
    desk.sweep(at("2027-03-19T00:00Z"))  # down for a week: overdue by 9 days
    sent = [(n.handle, i["kind"], i["late"]) for n in told(sessions) for i in n.items]
    assert sorted(sent) == [
        ("fumi", "installment_escalation", True),
        # The escalation (due 17 March) still goes, late: the installment is still unpaid.
        ("sato", "installment", False),
        ("sato", "installment", True),  # one overdue, standing for the days missed
        ("sato", "installment_escalation", True),
    ]
    states = [state for kind, _, _, _, state in ledger(sessions) if kind == "installment"]
    assert states.count("superseded") == 7 and states.count("late") == 1


def test_the_query_is_asked_per_team_up_to_the_days_ahead(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    book = Installments()
    desk = _desk(sessions, clock, book)
    known = ids(sessions)
    book.add(known["New York Sales"], known["ned"], DUE, 100, currency="USD")
    desk.sweep(at("2027-03-07T14:00Z"))  # 09:00 EST
    assert (known["Tokyo Sales"], date(2027, 3, 10)) in book.asked
    assert (known["New York Sales"], date(2027, 3, 10)) in book.asked
    (note,) = told(sessions)
    assert note.handle == "ned" and note.items[0]["currency"] == "USD"


def test_the_digest_lists_overdue_payments_from_the_same_query(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    book = Installments()
    desk = _desk(sessions, clock, book)
    known = ids(sessions)
    book.add(known["Tokyo Sales"], known["kenji"], date(2027, 2, 20), 1_000)
    book.add(known["Tokyo Sales"], known["kenji"], date(2027, 3, 20), 2_000)  # not due yet
    desk.sweep(at("2027-03-01T00:00Z"))  # Monday, 09:00 JST
    (digest,) = [n for n in told(sessions, digests=True) if n.kind == "reminder_digest"]
    overdue = digest.params["sections"]["overdue"]
    assert overdue["count"] == 1 and overdue["amounts"] == {"JPY": "1000"}
    assert overdue["listed"][0][:4] == ["O-1", 1, "D-1", "2027-02-20"]
