"""Deployments of several processes and platforms: every notification once, on the right
platform, whichever process serves it; a dead place stops only itself."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from support.mixed import FEED, GROUP, LENA, ROOT, SAM, deployment
from support.slack_flow import NEW_DEAL_ANSWERS, open_modal, submit
from support.standins.slack_api import SlackStandin, plain_text
from support.standins.telegram_api import TelegramStandin
from support.store import PG_URL, fresh_postgres


def _count(texts: list[str], part: str) -> int:
    return sum(1 for t in texts if part in t)


def _texts(tg: TelegramStandin, chat: int) -> list[str]:
    return [m.plain for m in tg.chat_messages(chat)]


def _in_feed(title: str, slack: SlackStandin) -> bool:
    return _count([plain_text(m) for m in slack.channel_messages(FEED)], title) == 1


async def test_a_slack_only_and_a_telegram_only_process_on_one_postgresql_deliver_all_once(
    tmp_path: Path,
) -> None:
    fresh_postgres().dispose()
    async with deployment(tmp_path, PG_URL, [(True, False), (False, True)]) as found:
        slack, tg = found.slack, found.tg
        bot = found.slack_bot(0)
        tg.send_private(LENA, "/start")
        await tg.wait_for(lambda: tg.last_message(LENA))

        view = await open_modal(bot, SAM, "new")
        await submit(bot, SAM, view, NEW_DEAL_ANSWERS)
        task = await tg.wait_for(
            lambda: next((m for m in tg.chat_messages(LENA) if m.buttons()), None)
        )
        await tg.wait_for(lambda: tg.chat_messages(GROUP))
        view = await open_modal(bot, SAM, "won D-1")
        await submit(bot, SAM, view, {"activity": "meeting"})

        await slack.wait_for(
            lambda s: len(s.thread(FEED, s.channel_messages(FEED)[0].ts)) == 1, what="won reply"
        )
        await tg.wait_for(lambda: _count(_texts(tg, GROUP), "We won it") == 1)
        await tg.wait_for(lambda: _count(_texts(tg, LENA), "was won") == 1)
        for process in found.processes:
            await process.dispatcher.drain()

        feed = [plain_text(m) for m in slack.messages if m.channel == FEED]
        group, lena = _texts(tg, GROUP), _texts(tg, LENA)
        assert _count(feed, "New deal D-1") == 1 and _count(feed, "We won it") == 1
        assert _count(group, "New deal D-1") == 1 and _count(group, "We won it") == 1
        # The advice task's card was changed (on Telegram, in place) when the deal was won.
        assert _count(lena, "D-1 is closed") == 1 and _count(lena, "was won") == 1
        # `task` is the message as the stand-in holds it now: edited once, in place.
        assert [v.plain.splitlines()[0] for v in task.history] == [
            "Advice wanted on D-1: Warehouse robots"
        ]
        assert task.plain.startswith("D-1 is closed") and task.buttons() == []
        assert [m.buttons() for m in tg.chat_messages(LENA) if "D-1 is closed" in m.plain] == [[]]
        assert slack.errors == [] and tg.errors == []


async def test_the_bot_removed_from_the_telegram_group_leaves_the_slack_feed_flowing(
    tmp_path: Path,
) -> None:
    async with deployment(tmp_path, f"sqlite:///{tmp_path}/one.sqlite3", [(True, True)]) as found:
        slack, tg = found.slack, found.tg
        bot = found.slack_bot()
        tg.remove_bot_from_group(GROUP)

        for title in ("Robots", "Conveyors"):
            view = await open_modal(bot, SAM, "new")
            await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "title": title})
            await slack.wait_for(partial(_in_feed, title), what=f"{title} in the feed")

        told = await slack.wait_for(
            lambda s: [m for m in s.dm_messages(ROOT) if "refuses messages to" in plain_text(m)],
            what="the admin told",
        )
        await found.processes[0].dispatcher.drain()
        assert len([m for m in slack.dm_messages(ROOT) if "refuses messages" in plain_text(m)]) == 1
        assert "Telegram refuses messages to Mixed Sales" in plain_text(told[0])
        assert tg.chat_messages(GROUP) == []
