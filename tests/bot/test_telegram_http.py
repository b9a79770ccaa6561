"""The aiohttp requests behave as python-telegram-bot's own httpx ones: bodies, photos, the
answers Telegram holds back, timeouts and broken lines."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, TimedOut

from dealbot.bot.telegram_http import AiohttpRequest
from support.standins.telegram_api import TelegramStandin

USER = 4242
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        standin.start_user(USER)
        yield standin


def bot_of(tg: TelegramStandin, request: AiohttpRequest) -> Bot:
    return Bot(tg.token, base_url=tg.base_url, request=request)


async def test_a_message_with_markup_and_a_keyboard(tg: TelegramStandin) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="y")]])
    async with bot_of(tg, AiohttpRequest(2)) as bot:
        sent = await bot.send_message(
            USER, "<b>Deal</b> won", parse_mode=ParseMode.HTML, reply_markup=keyboard
        )
    (message,) = tg.chat_messages(USER)
    assert message.plain == "Deal won" and sent.message_id == message.message_id
    assert message.buttons() == [("Yes", "y")]


async def test_a_photo_is_uploaded_whole(tg: TelegramStandin) -> None:
    async with bot_of(tg, AiohttpRequest(2)) as bot:
        await bot.send_photo(USER, io.BytesIO(PNG), caption="Chart")
    (message,) = tg.chat_messages(USER)
    assert message.photo == PNG and message.caption == "Chart"


async def test_telegram_refusing_is_a_bad_request(tg: TelegramStandin) -> None:
    async with bot_of(tg, AiohttpRequest(2)) as bot:
        with pytest.raises(BadRequest):
            await bot.send_message(USER, "")


async def test_a_late_answer_times_out(tg: TelegramStandin) -> None:
    async with bot_of(tg, AiohttpRequest(2, read_timeout=0.3)) as bot:
        tg.hold_responses("sendMessage", release_after=5.0)
        with pytest.raises(TimedOut):
            await bot.send_message(USER, "Deal won")
        await tg.wait_for(lambda: tg.held and tg.held[0].abandoned)
        tg.hold_responses("sendMessage", release_after=0.05)
        await bot.send_message(USER, "Deal won again")
    assert [m.plain for m in tg.chat_messages(USER)] == ["Deal won", "Deal won again"]


async def test_a_dropped_line_is_a_network_error_not_a_timeout(tg: TelegramStandin) -> None:
    async with bot_of(tg, AiohttpRequest(2)) as bot:
        tg.hold_responses("sendMessage", disconnect=True)
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(USER, "Deal won")
    assert not isinstance(caught.value, TimedOut)


async def test_a_request_waits_for_a_free_connection(tg: TelegramStandin) -> None:
    async with bot_of(tg, AiohttpRequest(1, pool_timeout=5.0)) as bot:
        tg.hold_responses("sendMessage", release_after=0.3)
        first = asyncio.create_task(bot.send_message(USER, "one"))
        await tg.wait_for_held()
        await bot.send_message(USER, "two")  # waited for the only connection
        assert first.done()
    assert [m.plain for m in tg.chat_messages(USER)] == ["one", "two"]


async def test_no_server_is_a_network_error() -> None:
    with pytest.raises(NetworkError):  # already when the bot asks who it is
        async with Bot("1:a", base_url="http://127.0.0.1:9/bot", request=AiohttpRequest(1)):
            pass


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """An HTTP proxy that passes requests on and notes the URLs it was asked for."""
    asked: list[str] = []

    async def forward(request: web.Request) -> web.Response:
        asked.append(str(request.url))
        async with (
            aiohttp.ClientSession() as session,
            session.request(
                request.method,
                request.url,
                data=await request.read(),
                headers={"Content-Type": request.headers.get("Content-Type", "")},
            ) as answer,
        ):
            return web.Response(
                status=answer.status, body=await answer.read(), content_type="application/json"
            )

    app = web.Application()
    app.router.add_route("*", "/{path:.*}", forward)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield f"http://127.0.0.1:{server.port}", asked
    finally:
        await server.close()


@pytest.mark.parametrize("exempt", [False, True], ids=["proxied", "no_proxy"])
async def test_the_environments_proxy_carries_the_requests(
    tg: TelegramStandin,
    proxy: tuple[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    exempt: bool,
) -> None:
    address, asked = proxy
    for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", address)
    if exempt:
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    async with bot_of(tg, AiohttpRequest(2)) as bot:
        await bot.send_message(USER, "Deal won")
    assert [m.plain for m in tg.chat_messages(USER)] == ["Deal won"]
    went_through = [url.rsplit("/", 1)[-1] for url in asked]
    assert went_through == ([] if exempt else ["getMe", "sendMessage"])
