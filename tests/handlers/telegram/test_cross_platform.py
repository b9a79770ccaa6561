"""One process, both front ends: the salesperson on Slack, the leader on Telegram."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from aiohttp import web

from dealbot.bot.dispatcher import DeliveryPolicy
from dealbot.bot.settings import Settings
from dealbot.bot.slack_wiring import start_slack
from dealbot.bot.telegram_wiring import start_telegram
from dealbot.bot.wiring import build_core, build_dispatcher
from dealbot.handlers.telegram.transport import Pacer
from support.slack_bot import SIGNING_SECRET, SlackBot, free_socket
from support.slack_flow import open_deal, open_modal, submit
from support.standins.slack_api import SlackStandin, plain_text
from support.standins.slack_driver import SlackDriver
from support.standins.telegram_api import TelegramStandin
from support.telegram_bot import FAST

FEED, SAM = "C0FEED001", "U0SAM0001"
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
"""


async def test_salesperson_on_slack_and_leader_on_telegram(tmp_path: Path) -> None:
    config = tmp_path / "dealbot.toml"
    config.write_text(DIRECTORY, encoding="utf-8")
    async with SlackStandin(known_users_only=True) as slack, TelegramStandin() as tg:
        slack.add_user(SAM, name="sam", locale="en-US")
        tg.add_group(GROUP, "Mixed Sales")
        settings = Settings(
            _env_file=None,
            DATABASE_URL=f"sqlite:///{tmp_path / 'dealbot.sqlite3'}",
            DEALBOT_CONFIG=str(config),
            SLACK_BOT_TOKEN=slack.token,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=slack.base_url,
            TELEGRAM_BOT_TOKEN=tg.token,
            TELEGRAM_API_URL=tg.base_url,
        )
        core = build_core(settings)
        dispatcher = build_dispatcher(core, policy=DeliveryPolicy(max_backoff=0.2))
        app = web.Application()
        on_slack = await start_slack(core, settings, dispatcher, app)
        on_telegram = await start_telegram(core, settings, dispatcher, app, pacer=Pacer(FAST))
        dispatcher.add(on_slack.transport)
        dispatcher.add(on_telegram.transport)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        sock = free_socket()
        await web.SockSite(runner, sock).start()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        bot = SlackBot(
            slack, SlackDriver(url, SIGNING_SECRET, slack), core, dispatcher, on_slack, url
        )
        dispatching = asyncio.create_task(dispatcher.run_forever(tick=0.05))
        try:
            tg.send_private(LENA, "/start")
            await tg.wait_for(lambda: tg.last_message(LENA))

            await open_deal(bot, SAM)
            (root,) = await slack.wait_for(lambda s: s.channel_messages(FEED), what="feed post")
            post = await tg.wait_for(lambda: tg.last_message(GROUP))
            assert post.plain.startswith("New deal D-1: Warehouse robots")
            task = await tg.wait_for(
                lambda: next((m for m in tg.chat_messages(LENA) if m.buttons()), None)
            )
            assert "Advice wanted on D-1" in task.plain

            before = len(tg.chat_messages(LENA))
            query = tg.press(LENA, task, task.buttons()[0][1] or "")
            await tg.wait_for(lambda: tg.answered(query))
            await tg.wait_for(lambda: len(tg.chat_messages(LENA)) > before)
            before = len(tg.chat_messages(LENA))
            tg.send_private(LENA, "Bring a reference customer")
            summary = await tg.wait_for(
                lambda: tg.chat_messages(LENA)[-1] if len(tg.chat_messages(LENA)) > before else None
            )
            save = next(data for text, data in summary.buttons() if text == "Save")
            tg.press(LENA, summary, save or "")

            thread = await slack.wait_for(lambda s: s.thread(FEED, root.ts), what="advice")
            assert "Bring a reference customer" in plain_text(thread[0])
            await slack.wait_for(
                lambda s: [m for m in s.dm_messages(SAM) if "Advice on D-1" in (m.text or "")],
                what="advice to Sam on Slack",
            )
            advice = await tg.wait_for(
                lambda: next((m for m in tg.chat_messages(GROUP) if "Advice" in m.plain), None)
            )
            assert advice.reply_to_message_id == post.message_id

            view = await open_modal(bot, SAM, "won D-1")
            await submit(bot, SAM, view, {"activity": "meeting", "notes": "Signed!"})
            await tg.wait_for(
                lambda: next((m for m in tg.chat_messages(LENA) if "was won" in m.plain), None)
            )
            won = await tg.wait_for(
                lambda: next((m for m in tg.chat_messages(GROUP) if "We won it" in m.plain), None)
            )
            assert won.reply_to_message_id == post.message_id
            assert tg.errors == [] and slack.errors == []
        finally:
            dispatching.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await dispatching
            await on_telegram.stop()
            await on_slack.stop()
            await runner.cleanup()
            core.engine.dispose()
