"""PRODUCT.md §2 end to end on Slack: signed requests in, the stand-in Web API checking out."""

from __future__ import annotations

from typing import Any

from support.slack_bot import FEED, KIM, LENA, SAM, SlackBot
from support.slack_drawn import draw
from support.slack_flow import dm_count, open_deal, open_modal, submit, texts
from support.standins.slack_api import PostedMessage, plain_text


def button_of(message: PostedMessage) -> dict[str, Any]:
    (actions,) = [b for b in message.blocks or [] if b["type"] == "actions"]
    (button,) = actions["elements"]
    assert isinstance(button, dict)
    return button


async def advice_task(bot: SlackBot) -> PostedMessage:
    (task,) = await dm_count(bot.slack, LENA, 1)
    return task


async def give_advice(bot: SlackBot, text: str) -> None:
    task = await advice_task(bot)
    before = len(bot.slack.views_opened)
    await bot.driver.block_action(LENA, "advice", message=task)
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="the advice modal")
    view = bot.driver.opened_view_for(LENA)
    assert view["title"]["text"] == "Advice on D-1"
    await submit(bot, LENA, view, {"advice": text})


async def test_a_new_deal_posts_to_the_feed_and_asks_the_leader_for_advice(bot: SlackBot) -> None:
    view = await open_modal(bot, SAM, "new")
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"]}
    assert kinds["amount"] == "plain_text_input" and kinds["industry"] == "static_select"
    assert "number_input" not in kinds.values()

    answer = await submit(bot, SAM, view, {**_new_deal()})
    assert answer.body == ""  # the modal closes

    (post,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the feed post")
    assert "New deal D-1: Warehouse robots" in str(post.text)
    seen = draw(post).seen.split("\n")
    assert seen[seen.index("Customer") + 1] == "Acme Robotics" and "$48,000.00" in seen
    task = await advice_task(bot)
    assert "Advice wanted on D-1" in plain_text(task)
    assert button_of(task)["text"] == {"type": "plain_text", "text": "Give advice", "emoji": True}
    (saved,) = await dm_count(bot.slack, SAM, 1)
    assert "Saved D-1: Warehouse robots." in plain_text(saved)
    assert bot.slack.errors == []


async def test_the_whole_flow_from_opening_to_won_keeps_one_thread_per_deal(
    bot: SlackBot,
) -> None:
    await open_deal(bot, SAM)
    (root,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the feed post")

    await give_advice(bot, "Bring a reference customer")
    thread = await bot.slack.wait_for(lambda s: s.thread(FEED, root.ts), what="advice reply")
    assert "Advice on D-1 from Lena Leader" in str(thread[0].text)
    assert "Bring a reference customer" in plain_text(thread[0])
    sam_dms = await bot.slack.wait_for(
        lambda s: [m for m in s.dm_messages(SAM) if "Advice on D-1" in (m.text or "")]
    )
    assert "Bring a reference customer" in plain_text(sam_dms[0])
    (task,) = await bot.slack.wait_for(
        lambda s: [m for m in s.dm_messages(LENA) if m.edits], what="the task card changed"
    )
    assert "Advice on D-1 given" in plain_text(task)
    assert not [b for b in task.blocks or [] if b.get("type") == "actions"]

    view = await open_modal(bot, SAM, "update D-1")
    assert "deal" not in {b["block_id"] for b in view["blocks"]}  # fixed by the command
    await submit(
        bot,
        SAM,
        view,
        {"activity": "quote", "status": "negotiation", "notes": "Quote sent: 45k"},
    )
    await bot.slack.wait_for(lambda s: len(s.thread(FEED, root.ts)) == 2, what="the progress")
    progress = bot.slack.thread(FEED, root.ts)[1]
    assert "Progress on D-1: in negotiation" in plain_text(progress)
    assert "Quote sent: 45k" in plain_text(progress)
    assert len(bot.slack.channel_messages(FEED)) == 1  # only the deal's post is in the channel

    view = await open_modal(bot, SAM, "won D-1")
    await submit(bot, SAM, view, {"activity": "meeting", "notes": "Signed!"})
    won = await bot.slack.wait_for(
        lambda s: [m for m in s.dm_messages(LENA) if "was won" in (m.text or "")],
        what="the leader told of the win",
    )
    assert "D-1 was won by Sam Seller" in str(won[0].text)
    await bot.slack.wait_for(lambda s: len(s.thread(FEED, root.ts)) == 3, what="the win reply")
    replies = bot.slack.thread(FEED, root.ts)
    assert len(replies) == 3 and "We won it! D-1: Warehouse robots" in str(replies[2].text)
    assert replies[2].reply_broadcast  # also visible in the channel
    assert [m.ts for m in bot.slack.channel_messages(FEED)] == [root.ts, replies[2].ts]
    assert bot.slack.errors == []


async def test_lost_needs_a_reason_and_reaches_only_the_leader(bot: SlackBot) -> None:
    await open_deal(bot, SAM)
    (root,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the feed post")
    await advice_task(bot)

    view = await open_modal(bot, SAM, "lost D-1")
    lost_reason = next(b for b in view["blocks"] if b["block_id"] == "lost_reason")
    assert lost_reason["optional"] is True  # asked only when lost; the neutral form decides
    refused = await submit(bot, SAM, view, {"activity": "call"})
    assert refused.json == {
        "response_action": "errors",
        "errors": {"lost_reason": "Lost reason is required."},
    }

    await submit(bot, SAM, view, {"activity": "call", "lost_reason": "Budget frozen until 2028"})
    lost = await bot.slack.wait_for(
        lambda s: [m for m in s.dm_messages(LENA) if "was lost" in (m.text or "")],
        what="the leader told of the loss",
    )
    assert "Budget frozen until 2028" in plain_text(lost[0])
    confirmation = await bot.slack.wait_for(
        lambda s: [m for m in s.dm_messages(SAM) if "closed as lost" in plain_text(m)]
    )
    assert "Only your leader is told" in plain_text(confirmation[0])
    assert bot.slack.channel_messages(FEED) == [root]
    assert bot.slack.thread(FEED, root.ts) == []
    assert not any("Budget" in text for text in texts(bot.slack.dm_messages(KIM)))
    assert bot.slack.errors == []


async def test_the_app_home_shows_open_deals_and_the_advice_waiting(bot: SlackBot) -> None:
    await open_deal(bot, SAM)
    await advice_task(bot)
    await bot.slack.wait_for(
        lambda s: "D-1" in plain_text(s.home_views.get(LENA, {})),
        what="the leader's home with the task",
    )
    home = bot.slack.home_views[LENA]
    assert "Waiting for me" in plain_text(home) and "Give advice" in plain_text(home)
    await bot.driver.app_home_opened(SAM)
    sam_home = await bot.slack.wait_for(lambda s: s.home_views.get(SAM), what="Sam's home")
    assert "My open deals" in plain_text(sam_home) and "D-1 · Warehouse robots" in plain_text(
        sam_home
    )

    before = len(bot.slack.views_opened)
    await bot.driver.block_action(LENA, "advice", view=home)
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="the advice modal")
    await submit(bot, LENA, bot.driver.opened_view_for(LENA), {"advice": "Call them"})
    await bot.slack.wait_for(
        lambda s: "D-1" not in plain_text(s.home_views[LENA]), what="the task gone from home"
    )
    assert bot.slack.errors == []


def _new_deal() -> dict[str, str]:
    from support.slack_flow import NEW_DEAL_ANSWERS

    return dict(NEW_DEAL_ANSWERS)
