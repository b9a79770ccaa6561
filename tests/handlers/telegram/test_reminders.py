"""A stagnant deal's reminder on Telegram: the card with its inline buttons in the owner's and
the leader's private chats, each button doing what it says, checked on the server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from dealbot.domain.deals.models import Deal
from support.standins.telegram_api import SentMessage
from support.telegram_bot import GROUP, KENJI, SATO, YUI, Bot, forge_press
from support.telegram_flow import open_deal, report


async def _cards(bot: Bot) -> tuple[SentMessage, SentMessage]:
    for user in (SATO, KENJI, YUI):
        await bot.said(user, "/start")
    await open_deal(bot, KENJI, "Cloud migration")
    await report(bot, KENJI, "/update D-1", "In negotiation", activity="Call")
    with bot.core.sessions.begin() as session:
        session.execute(update(Deal).values(last_progress_at=datetime.now(UTC) - timedelta(days=9)))
    await asyncio.to_thread(bot.core.desks.reminders.sweep, datetime.now(UTC))
    bot.dispatcher.wake()
    return (
        await bot.wait_in(KENJI, lambda m: "no progress" in m.plain),
        await bot.wait_in(SATO, lambda m: "no progress" in m.plain),
    )


def _labels(message: SentMessage) -> list[str]:
    return [label for label, _ in message.buttons()]


async def test_the_stagnant_deal_buttons_do_what_they_say_on_telegram(bot: Bot) -> None:
    tg = bot.tg
    kenjis, satos = await _cards(bot)
    assert "D-1 Cloud migration (Acme) has had no progress for 9 days" in kenjis.plain
    assert _labels(kenjis) == _labels(satos) == ["Log progress", "Snooze 3 days", "Mark lost"]
    assert all(len((data or "").encode()) <= 64 for _, data in kenjis.buttons())

    # Yui was shown Kenji's card (a forwarded keyboard): refused on the server.
    snooze = dict((label, data) for label, data in kenjis.buttons())["Snooze 3 days"] or ""
    query = forge_press(tg, YUI, kenjis, snooze)
    answer = await tg.wait_for(lambda: tg.answered(query))
    assert "Only the owner of D-1 or the team's leader can do that." in answer["text"]

    query = tg.press(KENJI, kenjis, snooze)
    answer = await tg.wait_for(lambda: tg.answered(query))  # said in the answer to the click
    assert "D-1 is snoozed until" in answer["text"]
    await tg.wait_for(lambda: all(m.edited for m in (kenjis, satos)) or None)
    for card in (kenjis, satos):
        current = next(m for m in tg.chat_messages(card.chat_id) if m.message_id == card.message_id)
        assert "snoozed until" in current.plain and _labels(current) == [
            "Log progress",
            "Mark lost",
        ]

    # "Log progress" on the leader's card: the progress report of D-1, asked step by step.
    card = next(m for m in tg.chat_messages(SATO) if m.message_id == satos.message_id)
    before = len(tg.chat_messages(SATO))
    query = tg.press(SATO, card, dict(card.buttons())["Log progress"] or "")
    await tg.wait_for(lambda: tg.answered(query))
    await bot.new_messages(SATO, before)
    await bot.pressed(SATO, "Visit")
    await bot.pressed(SATO, "Log only")
    await bot.said(SATO, "Met them at the fair")
    saved = await bot.pressed(SATO, "Save")
    assert "D-1" in saved[-1].plain
    sato = bot.core.desks.people.person(telegram_user=SATO)
    assert bot.core.desks.deals.show(sato.id, "D-1").timeline[-1].notes == "Met them at the fair"

    # "Mark lost" on the owner's card: the reason is asked, the deal closes, the cards say so.
    card = next(m for m in tg.chat_messages(KENJI) if m.message_id == kenjis.message_id)
    before = len(tg.chat_messages(KENJI))
    query = tg.press(KENJI, card, dict(card.buttons())["Mark lost"] or "")
    await tg.wait_for(lambda: tg.answered(query))
    await bot.new_messages(KENJI, before)
    await bot.pressed(KENJI, "Email")
    await bot.said(KENJI, "No answer since")
    await bot.said(KENJI, "Chose a competitor")
    saved = await bot.pressed(KENJI, "Save")
    assert "lost" in saved[-1].plain
    assert bot.core.desks.deals.show(sato.id, "D-1").card.status == "lost"

    def closed() -> bool | None:
        shown = [
            next(m for m in tg.chat_messages(c.chat_id) if m.message_id == c.message_id)
            for c in (kenjis, satos)
        ]
        return all("is closed" in m.plain and not m.buttons() for m in shown) or None

    await tg.wait_for(closed)
    assert not any("no progress" in m.plain for m in tg.chat_messages(GROUP))  # DMs only
    assert tg.errors == []
