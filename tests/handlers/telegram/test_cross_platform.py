"""One process, both front ends: the salesperson on Slack, the leader on Telegram."""

from __future__ import annotations

from pathlib import Path

from support.mixed import FEED, GROUP, LENA, SAM, deployment
from support.slack_flow import open_deal, open_modal, submit
from support.standins.slack_api import plain_text


async def test_salesperson_on_slack_and_leader_on_telegram(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dealbot.sqlite3'}"
    async with deployment(tmp_path, url, [(True, True)]) as found:
        slack, tg = found.slack, found.tg
        bot = found.slack_bot()
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
