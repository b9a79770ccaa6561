"""Stagnant deals (§2.6) and the weekly digest: who hears, snoozing, closing, and what the
leader reads on Monday; and `/deal reminders` for admins."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from dealbot.domain.core.errors import Conflict, NotAllowed
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.outbox.models import Notification
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.actions import close_stagnation_cards
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import Note
from dealbot.handlers.reminders.messages import digest, digest_chart, report, stagnation
from support.deals import draft
from support.deals import report as progress
from support.reminders import at, ids, setup, told
from support.store import FakeClock


def _deal_in_negotiation(
    sessions: SessionFactory, clock: FakeClock, title: str = "Forklifts"
) -> tuple[DealDesk, str]:
    deals = DealDesk(sessions, clock, Outbox(), closing=(close_stagnation_cards,))
    kenji = ids(sessions)["kenji"]
    card = deals.open_deal(kenji, draft(title=title))
    deals.report_progress(kenji, progress(card.ref, ProgressStatus.NEGOTIATION))
    return deals, card.ref


def _edits(sessions: SessionFactory, kind: str) -> list[str]:
    with sessions.begin() as session:
        rows = session.scalars(
            select(Notification).where(Notification.kind == kind).order_by(Notification.id)
        )
        return [n.recipient.handle if n.recipient else "feed" for n in rows]


def test_a_stagnant_deal_is_flagged_to_its_owner_and_the_leader_and_can_be_snoozed(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    known = ids(sessions)
    clock.current = at("2027-03-01T01:00Z")  # 10:00 JST: the last progress
    deals, ref = _deal_in_negotiation(sessions, clock)
    deal_id = int(ref[2:])

    desk.sweep(at("2027-03-07T23:59Z"))  # 08:59 JST, 7 days later
    assert told(sessions) == []
    desk.sweep(at("2027-03-08T00:00Z"))
    notes = told(sessions)
    assert [(n.kind, n.handle) for n in notes] == [
        ("reminder_stagnation", "kenji"),
        ("reminder_stagnation", "sato"),
    ]
    assert notes[0].params["ref"] == ref and notes[0].params["deal"] == deal_id

    with pytest.raises(NotAllowed):  # a teammate who saw the card forwarded
        desk.snooze(known["yui"], deal_id)
    clock.current = at("2027-03-08T01:00Z")
    snoozed = desk.snooze(known["kenji"], deal_id)
    assert snoozed.until.isoformat() == "2027-03-11"
    assert sorted(_edits(sessions, "reminder_stagnation_snoozed")) == ["kenji", "sato"]
    desk.snooze(known["sato"], deal_id)  # pressed again that day: nothing changes
    assert len(_edits(sessions, "reminder_stagnation_snoozed")) == 2

    desk.sweep(at("2027-03-09T00:00Z"))
    desk.sweep(at("2027-03-10T00:00Z"))
    assert len(told(sessions)) == 2
    desk.sweep(at("2027-03-11T00:00Z"))  # the snooze ran out, still no progress
    assert [n.handle for n in told(sessions)][2:] == ["kenji", "sato"]

    clock.current = at("2027-03-11T02:00Z")
    deals.report_progress(known["kenji"], progress(ref, ProgressStatus.LOG_ONLY))
    desk.sweep(at("2027-03-17T00:00Z"))
    assert len(told(sessions)) == 4  # progress: quiet again for 7 days
    desk.sweep(at("2027-03-18T00:00Z"))
    assert len(told(sessions)) == 6

    deals.report_progress(
        known["kenji"], progress(ref, ProgressStatus.LOST, lost_reason="Budget cut")
    )
    assert sorted(_edits(sessions, "reminder_stagnation_closed")) == ["kenji"] * 3 + ["sato"] * 3
    with pytest.raises(Conflict):
        desk.snooze(known["kenji"], deal_id)
    with pytest.raises(Conflict):
        desk.stagnant_deal(known["sato"], deal_id)


def test_only_deals_in_negotiation_stagnate(sessions: SessionFactory, clock: FakeClock) -> None:
    desk = setup(sessions, clock)
    clock.current = at("2027-03-01T01:00Z")
    DealDesk(sessions, clock).open_deal(ids(sessions)["kenji"], draft(title="Just opened"))
    desk.sweep(at("2027-03-20T00:00Z"))
    assert told(sessions) == []


def test_the_stagnation_card_has_the_three_buttons(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    clock.current = at("2027-03-01T01:00Z")
    _deal_in_negotiation(sessions, clock)
    desk.sweep(at("2027-03-08T00:00Z"))
    note = told(sessions)[0]
    message = stagnation(Translator("en"), Note(note.kind, "owner", "dm", note.params))
    assert message.title == "D-1 Forklifts (Acme) has had no progress for 7 days"
    assert [(b.label, b.action, b.value) for b in message.buttons] == [
        ("Log progress", "stagnant-progress", "1"),
        ("Snooze 3 days", "stagnant-snooze", "1"),
        ("Mark lost", "stagnant-lost", "1"),
    ]
    ja = stagnation(Translator("ja"), Note(note.kind, "owner", "dm", note.params))
    assert [b.label for b in ja.buttons] == ["進捗を記録", "3日間スヌーズ", "失注にする"]


def test_the_weekly_digest_tells_the_leader_the_pipeline_the_week_and_stagnant_deals(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    desk = setup(sessions, clock)
    kenji = ids(sessions)["kenji"]
    clock.current = at("2027-02-10T01:00Z")
    deals, stale = _deal_in_negotiation(sessions, clock, "Stale pumps")
    clock.current = at("2027-02-24T01:00Z")  # Wednesday of the week before
    won = deals.open_deal(kenji, draft(title="Won one"))
    deals.report_progress(kenji, progress(won.ref, ProgressStatus.WON))
    lost = deals.open_deal(kenji, draft(title="Lost one"))
    deals.report_progress(kenji, progress(lost.ref, ProgressStatus.LOST, lost_reason="Price"))
    deals.open_deal(kenji, draft(title="Fresh"))
    with sessions.begin() as session:  # closed before the week began: not in it
        session.execute(
            update(Deal)
            .where(Deal.id == int(won.ref[2:]))
            .values(closed_at=datetime(2027, 2, 28, 14, 59, tzinfo=UTC))  # 23:59 JST Sunday
        )

    desk.sweep(at("2027-03-01T00:00Z"))  # Monday 09:00 JST
    desk.sweep(at("2027-03-01T06:00Z"))
    digests = [n for n in told(sessions, digests=True) if n.kind == "reminder_digest"]
    assert [n.handle for n in digests] == ["sato"]
    params = digests[0].params
    sections = params["sections"]
    assert (params["first"], params["last"]) == ("2027-02-22", "2027-02-28")
    assert sections["pipeline"]["stages"] == [
        {"status": "open", "deals": 1, "amounts": {"JPY": "1200000"}},
        {"status": "negotiation", "deals": 1, "amounts": {"JPY": "1200000"}},
    ]
    assert sections["closed"]["won"]["listed"] == [[won.ref, "Won one"]]
    assert sections["closed"]["lost"]["deals"] == 1
    assert sections["stagnant"]["deals"] == 1 and sections["stagnant"]["listed"][0][0] == stale
    assert "overdue" not in sections  # selling is not wired in

    t = Translator("en", "Asia/Tokyo")
    text = digest(t, Note("reminder_digest", "leader", "dm", params)).plain()
    assert text.startswith("Weekly digest of Tokyo Sales: Feb 22, 2027 – Feb 28, 2027")
    assert "Won this week: 1 · ¥1,200,000" in text and "Price" not in text
    assert f"· {stale} Stale pumps · Kenji Tanaka · no progress since Feb 10, 2027" in text
    chart = digest_chart(t, params)
    assert chart is not None
    assert chart.alt_text() == (
        "Open deals by stage, and the deals closed this week (Deals)\n"
        "Opened: 1\nIn negotiation: 1\nWon: 1\nLost: 1"
    )
    # The message carries it: the digest goes to the leader's direct messages only.
    assert digest(t, Note("reminder_digest", "leader", "dm", params)).charts == (chart,)


def test_admins_see_what_was_sent_late_and_missed_in_the_last_7_days(
    sessions: SessionFactory, clock: FakeClock
) -> None:
    from datetime import date

    from support.reminders import add_customer

    desk = setup(sessions, clock)
    known = ids(sessions)
    add_customer(sessions, "Tokyo Sales", "Acme", owner="kenji", founded=date(2001, 3, 5))
    add_customer(sessions, "Tokyo Sales", "Old", owner="kenji", founded=date(2001, 2, 24))
    clock.current = at("2027-02-20T00:00Z")
    desk.sweep(at("2027-02-20T00:00Z"))
    clock.current = at("2027-03-06T00:30Z")
    desk.sweep(at("2027-03-06T00:30Z"))

    with pytest.raises(NotAllowed):
        desk.report(known["kenji"])
    figures = desk.report(known["root"])
    # The digests count too: New York's of Friday 5 March on time, Tokyo's of Monday late.
    assert figures.counts == {"sent": 1, "late": 2, "missed": 1}
    text = report(Translator("en"), figures).plain().splitlines()
    assert text[0] == "Reminders of the last 7 days: 1 sent, 2 late, 1 missed"
    assert "Founding anniversaries: 0 sent, 1 late, 1 missed" in text
    assert (
        "late · Mar 5, 2027 · Founding anniversaries · C-1 Acme → Kenji Tanaka (Tokyo Sales)"
        in text
    )

    clock.current = at("2027-03-14T00:30Z")  # more than 7 days later
    assert desk.report(known["root"]).counts == {"sent": 0, "late": 0, "missed": 0}
