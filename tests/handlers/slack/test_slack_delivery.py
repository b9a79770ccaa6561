"""Delivery through Slack's bad moments: 429s and 5xx, then everything exactly once, in order."""

from __future__ import annotations

from pathlib import Path

from support.slack_bot import FEED, LENA, SAM, SlackBot, running_bot
from support.slack_flow import NEW_DEAL_ANSWERS, open_deal, open_modal, submit
from support.standins.slack_api import PostedMessage, SlackStandin, plain_text


def containing(messages: list[PostedMessage], text: str) -> list[PostedMessage]:
    return [m for m in messages if text in plain_text(m)]


async def test_rate_limits_and_server_errors_delay_but_never_lose_or_repeat(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path, dispatching=False) as bot:
        await _flow_through_bad_moments(bot)


async def _flow_through_bad_moments(bot: SlackBot) -> None:
    slack = bot.slack
    await open_deal(bot, SAM)
    await bot.dispatcher.drain()
    (root,) = slack.channel_messages(FEED)
    (task,) = slack.dm_messages(LENA)

    # The dispatcher is not running while the deal moves on: notifications wait in the outbox.
    await bot.driver.block_action(LENA, "advice", message=task)
    await slack.wait_for(lambda s: s.views_opened[-1][0] == LENA, what="the advice modal")
    await submit(bot, LENA, bot.driver.opened_view_for(LENA), {"advice": "Bring a reference"})
    answers = {"activity": "quote", "status": "negotiation", "notes": "Quote sent: 45k"}
    await submit(bot, SAM, await open_modal(bot, SAM, "update D-1"), answers)
    await submit(bot, SAM, await open_modal(bot, SAM, "won D-1"), {"activity": "meeting"})
    await slack.wait_for(
        lambda s: (
            containing(s.dm_messages(SAM), "Congratulations!")
            and containing(s.dm_messages(LENA), "Thank you")
        ),
        what="the answers to the forms",
    )
    posted_before = len(slack.messages)

    # The dispatcher starts, and Slack is struggling for a while.
    slack.fail_next("chat.postMessage", 429, count=3, retry_after=1)
    slack.fail_next("chat.postMessage", 500, count=3)
    slack.fail_next("conversations.open", 503, count=1)
    bot.start_dispatching()

    await slack.wait_for(
        lambda s: (
            len(s.thread(FEED, root.ts)) == 3
            and containing(s.dm_messages(SAM), "Advice on D-1 from")
            and containing(s.dm_messages(LENA), "was won")
        ),
        timeout=30,
        what="every notification",
    )
    replies = slack.thread(FEED, root.ts)
    assert [plain_text(m).splitlines()[0] for m in replies] == [
        "Advice on D-1 from Lena Leader",
        "Progress on D-1: in negotiation (Sam Seller)",
        "We won it! D-1: Warehouse robots",
    ]
    assert replies[2].reply_broadcast and not replies[0].reply_broadcast
    assert slack.channel_messages(FEED) == [root, replies[2]]
    assert len(containing(slack.dm_messages(SAM), "Advice on D-1 from")) == 1
    assert len(containing(slack.dm_messages(LENA), "was won")) == 1
    assert len(slack.messages) == posted_before + 5  # 3 replies and 2 DMs, nothing twice
    assert slack.errors == []


async def test_a_post_slack_refuses_for_good_is_parked_and_the_admins_told(
    bot: SlackBot,
) -> None:
    bot.slack.member_channels = set()  # the bot was removed from the feed channel
    await open_deal(bot, SAM)
    told = await bot.slack.wait_for(
        lambda s: containing(s.dm_messages(LENA), "Slack refuses messages to Sample Sales"),
        what="the admin told",
    )
    assert "not_in_channel" in plain_text(told[0])
    assert bot.slack.channel_messages(FEED) == []


async def test_a_fifth_of_slacks_answers_failing_loses_nothing_and_doubles_nothing(
    bot: SlackBot,
) -> None:
    bot.slack.fail_randomly(
        {"chat.postMessage", "chat.update", "conversations.open", "views.publish"}, rate=0.2
    )
    titles = [f"Deal number {n}" for n in range(1, 9)]

    for title in titles:
        view = await open_modal(bot, SAM, "new")
        response = await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "title": title})
        assert response.status == 200 and response.body == ""  # saved, the modal closes

    def settled(slack: SlackStandin) -> bool:
        feed = [plain_text(m) for m in slack.channel_messages(FEED)]
        saved = [plain_text(m) for m in slack.dm_messages(SAM) if "Saved D-" in plain_text(m)]
        tasks = [plain_text(m) for m in slack.dm_messages(LENA) if "D-" in plain_text(m)]
        return len(feed) == len(saved) == len(tasks) == len(titles)

    await bot.slack.wait_for(settled, timeout=60, what="every post, answer and task")
    for title in titles:
        assert len(containing(bot.slack.channel_messages(FEED), f": {title}")) == 1
        assert len(containing(bot.slack.dm_messages(SAM), f": {title}.")) == 1
    sam = bot.core.desks.people.person(slack_user=SAM)
    assert len(bot.core.desks.deals.my_open_deals(sam.id)) == len(titles)


async def test_an_answer_whose_reply_never_came_is_looked_for_and_not_sent_twice(
    bot: SlackBot,
) -> None:
    # The first post is the "Saved D-1" answer: Slack takes it, the line drops before the
    # bot hears back. The answer goes to the outbox, which looks for it before resending.
    bot.slack.hold_responses("chat.postMessage", count=1, disconnect=True)

    await open_deal(bot, SAM)

    await bot.slack.wait_for(
        lambda s: [m for m, _ in s.calls if m == "conversations.history"], what="the read-back"
    )
    await bot.slack.wait_for(lambda s: len(s.dm_messages(LENA)) == 1, what="the task")
    await bot.dispatcher.drain()
    assert len(containing(bot.slack.dm_messages(SAM), "Saved D-1")) == 1
    assert len(bot.slack.channel_messages(FEED)) == 1


async def test_a_feed_post_whose_reply_never_came_is_looked_for_and_not_posted_twice(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path, dispatching=False) as bot:
        await open_deal(bot, SAM)
        await bot.slack.wait_for(lambda s: s.dm_messages(SAM), what="the answer")
        bot.slack.hold_responses("chat.postMessage", count=1, disconnect=True)

        await bot.dispatcher.drain()  # the feed post goes first; the line drops after it
        bot.start_dispatching()

        await bot.slack.wait_for(
            lambda s: [m for m, _ in s.calls if m == "conversations.history"], what="read-back"
        )
        await bot.slack.wait_for(lambda s: len(s.dm_messages(LENA)) == 1, what="the task")
        await bot.stop_dispatching()
        await bot.dispatcher.drain()
        assert len(bot.slack.channel_messages(FEED)) == 1
