"""Sends Telegram accepted but whose answer never comes, with a real python-telegram-bot Bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest

from support.standins.telegram_api import TelegramStandin

USER = 4242


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        standin.start_user(USER)
        yield standin


@pytest.fixture
async def bot(tg: TelegramStandin) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url) as real_bot:
        yield real_bot


async def test_a_held_send_is_in_the_chat_before_its_answer(tg: TelegramStandin, bot: Bot) -> None:
    tg.hold_responses("sendMessage")
    send = asyncio.create_task(bot.send_message(USER, "Deal won"))
    held = await tg.wait_for_held()
    assert not send.done()
    assert held.message is not None and held.message.plain == "Deal won"
    assert [m.plain for m in tg.chat_messages(USER)] == ["Deal won"]
    assert tg.calls_to("sendMessage")[0].ok  # recorded as accepted
    held.release()
    message = await send
    assert message.message_id == held.message.message_id and held.answered
    await bot.send_message(USER, "next")  # only one was held
    assert len(tg.held) == 1


async def test_a_killed_bot_abandons_the_held_answer(tg: TelegramStandin, bot: Bot) -> None:
    tg.hold_responses("sendMessage")
    send = asyncio.create_task(bot.send_message(USER, "Deal won"))
    held = await tg.wait_for_held()
    send.cancel()  # the process dies in the window
    with pytest.raises(asyncio.CancelledError):
        await send
    await tg.wait_for(lambda: held.abandoned)
    assert not held.answered
    assert [m.plain for m in tg.chat_messages(USER)] == ["Deal won"]


async def test_ptb_times_out_on_a_late_answer(tg: TelegramStandin) -> None:
    request = HTTPXRequest(read_timeout=0.3)
    async with Bot(tg.token, base_url=tg.base_url, request=request) as impatient:
        tg.hold_responses("sendMessage", release_after=5.0)
        with pytest.raises(TimedOut):
            await impatient.send_message(USER, "Deal won")
        await tg.wait_for(lambda: tg.held and tg.held[0].abandoned)
        tg.hold_responses("sendMessage", release_after=0.05)
        await impatient.send_message(USER, "Deal won again")
    assert [m.plain for m in tg.chat_messages(USER)] == ["Deal won", "Deal won again"]
    assert tg.held[1].answered


async def test_a_dropped_line_after_the_send(tg: TelegramStandin, bot: Bot) -> None:
    tg.hold_responses("sendMessage", disconnect=True)
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(USER, "Deal won")
    assert not isinstance(caught.value, TimedOut)
    assert [m.plain for m in tg.chat_messages(USER)] == ["Deal won"]  # PTB does not resend
