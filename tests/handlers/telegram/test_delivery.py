"""Delivery through the outbox: people who never started the bot, 429s and 502s, pacing."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from dealbot.handlers.core.transport import Placement
from dealbot.handlers.core.ui import Message
from dealbot.handlers.telegram.transport import Pacer, Pacing, TelegramTransport
from support.outbox import envelope, parts_recorded
from support.standins.telegram_api import TelegramStandin
from support.store import FakeClock
from support.telegram_bot import (
    GROUP,
    KENJI,
    ROOT,
    SATO,
    Bot,
    make_bot,
    settings_for,
)
from support.telegram_flow import open_deal


def _starts(text: str) -> Any:
    return lambda m: m.plain.startswith(text)


async def test_a_leader_who_never_started_the_bot_gets_the_task_after_start(bot: Bot) -> None:
    tg = bot.tg
    tg.add_user(SATO, "Sato")  # known to Telegram, never pressed Start
    await bot.said(ROOT, "/start")
    await open_deal(bot, KENJI, "Cloud migration")
    await bot.wait_in(GROUP, _starts("New deal D-1"))
    notice = await bot.wait_in(ROOT, lambda m: "has not started" in m.plain)
    assert "Sato Hanako (@sato)" in notice.plain

    await open_deal(bot, KENJI, "Printer fleet")
    await bot.wait_in(GROUP, _starts("New deal D-2"))
    refused = [c for c in tg.calls_to("sendMessage") if c.params.get("chat_id") == SATO]
    assert refused and all(c.status == 403 for c in refused)
    await bot.dispatcher.drain()
    assert len([m for m in tg.chat_messages(ROOT) if "has not started" in m.plain]) == 1

    welcome = await bot.said(SATO, "/start")
    assert "Hello" in welcome[0].plain
    await bot.wait_in(SATO, _starts("Advice wanted on D-1"))
    await bot.wait_in(SATO, _starts("Advice wanted on D-2"))
    await bot.dispatcher.drain()
    tasks = [m for m in tg.chat_messages(SATO) if m.plain.startswith("Advice wanted")]
    assert len(tasks) == 2
    assert len([m for m in tg.chat_messages(ROOT) if "has not started" in m.plain]) == 1


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_429_and_502s_for_a_while_deliver_every_message_exactly_once(
    tg: TelegramStandin, tmp_path: Path
) -> None:
    clock = FakeClock()
    bot = make_bot(tg, settings_for(tg, tmp_path), clock, dispatching=False)
    await bot.start()
    try:
        await bot.said(SATO, "/start")
        await open_deal(bot, KENJI, "Cloud migration")
        tg.fail_next("sendMessage", 429, retry_after=7)
        tg.fail_next("sendMessage", 502, count=4)

        await bot.dispatcher.drain()  # the feed post meets the 429
        clock.advance(seconds=6)
        await bot.dispatcher.drain()
        assert not tg.chat_messages(GROUP), "retry_after was not honoured"
        for _ in range(30):
            clock.advance(seconds=60)
            await bot.dispatcher.drain()
        assert [m.plain.splitlines()[0] for m in tg.chat_messages(GROUP)] == [
            "New deal D-1: Cloud migration"
        ]
        tasks = [m for m in tg.chat_messages(SATO) if m.plain.startswith("Advice wanted")]
        assert len(tasks) == 1
        statuses = [c.status for c in tg.calls_to("sendMessage") if not c.ok]
        assert statuses == [429, 502, 502, 502, 502]
    finally:
        await bot.stop()
        bot.core.engine.dispose()


async def test_sends_are_paced_under_telegrams_flood_limits(tg: TelegramStandin) -> None:
    tg.enforce_rate_limits()
    tg.start_user(KENJI)
    transport = TelegramTransport(_bot_for(tg))
    group, kenji = envelope(str(GROUP)), envelope(str(KENJI), person=True)
    started = time.monotonic()
    async with transport.bot:
        for n in range(3):
            post, dm = Message(title=f"post {n}"), Message(title=f"dm {n}")
            await transport.send(group, post, Placement(), parts_recorded)
            await transport.send(kenji, dm, Placement(), parts_recorded)
    assert tg.errors == []
    assert len(tg.chat_messages(GROUP)) == 3
    assert time.monotonic() - started >= 1.9


def _bot_for(tg: TelegramStandin) -> Any:
    from telegram import Bot

    return Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url)


def test_the_pacer_keeps_group_and_overall_limits() -> None:
    now = [0.0]
    pacer = Pacer(Pacing(), clock=lambda: now[0])
    group = [pacer.reserve(GROUP) for _ in range(21)]
    assert group[1] - group[0] >= 1.0
    assert group[20] - group[0] >= 60.0
    spread = sorted(pacer.reserve(chat) for chat in range(1, 62))
    for i in range(len(spread) - 30):
        assert spread[i + 30] - spread[i] >= 1.0 - 1e-9


async def test_a_group_that_became_a_supergroup_is_followed_and_the_admins_told(
    tg: TelegramStandin, tmp_path: Path
) -> None:
    group, supergroup = -4001, -1009999000001  # a basic group, and the supergroup it becomes
    tg.add_group(group, "Tokyo Sales")
    settings = settings_for(tg, tmp_path)
    config = Path(settings.config_path)
    config.write_text(config.read_text().replace(str(GROUP), str(group)), encoding="utf-8")
    bot = make_bot(tg, settings)
    await bot.start()
    try:
        await bot.said(ROOT, "/start")
        await bot.said(SATO, "/start")
        tg.migrate_group(group, supergroup)

        await open_deal(bot, KENJI, "Cloud migration")
        await open_deal(bot, KENJI, "Printer fleet")

        def posts() -> list[str] | None:
            found = [m.plain.splitlines()[0] for m in tg.chat_messages(supergroup)]
            return found if len(found) == 2 else None

        assert await tg.wait_for(posts) == [
            "New deal D-1: Cloud migration",
            "New deal D-2: Printer fleet",
        ]
        told = await bot.wait_in(ROOT, lambda m: "moved to a new id" in m.plain)
        assert str(supergroup) in told.plain
        await bot.dispatcher.drain()
        assert len([m for m in tg.chat_messages(ROOT) if "moved to a new id" in m.plain]) == 1
    finally:
        await bot.stop()
        bot.core.engine.dispose()
