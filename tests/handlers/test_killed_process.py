"""Two `dealbot run --http` processes on one PostgreSQL behind a balancer; one is killed with
SIGKILL while Slack holds the answer to a post it already took. Nothing is lost, and Slack
shows every message once: the survivor reads the channel back before it sends again."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import cast

import aiohttp
from sqlalchemy import select

from dealbot.bot.dispatcher import Dispatcher
from dealbot.bot.frontend import Frontend
from dealbot.bot.wiring import Core
from dealbot.domain.core.store import make_engine
from dealbot.domain.outbox.models import Delivery
from support.slack_bot import DIRECTORY, FEED, LENA, SAM, SIGNING_SECRET, SlackBot, free_socket
from support.slack_flow import NEW_DEAL_ANSWERS, open_modal, submit
from support.standins.slack_api import SlackStandin, plain_text
from support.standins.slack_driver import SlackDriver
from support.store import drop_scratch_postgres, scratch_postgres

DEALBOT = str(Path(sys.executable).parent / "dealbot")


@asynccontextmanager
async def bot_process(
    tmp_path: Path, slack: SlackStandin, name: str, database_url: str
) -> AsyncIterator[tuple[str, asyncio.subprocess.Process]]:
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DEALBOT_"))}
    env.update(
        DATABASE_URL=database_url,
        DEALBOT_CONFIG=str(tmp_path / "dealbot.toml"),
        DEALBOT_HTTP_PORT=str(port),
        DEALBOT_DELIVERY_LEASE_SECONDS="2",
        SLACK_BOT_TOKEN=slack.token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=slack.base_url,
    )
    log = (tmp_path / f"{name}.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        DEALBOT, "run", "--http", cwd=tmp_path, env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            try:
                async with session.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)  # polling a starting process, not synchronising work
        else:
            raise AssertionError((tmp_path / f"{name}.log").read_text())
    try:
        yield url, process
    finally:
        if process.returncode is None:
            process.terminate()
            await process.wait()
        log.close()


def _driven(slack: SlackStandin, url: str) -> SlackBot:
    """What the Slack flow helpers need to drive a bot in another process: its URL."""
    driver = SlackDriver(url, SIGNING_SECRET, slack)
    return SlackBot(
        slack, driver, cast(Core, None), cast(Dispatcher, None), cast(Frontend, None), url
    )


def _holder_pid(database_url: str, delivery_id: int) -> int:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        holder = connection.execute(
            select(Delivery.claimed_by).where(Delivery.id == delivery_id)
        ).scalar_one()
    engine.dispose()
    return int(str(holder).split(":")[1])  # host:pid:nonce


def _feed_delivery(database_url: str) -> int:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        found = (
            connection.execute(
                select(Delivery.id).where(
                    Delivery.address == FEED, Delivery.claimed_by.is_not(None)
                )
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert len(found) == 1, found
    return found[0]


async def test_a_process_killed_after_slack_took_its_post_loses_nothing_and_posts_once(
    tmp_path: Path,
) -> None:
    url = scratch_postgres("killed")
    (tmp_path / "dealbot.toml").write_text(DIRECTORY, encoding="utf-8")
    try:
        await _kill_inside_the_send_window(tmp_path, url)
    finally:
        drop_scratch_postgres(url)


async def _kill_inside_the_send_window(tmp_path: Path, url: str) -> None:
    async with SlackStandin(known_users_only=True) as slack:
        for user, name in ((LENA, "lena"), (SAM, "sam")):
            slack.add_user(user, name=name, locale="en-US")
        async with (
            bot_process(tmp_path, slack, "one", url) as (one, first),
            bot_process(tmp_path, slack, "two", url) as (two, second),
        ):
            # Slack takes the feed post and posts it, but its answer never comes back.
            slack.hold_responses("chat.postMessage", channel=FEED)
            bot = _driven(slack, one)
            view = await open_modal(bot, SAM, "new")
            await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "title": "Held"})
            await slack.wait_for_held()
            holder = _holder_pid(url, _feed_delivery(url))
            os.kill(holder, signal.SIGKILL)  # killed in the send window
            survivor = two if holder == first.pid else one
            assert holder in (first.pid, second.pid)

            # The balancer sends the next deals to the survivor.
            bot = _driven(slack, survivor)
            for title in ("After one", "After two"):
                view = await open_modal(bot, SAM, "new")
                await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "title": title})

            def settled(s: SlackStandin) -> bool:
                return len(s.channel_messages(FEED)) >= 3 and len(s.dm_messages(LENA)) >= 3

            await slack.wait_for(settled, timeout=30, what="every deal in the feed")
            slack.release_held()
            feed = [plain_text(m) for m in slack.channel_messages(FEED)]
            for title in ("Held", "After one", "After two"):
                assert sum(1 for text in feed if f": {title}" in text) == 1, feed
            assert len(slack.dm_messages(LENA)) == 3
            assert [m for m, _ in slack.calls].count("conversations.history") >= 1
