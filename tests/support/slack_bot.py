"""The Slack front end served for real: Bolt over HTTP, the stand-in Web API, the dispatcher."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from dealbot.bot.dispatcher import DeliveryPolicy, Dispatcher
from dealbot.bot.frontend import Frontend
from dealbot.bot.http_wiring import serve_api
from dealbot.bot.settings import Settings
from dealbot.bot.slack_wiring import start_slack
from dealbot.bot.wiring import Core, build_core, build_dispatcher, prepare_loop
from support.standins.slack_api import SlackStandin
from support.standins.slack_driver import SlackDriver

SIGNING_SECRET = "dealbot-test-signing-secret"
INTAKE_TOKEN = "dealbot-test-intake-token"
FEED = "C0FEED001"
LENA, SAM, KIM, STRANGER = "U0LENA001", "U0SAM0001", "U0KIM0001", "U0NOBODY1"

DIRECTORY = f"""
[[teams]]
name = "Sample Sales"
leader = "lena"
timezone = "UTC"
locale = "en"
currency = "USD"
slack_channel = "{FEED}"

[[members]]
handle = "lena"
name = "Lena Leader"
team = "Sample Sales"
roles = ["leader", "admin"]
slack_user = "{LENA}"

[[members]]
handle = "sam"
name = "Sam Seller"
team = "Sample Sales"
roles = ["sales"]
slack_user = "{SAM}"

[[members]]
handle = "kim"
name = "Kim Seller"
team = "Sample Sales"
roles = ["sales"]
slack_user = "{KIM}"
"""


@dataclass
class SlackBot:
    slack: SlackStandin
    driver: SlackDriver
    core: Core
    dispatcher: Dispatcher
    frontend: Frontend
    url: str
    dispatching: asyncio.Task[None] | None = None

    def start_dispatching(self) -> None:
        self.dispatching = asyncio.create_task(self.dispatcher.run_forever(tick=0.05))

    async def stop_dispatching(self) -> None:
        if self.dispatching is not None:
            self.dispatching.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.dispatching
            self.dispatching = None


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock


USERS = ((LENA, "lena"), (SAM, "sam"), (KIM, "kim"), (STRANGER, "nobody"))


@contextlib.asynccontextmanager
async def running_bot(
    tmp_path: Path,
    *,
    max_backoff: float = 0.2,
    dispatching: bool = True,
    directory: str = DIRECTORY,
    users: tuple[tuple[str, str], ...] = USERS,
    scopes: Iterable[str] | None = None,
) -> AsyncIterator[SlackBot]:
    """Everything `dealbot run --http` starts for Slack, on 127.0.0.1, torn down afterwards.

    `scopes`: the bot token's scopes, enforced by the stand-in (default: every scope)."""
    config = tmp_path / "dealbot.toml"
    config.write_text(directory, encoding="utf-8")
    async with SlackStandin(known_users_only=True, scopes=scopes) as slack:
        for user, name in users:
            slack.add_user(user, name=name, locale="en-US")
        settings = Settings(
            DATABASE_URL=f"sqlite:///{tmp_path / 'dealbot.sqlite3'}",
            DEALBOT_CONFIG=str(config),
            SLACK_BOT_TOKEN=slack.token,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=slack.base_url,
            DEALBOT_INTAKE_TOKEN=INTAKE_TOKEN,
        )
        prepare_loop()
        core = build_core(settings)
        dispatcher = build_dispatcher(core, policy=DeliveryPolicy(max_backoff=max_backoff))
        app = web.Application()
        frontend = await start_slack(core, settings, dispatcher, app)
        dispatcher.add(frontend.transport)
        serve_api(core, settings, app, dispatcher.wake)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        sock = free_socket()
        await web.SockSite(runner, sock).start()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        bot = SlackBot(
            slack, SlackDriver(url, SIGNING_SECRET, slack), core, dispatcher, frontend, url
        )
        if dispatching:
            bot.start_dispatching()
        try:
            yield bot
        finally:
            await bot.stop_dispatching()
            await frontend.stop()
            await runner.cleanup()
            core.engine.dispose()
