"""The Telegram front end end to end: the real Application polling the stand-in Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from support.standins.telegram_api import TelegramStandin
from support.telegram_bot import GROUP, Bot, make_bot, settings_for


@pytest.fixture
async def tg() -> AsyncIterator[TelegramStandin]:
    async with TelegramStandin() as standin:
        standin.add_group(GROUP, "Tokyo Sales")
        yield standin


@pytest.fixture
async def bot(tg: TelegramStandin, tmp_path: Path) -> AsyncIterator[Bot]:
    running = make_bot(tg, settings_for(tg, tmp_path))
    await running.start()
    try:
        yield running
    finally:
        await running.stop()
        running.core.engine.dispose()
