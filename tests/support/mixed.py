"""Several dealbot processes on one database, serving Slack, Telegram or both, against the
stand-ins: what a deployment with a Slack-only and a Telegram-only process looks like."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from dealbot.bot.dispatcher import DeliveryPolicy, Dispatcher
from dealbot.bot.frontend import Frontend
from dealbot.bot.settings import Settings
from dealbot.bot.slack_wiring import start_slack
from dealbot.bot.telegram_wiring import start_telegram
from dealbot.bot.wiring import Core, build_core, build_dispatcher
from dealbot.handlers.telegram.transport import Pacer
from support.slack_bot import SIGNING_SECRET, SlackBot, free_socket
from support.standins.slack_api import SlackStandin
from support.standins.slack_driver import SlackDriver
from support.standins.telegram_api import TelegramStandin
from support.telegram_bot import FAST

FEED, SAM, ROOT = "C0FEED001", "U0SAM0001", "U0ROOT001"
GROUP, LENA = -1001000000007, 2001

DIRECTORY = f"""
[[teams]]
name = "Mixed Sales"
leader = "lena"
currency = "USD"
slack_channel = "{FEED}"
telegram_chat = {GROUP}

[[members]]
handle = "lena"
name = "Lena Leader"
team = "Mixed Sales"
roles = ["leader"]
telegram_user = {LENA}

[[members]]
handle = "sam"
name = "Sam Seller"
team = "Mixed Sales"
roles = ["sales"]
slack_user = "{SAM}"

[[members]]
handle = "root"
name = "Ada Admin"
team = "Mixed Sales"
roles = ["admin"]
slack_user = "{ROOT}"
"""


@dataclass
class Process:
    """One `dealbot run --http`: its core, its dispatcher, the front ends it serves."""

    core: Core
    dispatcher: Dispatcher
    frontends: list[Frontend]
    url: str
    runner: web.AppRunner
    task: asyncio.Task[None] | None = None

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        for frontend in self.frontends:
            await frontend.stop()
        await self.runner.cleanup()
        self.core.engine.dispose()


@dataclass
class Deployment:
    slack: SlackStandin
    tg: TelegramStandin
    processes: list[Process] = field(default_factory=list)

    def slack_bot(self, process: int = 0) -> SlackBot:
        """The Slack side of one process, as the Slack flow helpers drive it."""
        serving = self.processes[process]
        driver = SlackDriver(serving.url, SIGNING_SECRET, self.slack)
        return SlackBot(
            self.slack, driver, serving.core, serving.dispatcher, serving.frontends[0], serving.url
        )


async def start_process(
    settings: Settings, *, slack: bool, telegram: bool, dispatching: bool = True
) -> Process:
    core = build_core(settings)
    dispatcher = build_dispatcher(core, policy=DeliveryPolicy(max_backoff=0.2))
    app = web.Application()
    frontends = []
    if slack:
        frontends.append(await start_slack(core, settings, dispatcher, app))
    if telegram:
        frontends.append(await start_telegram(core, settings, dispatcher, app, pacer=Pacer(FAST)))
    for frontend in frontends:
        dispatcher.add(frontend.transport)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = free_socket()
    await web.SockSite(runner, sock).start()
    process = Process(
        core, dispatcher, frontends, f"http://127.0.0.1:{sock.getsockname()[1]}", runner
    )
    if dispatching:
        process.task = asyncio.create_task(dispatcher.run_forever(tick=0.05))
    return process


SLACK_USERS = ((SAM, "sam"), (ROOT, "root"))


@contextlib.asynccontextmanager
async def deployment(
    tmp_path: Path,
    database_url: str,
    shapes: list[tuple[bool, bool]],
    *,
    directory: str = DIRECTORY,
    slack_users: tuple[tuple[str, str], ...] = SLACK_USERS,
) -> AsyncIterator[Deployment]:
    """Processes of the given (serves Slack, serves Telegram) shapes on one database."""
    config = tmp_path / "dealbot.toml"
    config.write_text(directory, encoding="utf-8")
    async with SlackStandin(known_users_only=True) as slack, TelegramStandin() as tg:
        for user, name in slack_users:
            slack.add_user(user, name=name, locale="en-US")
        tg.add_group(GROUP, "Mixed Sales")
        found = Deployment(slack, tg)
        try:
            for serves_slack, serves_telegram in shapes:
                values: dict[str, str] = {
                    "DATABASE_URL": database_url,
                    "DEALBOT_CONFIG": str(config),
                }
                if serves_slack:
                    values |= {
                        "SLACK_BOT_TOKEN": slack.token,
                        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                        "SLACK_API_URL": slack.base_url,
                    }
                if serves_telegram:
                    values |= {"TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_API_URL": tg.base_url}
                settings = Settings(_env_file=None, **values)  # type: ignore[arg-type]
                found.processes.append(
                    await start_process(settings, slack=serves_slack, telegram=serves_telegram)
                )
            yield found
        finally:
            for process in found.processes:
                await process.stop()
