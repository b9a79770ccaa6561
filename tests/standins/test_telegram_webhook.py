"""Webhook delivery by the Telegram stand-in to a real PTB Application behind an aiohttp route."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot, Update
from telegram.error import Conflict
from telegram.ext import Application, ApplicationBuilder, CommandHandler, ContextTypes

from support.standins.telegram_api import TelegramStandin

USER = 4242
PUBLIC_URL = "https://bot.example.com/telegram/hook"
SECRET = "s3cret_token"


@dataclass
class Hook:
    """The bot's webhook route: checks the secret, hands updates to PTB once per update_id."""

    url: str
    app: Application[Any, Any, Any, Any, Any, Any]
    seen: list[int] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)  # statuses to answer before accepting
    stall: asyncio.Event | None = None  # the next delivery waits for it (a slow bot)
    handled: list[int] = field(default_factory=list)


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        yield standin


@pytest.fixture
async def hook(tg: TelegramStandin) -> AsyncIterator[Hook]:
    app = (
        ApplicationBuilder()
        .token(tg.token)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .updater(None)
        .build()
    )
    state = Hook("", app)

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        state.handled.append(update.update_id)
        await update.effective_message.reply_text(f"hello #{len(state.handled)}")

    app.add_handler(CommandHandler("start", start))

    async def receive(request: web.Request) -> web.Response:
        if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != SECRET:
            return web.Response(status=403)
        if request.content_type != "application/json":
            return web.Response(status=403)
        data = await request.json()
        if state.stall is not None:
            stall, state.stall = state.stall, None
            await stall.wait()
        if state.fail_next:
            return web.Response(status=state.fail_next.pop(0))
        state.seen.append(data["update_id"])
        if data["update_id"] not in state.seen[:-1]:  # Telegram may deliver an update twice
            await app.update_queue.put(Update.de_json(data, app.bot))
        return web.Response()

    server = web.Application()
    server.router.add_post("/telegram/hook", receive)
    runner = web.AppRunner(server, access_log=None)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    state.url = f"http://127.0.0.1:{sock.getsockname()[1]}/telegram/hook"
    async with app:
        await app.start()
        await app.bot.set_webhook(PUBLIC_URL, secret_token=SECRET, allowed_updates=["message"])
        tg.forward_webhook(state.url, retry_delay=0.01)
        try:
            yield state
        finally:
            await app.stop()
    await runner.cleanup()


async def test_updates_are_posted_in_order_with_the_secret(tg: TelegramStandin, hook: Hook) -> None:
    tg.send_private(USER, "/start")
    tg.send_private(USER, "/start")
    await tg.wait_for(lambda: len(tg.chat_messages(USER)) == 2)
    await tg.wait_until_consumed()
    assert [m.plain for m in tg.chat_messages(USER)] == ["hello #1", "hello #2"]
    assert hook.seen == [u["update_id"] for u in tg.updates]
    assert hook.seen == sorted(hook.seen)
    assert all(d.ok and d.attempt == 1 for d in tg.webhook_deliveries)
    assert tg.errors == []
    async with Bot(tg.token, base_url=tg.base_url) as other:
        with pytest.raises(Conflict, match=r"(?i)webhook is active"):
            await other.get_updates()


async def test_a_failed_delivery_is_retried_before_later_updates(
    tg: TelegramStandin, hook: Hook
) -> None:
    hook.fail_next = [500, 502]
    tg.send_private(USER, "/start")
    tg.send_private(USER, "/start")
    await tg.wait_for(lambda: len(tg.chat_messages(USER)) == 2)
    first, second = (u["update_id"] for u in tg.updates)
    assert [(d.update_id, d.attempt, d.status) for d in tg.webhook_deliveries] == [
        (first, 1, 500),
        (first, 2, 502),
        (first, 3, 200),
        (second, 1, 200),
    ]
    info = await hook.app.bot.get_webhook_info()
    assert info.last_error_message == "Wrong response from the webhook: 502 Bad Gateway"
    assert info.pending_update_count == 0


async def test_a_redelivered_update_reaches_the_hook_twice_and_is_handled_once(
    tg: TelegramStandin, hook: Hook
) -> None:
    tg.send_private(USER, "/start")
    update_id = tg.updates[-1]["update_id"]
    await tg.wait_for(lambda: tg.chat_messages(USER))
    await tg.wait_until_consumed()
    tg.redeliver(update_id)
    await tg.wait_for(lambda: hook.seen.count(update_id) == 2)
    await tg.wait_until_consumed()
    assert [d.redelivery for d in tg.webhook_deliveries] == [False, True]
    assert hook.handled == [update_id]
    assert [m.plain for m in tg.chat_messages(USER)] == ["hello #1"]
    with pytest.raises(AssertionError, match="no update"):
        tg.redeliver(1)


async def test_an_unreachable_webhook_is_retried_until_it_answers(
    tg: TelegramStandin, hook: Hook
) -> None:
    tg.forward_webhook("http://127.0.0.1:9/nothing-listens-here", retry_delay=0.01)
    tg.send_private(USER, "/start")
    await tg.wait_for(lambda: len(tg.webhook_deliveries) >= 2)
    assert all(d.status is None and d.error for d in tg.webhook_deliveries)
    tg.forward_webhook(hook.url, retry_delay=0.01)  # the bot is reachable again
    await tg.wait_for(lambda: tg.chat_messages(USER))
    assert tg.webhook_deliveries[-1].ok and tg.webhook_deliveries[-1].attempt > 2


async def test_a_webhook_answering_too_late_gets_the_update_again(
    tg: TelegramStandin, hook: Hook
) -> None:
    stall = asyncio.Event()
    hook.stall = stall
    tg.forward_webhook(hook.url, retry_delay=0.01, timeout=0.2)
    tg.send_private(USER, "/start")
    await tg.wait_for(lambda: len(tg.webhook_deliveries) == 2)
    assert [(d.attempt, d.status, d.error) for d in tg.webhook_deliveries] == [
        (1, None, "Read timeout expired"),
        (2, 200, None),
    ]
    stall.set()  # the first, late attempt goes on now: the hook saw the update twice
    await tg.wait_for(lambda: len(hook.seen) == 2)
    assert hook.seen[0] == hook.seen[1]
    await tg.wait_for(lambda: tg.chat_messages(USER))
    assert hook.handled == [hook.seen[0]]
