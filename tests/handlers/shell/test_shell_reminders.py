"""Reminders in the shell: mute and unmute, the admins' report, and a stagnant deal's buttons
pressed by their number."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import ProgressStatus
from dealbot.domain.deals.models import Deal
from dealbot.domain.outbox.notify import LocalAddresses, Outbox
from dealbot.domain.reminders.desk import ReminderDesk
from support.deals import draft, member_id, report
from support.reminders import at
from support.shell import Transcript, deliveries, places, replies


async def test_mute_and_unmute_a_kind_of_reminder(sample_desk: DealDesk) -> None:
    shell = Transcript(sample_desk, "sam")
    said = replies(await shell.type("/deal mute stock"))
    assert "Muted: you get no more reminders about stock." in said
    said = replies(await shell.type("/deal mute"))
    assert "Muted: stock." in said
    assert "Kinds: payments, stock, key_dates, contracts, stagnation, digest" in said
    said = replies(await shell.type("/deal mute weather"))
    assert "“weather” is not a kind of reminder." in said
    said = replies(await shell.type("/deal unmute stock", "/deal unmute"))
    assert "Unmuted: you get reminders about stock again." in said
    assert "You get every kind of reminder." in said


async def test_a_stagnant_deal_in_the_shell_and_the_report_for_admins(
    sample_desk: DealDesk,
) -> None:
    sam = member_id(sample_desk, "sam")
    deal = sample_desk.open_deal(sam, draft(title="Robots"))
    sample_desk.report_progress(sam, report(deal.ref, ProgressStatus.NEGOTIATION))
    with sample_desk.sessions.begin() as session:
        session.execute(
            update(Deal).values(last_progress_at=sample_desk.clock.now() - timedelta(days=8))
        )
    shell = Transcript(sample_desk, "sam")
    reminders = ReminderDesk(sample_desk.sessions, sample_desk.clock, Outbox(LocalAddresses()))
    reminders.sweep(at("2026-11-03T09:00Z"))  # Tuesday 09:00 UTC, the sample team's hour

    printed = await shell.type("/deal mute")  # any line: the shell then shows what came
    assert places(printed) == ["DM to Sam Seller (@sam)", "DM to Lena Leader (@lena)"]
    card = deliveries(printed)[0][1]
    assert "D-1 Robots (Acme) has had no progress for 9 days" in card
    assert "[1] Log progress  [2] Snooze 3 days  [3] Mark lost" in card

    snoozed = await shell.type("2")
    assert "D-1 is snoozed until Nov 5, 2026" in replies(snoozed)
    assert places(snoozed) == [
        "card changed · DM to Sam Seller (@sam)",
        "card changed · DM to Lena Leader (@lena)",
    ]
    lost = await shell.type("3", "1", "", "No budget", "y")  # Mark lost: activity, reason
    assert "Lost reason" in "\n".join(lost)
    assert sample_desk.show(sam, "D-1").card.status == "lost"
    assert "card changed · DM to Sam Seller (@sam)" in places(lost)
    assert any("D-1 Robots is closed: Lost" in text for _, text in deliveries(lost))

    refused = replies(await shell.type("/deal reminders"))
    assert "Only admins can see which reminders went out." in refused
    report_text = replies(await shell.type("/as lena", "/deal reminders"))
    assert "Reminders of the last 7 days: 2 sent, 0 late, 0 missed" in report_text
    assert "sent · Nov 1, 2026 · Stagnant deals · D-1 Robots → Sam Seller (Sample Sales)" in (
        report_text
    )
