"""Acknowledgement latency of the Slack front end under 50 concurrent senders.

Serves dealbot's Slack app over HTTP (with the stand-in Web API behind it) and, beside it, a bare
Bolt AsyncApp that only acknowledges; sends signed `/deal new` commands and "Give advice" clicks
to both and prints p50/p99 of the time until the acknowledgement arrives.

    .venv/bin/python bench/slack_ack.py [--senders 50] [--requests 10]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

# The stand-ins are test support code; only that folder goes on the path, not the repository.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from dealbot.bot.slack_wiring import serve_http
from support.slack_bot import (
    FEED,
    LENA,
    SAM,
    SIGNING_SECRET,
    free_socket,
    running_bot,
)
from support.slack_flow import open_deal
from support.standins.slack_api import SlackStandin
from support.standins.slack_driver import sign

FORM = "application/x-www-form-urlencoded"
Body = Callable[[], bytes]


def command_body(slack: SlackStandin) -> Body:
    def body() -> bytes:
        fields = {
            "token": slack.verification_token,
            "team_id": slack.team_id,
            "channel_id": FEED,
            "user_id": SAM,
            "command": "/deal",
            "text": "new",
            "response_url": slack.new_response_url(user_id=SAM, channel_id=FEED),
            "trigger_id": slack.new_trigger_id(SAM),
        }
        return urlencode(fields).encode()

    return body


def click_body(slack: SlackStandin, task_id: str) -> Body:
    channel = slack.dm_channel(LENA)

    def body() -> bytes:
        payload = {
            "type": "block_actions",
            "user": {"id": LENA, "username": "lena", "team_id": slack.team_id},
            "api_app_id": slack.app_id,
            "token": slack.verification_token,
            "team": {"id": slack.team_id, "domain": slack.team_domain},
            "channel": {"id": channel, "name": "directmessage"},
            "container": {"type": "message", "channel_id": channel, "message_ts": "1.000001"},
            "trigger_id": slack.new_trigger_id(LENA),
            "response_url": slack.new_response_url(user_id=LENA, channel_id=channel),
            "actions": [
                {
                    "type": "button",
                    "action_id": "advice",
                    "block_id": "task",
                    "value": task_id,
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        return urlencode({"payload": json.dumps(payload)}).encode()

    return body


async def measure(url: str, minter: str, senders: int, per_sender: int) -> list[float]:
    """Run in the load process: fetch a fresh body (untimed), then time the signed POST."""
    latencies: list[float] = []
    connector = aiohttp.TCPConnector(limit=senders * 2)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def sender() -> None:
            for _ in range(per_sender):
                async with session.get(minter) as minted:
                    data = await minted.read()
                stamp = str(int(time.time()))
                headers = {
                    "Content-Type": FORM,
                    "X-Slack-Request-Timestamp": stamp,
                    "X-Slack-Signature": sign(SIGNING_SECRET, stamp, data),
                }
                started = time.perf_counter()
                async with session.post(url, data=data, headers=headers) as response:
                    await response.read()
                    assert response.status == 200, response.status
                latencies.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(sender() for _ in range(senders)))
    return latencies


async def load(url: str, minter: str, senders: int, per_sender: int) -> list[float]:
    """The senders in a process of their own, so that they do not slow the bot they measure."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--load",
        url,
        minter,
        "--senders",
        str(senders),
        "--requests",
        str(per_sender),
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"load process failed ({child.returncode})")
    latencies: list[float] = json.loads(out)
    return latencies


async def minter(bodies: dict[str, Body]) -> tuple[str, Callable[[], Awaitable[None]]]:
    """Fresh trigger ids and response URLs come from the stand-in, which lives here."""

    async def mint(request: web.Request) -> web.Response:
        return web.Response(body=bodies[request.match_info["kind"]]())

    app = web.Application()
    app.router.add_get("/mint/{kind}", mint)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = free_socket()
    await web.SockSite(runner, sock).start()
    return f"http://127.0.0.1:{sock.getsockname()[1]}/mint/", runner.cleanup


