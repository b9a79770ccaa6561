"""The Telegram front end end to end: the real Application polling the stand-in Bot API."""

from __future__ import annotations

import asyncio
import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dealbot.bot.dispatcher import Dispatcher
from dealbot.bot.frontend import Frontend
from dealbot.bot.settings import Settings
from dealbot.bot.telegram_wiring import start_telegram
from dealbot.bot.wiring import Core, build_core, build_dispatcher
from dealbot.domain.core.clock import Clock
from dealbot.handlers.telegram.transport import Pacer, Pacing
from support.standins.telegram_api import SentMessage, TelegramStandin, _CallbackQuery

GROUP = -1001000000001
SATO, KENJI, YUI, ROOT = 1001, 1002, 1003, 1009

DIRECTORY = f"""
[[teams]]
name = "Tokyo Sales"
leader = "sato"
timezone = "Asia/Tokyo"
currency = "JPY"
telegram_chat = {GROUP}

[[members]]
handle = "sato"
name = "Sato Hanako"
team = "Tokyo Sales"
roles = ["leader"]
telegram_user = {SATO}

[[members]]
handle = "kenji"
name = "Kenji Tanaka"
team = "Tokyo Sales"
roles = ["sales"]
telegram_user = {KENJI}

[[members]]
handle = "yui"
name = "Yui Mori"
team = "Tokyo Sales"
roles = ["sales"]
telegram_user = {YUI}

[[members]]
handle = "root"
name = "Ada Admin"
team = "Tokyo Sales"
roles = ["admin"]
telegram_user = {ROOT}
"""

FAST = Pacing(per_chat_interval=0.0, per_group_per_minute=1000, overall_per_second=1000, margin=0)


@dataclass
class Bot:
    """One dealbot process talking to the stand-in: front end and dispatcher."""

    tg: TelegramStandin
    settings: Settings
    core: Core
    dispatcher: Dispatcher
    dispatching: bool = True
    frontend: Frontend | None = None
    _task: asyncio.Task[None] | None = None
    pacer: Pacer = field(default_factory=lambda: Pacer(FAST))

    async def start(self) -> None:
        self.frontend = await start_telegram(
            self.core, self.settings, self.dispatcher, None, pacer=self.pacer
        )
        self.dispatcher.transports = {self.frontend.transport.platform: self.frontend.transport}
        if self.dispatching:
            self._task = asyncio.create_task(self.dispatcher.run_forever(tick=0.2))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.frontend is not None:
            await self.frontend.stop()
            self.frontend = None

    # what people do
    async def said(
        self,
        user: int,
        text: str,
        *,
        chat: int | None = None,
        expect: int = 1,
        where: int | None = None,
    ) -> list[SentMessage]:
        """`user` writes `text` (in `chat`, default their private chat); the bot's answers
        in `where` (default: the user's private chat)."""
        where = user if where is None else where
        before = len(self.tg.chat_messages(where))
        if chat is None:
            self.tg.send_private(user, text)
        else:
            self.tg.send_group(chat, user, text)
        return await self.new_messages(where, before, expect)

    async def new_messages(self, chat: int, before: int, expect: int = 1) -> list[SentMessage]:
        def arrived() -> list[SentMessage] | None:
            fresh = self.tg.chat_messages(chat)[before:]
            return fresh if len(fresh) >= expect else None

        return await self.tg.wait_for(arrived)

    async def pressed(self, user: int, label: str, *, expect: int = 1) -> list[SentMessage]:
        """`user` presses the button labelled `label` on the newest message in their chat."""
        message = self.tg.chat_messages(user)[-1]
        data = next((d for text, d in message.buttons() if text == label), None)
        assert data is not None, f"no {label!r} on {message.plain!r}: {message.buttons()}"
        before = len(self.tg.chat_messages(user))
        query = self.tg.press(user, message, data)
        await self.tg.wait_for(lambda: self.tg.answered(query))
        if not expect:
            return []
        return await self.new_messages(user, before, expect)

    async def wait_in(self, chat: int, predicate: Callable[[SentMessage], bool]) -> SentMessage:
        return await self.tg.wait_for(
            lambda: next((m for m in self.tg.chat_messages(chat) if predicate(m)), None)
        )


def forge_press(tg: TelegramStandin, user: int, message: SentMessage, data: str) -> str:
    """A click whose payload names someone else's button (a crafted client, a forwarded
    keyboard): the stand-in's press() refuses to make one, so it is queued by hand."""
    query_id = str(next(tg._callback_ids))
    tg._callbacks[query_id] = _CallbackQuery(
        query_id, user, message.chat_id, message.message_id, data, 0.0
    )
    tg.inject_update(
        "callback_query",
        {
            "id": query_id,
            "from": {"id": user, "is_bot": False, "first_name": "Intruder", "language_code": "en"},
            "message": copy.deepcopy(tg._messages[message.chat_id][message.message_id]),
            "chat_instance": "forged",
            "data": data,
        },
    )
    return query_id


def settings_for(
    tg: TelegramStandin, tmp_path: Path, *, directory: str = DIRECTORY, **extra: str
) -> Settings:
    config = tmp_path / "dealbot.toml"
    config.write_text(directory, encoding="utf-8")
    values: dict[str, Any] = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'dealbot.sqlite3'}",
        "DEALBOT_CONFIG": str(config),
        "TELEGRAM_BOT_TOKEN": tg.token,
        "TELEGRAM_API_URL": tg.base_url,
        **extra,
    }
    return Settings(_env_file=None, **values)


def make_bot(
    tg: TelegramStandin, settings: Settings, clock: Clock | None = None, **kw: object
) -> Bot:
    core = build_core(settings, clock)
    dispatcher = build_dispatcher(core, parallel=clock is None)
    return Bot(tg, settings, core, dispatcher, **kw)  # type: ignore[arg-type]