async def bare_bolt(slack: SlackStandin) -> tuple[str, Callable[[], Awaitable[None]]]:
    bolt = AsyncApp(
        client=AsyncWebClient(token=slack.token, base_url=slack.base_url),
        signing_secret=SIGNING_SECRET,
    )

    async def ack_only(ack: AsyncAck) -> None:
        await ack()

    bolt.command("/deal")(ack_only)
    bolt.action(re.compile(r".+"))(ack_only)
    app = web.Application()
    serve_http(bolt, app, SIGNING_SECRET)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = free_socket()
    await web.SockSite(runner, sock).start()
    return f"http://127.0.0.1:{sock.getsockname()[1]}/slack/events", runner.cleanup


def views_opens(slack: SlackStandin) -> int:
    return sum(1 for method, _ in slack.calls if method == "views.open")


async def finished(slack: SlackStandin, opens: int) -> None:
    """Wait until the bot has opened (or tried to open) `opens` modals in all."""
    await slack.wait_for(lambda s: views_opens(s) >= opens, timeout=120)


def row(target: str, kind: str, latencies: list[float]) -> str:
    cuts = statistics.quantiles(latencies, n=100)
    return (
        f"| {target:<9} | {kind:<10} | {len(latencies):>4} | {cuts[49]:>7.1f} | {cuts[98]:>7.1f} |"
    )


async def main(senders: int, per_sender: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(Path(tmp)) as bot:
            await open_deal(bot, SAM)
            await bot.dispatcher.drain()
            task = await bot.slack.wait_for(lambda s: s.dm_messages(LENA), what="the task")
            button = next(b for b in task[0].blocks or [] if b["type"] == "actions")
            task_id = str(button["elements"][0]["value"])
            bare_url, stop_bare = await bare_bolt(bot.slack)
            dealbot_url = f"{bot.url}/slack/events"
            bodies = {"command": command_body(bot.slack), "click": click_body(bot.slack, task_id)}
            mint_url, stop_minter = await minter(bodies)
            # warm both up (auth.test, connection pools, first queries)
            for url in (dealbot_url, bare_url):
                for kind in bodies:
                    await load(url, mint_url + kind, 5, 2)
            await bot.slack.wait_for(lambda s: views_opens(s) >= 21, timeout=60)
            results = []
            for kind, label in (("command", "/deal new"), ("click", "click")):
                for target, url in (("bare Bolt", bare_url), ("dealbot", dealbot_url)):
                    opened = views_opens(bot.slack)
                    latencies = await load(url, mint_url + kind, senders, per_sender)
                    if target == "dealbot":  # let the work after the acks finish first
                        await finished(bot.slack, opened + len(latencies))
                    results.append((target, label, latencies))
            await stop_minter()
            await stop_bare()
            expired = [e for e in bot.slack.errors if e[1] == "expired_trigger_id"]
            others = [e for e in bot.slack.errors if e[1] != "expired_trigger_id"]
    print(f"{senders} concurrent senders × {per_sender} requests each; milliseconds to the ack")
    print("| target    | request    |    n |     p50 |     p99 |")
    print("| --------- | ---------- | ---- | ------- | ------- |")
    for target, kind, latencies in results:
        print(row(target, kind, latencies))
    for kind in ("/deal new", "click"):
        bare = next(r[2] for r in results if r[0] == "bare Bolt" and r[1] == kind)
        ours = next(r[2] for r in results if r[0] == "dealbot" and r[1] == kind)
        ratio = statistics.quantiles(ours, n=100)[98] / statistics.quantiles(bare, n=100)[98]
        print(f"{kind}: dealbot p99 is {ratio:.1f}× bare Bolt's")
    print(f"modals opened too late (trigger over 3 s old): {len(expired)}")
    if others:
        print(f"stand-in recorded {len(others)} other errors, first: {others[0]}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--requests", type=int, default=10, help="requests per sender")
    parser.add_argument("--load", nargs=2, metavar=("URL", "MINTER"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.load:
        url, mint_url = arguments.load
        found = asyncio.run(measure(url, mint_url, arguments.senders, arguments.requests))
        print(json.dumps(found))
    else:
        asyncio.run(main(arguments.senders, arguments.requests))
