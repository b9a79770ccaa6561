"""Bad input on Slack: inline errors that keep what was typed, and text that pings nobody."""

from __future__ import annotations

import asyncio
from pathlib import Path

from support.slack_bot import FEED, KIM, SAM, STRANGER, SlackBot, running_bot
from support.slack_flow import NEW_DEAL_ANSWERS, Picked, open_deal, open_modal, submit, values
from support.slack_options import suggest
from support.standins.slack_api import plain_text


async def test_a_wrong_amount_and_date_come_back_inline_and_nothing_is_saved(
    bot: SlackBot,
) -> None:
    view = await open_modal(bot, SAM, "new")
    answer = await submit(
        bot, SAM, view, {**NEW_DEAL_ANSWERS, "amount": "abc", "expected_close": "31/02/2026"}
    )
    assert answer.json["response_action"] == "errors"
    assert answer.json["errors"] == {
        "amount": "“abc” is not an amount. Type a number such as 1,500,000.50.",
        "expected_close": "“31/02/2026” is not a date in the form YYYY-MM-DD, such as 2026-12-31.",
    }
    assert bot.driver.opened_view_for(SAM)["id"] == view["id"]  # still open, as typed

    fixed = await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "expected_close": "2026-02-31"})
    assert fixed.json["errors"] == {
        "expected_close": "“2026-02-31” is not a real date. Check the day and the month."
    }
    assert bot.slack.channel_messages(FEED) == []
    assert bot.slack.errors == []


async def test_a_deal_titled_to_ping_the_channel_shows_as_typed_and_pings_nobody(
    bot: SlackBot,
) -> None:
    await open_deal(bot, SAM, title="<!channel> now", notes="R&D <b>bold</b> 🚀")
    (post,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the feed post")
    assert "New deal D-1: &lt;!channel&gt; now" in str(post.text)
    everything = plain_text(post)
    assert "<!channel>" not in everything and "<b>" not in everything
    assert "R&amp;D &lt;b&gt;bold&lt;/b&gt; 🚀" in everything
    assert bot.slack.errors == []


async def test_an_existing_customer_is_picked_from_a_type_ahead_select(bot: SlackBot) -> None:
    await open_deal(bot, SAM)
    await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the first deal")
    view = await open_modal(bot, SAM, "new")
    blocks = {b["block_id"]: b for b in view["blocks"]}
    assert blocks["customer"]["element"]["type"] == "external_select"
    assert blocks["customer.new"]["element"]["type"] == "plain_text_input"
    ((ref, name),) = await suggest(bot, SAM, view, "customer", "ROBO")
    assert name == "Acme Robotics" and ref.startswith("C-")
    await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "customer": Picked(ref)})
    await bot.slack.wait_for(lambda s: len(s.channel_messages(FEED)) == 2, what="2 deals")
    assert "Customer:* Acme Robotics" in plain_text(bot.slack.channel_messages(FEED)[1])


async def test_someone_on_no_team_is_told_so(bot: SlackBot) -> None:
    await bot.driver.slash_command(STRANGER, "/deal", "new")
    (told,) = await bot.slack.wait_for(lambda s: s.ephemerals(STRANGER), what="the refusal")
    assert "You are not on a team yet" in plain_text(told)
    assert bot.slack.views_opened == []


async def test_help_lists_every_command_only_to_the_asker(bot: SlackBot) -> None:
    await bot.driver.slash_command(SAM, "/deal", "help")
    (shown,) = await bot.slack.wait_for(lambda s: s.ephemerals(SAM), what="the help")
    for command in ("new", "update", "won", "lost", "show", "list", "search", "stats", "lang"):
        assert f"/deal {command}" in plain_text(shown)
    assert bot.slack.errors == []


async def test_the_language_comes_from_the_slack_profile_until_one_is_chosen(
    bot: SlackBot,
) -> None:
    bot.slack.users[KIM]["locale"] = "ja-JP"
    await bot.driver.slash_command(KIM, "/deal", "help")
    (help_ja,) = await bot.slack.wait_for(lambda s: s.ephemerals(KIM), what="the help")
    assert "dealbot のコマンド" in plain_text(help_ja)

    await bot.driver.slash_command(KIM, "/deal", "lang ru")
    await bot.slack.wait_for(lambda s: len(s.ephemerals(KIM)) == 2, what="the language set")
    await bot.driver.slash_command(KIM, "/deal", "help")
    await bot.slack.wait_for(lambda s: len(s.ephemerals(KIM)) == 3, what="the help again")
    assert "Команды dealbot" in plain_text(bot.slack.ephemerals(KIM)[2])


async def test_a_new_name_typed_beside_the_select_wins_over_the_pick(bot: SlackBot) -> None:
    await open_deal(bot, SAM)
    await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the first deal")
    view = await open_modal(bot, SAM, "new")

    answers = {**NEW_DEAL_ANSWERS, "customer": Picked("Acme Robotics"), "customer.new": "Bolt"}
    await submit(bot, SAM, view, answers)

    await bot.slack.wait_for(lambda s: len(s.channel_messages(FEED)) == 2, what="2 deals")
    assert "Customer:* Bolt" in plain_text(bot.slack.channel_messages(FEED)[1])


async def test_a_submission_sent_twice_opens_one_deal(bot: SlackBot) -> None:
    view = await open_modal(bot, SAM, "new")

    first, second = await asyncio.gather(
        bot.driver.view_submission(SAM, view, values(view, NEW_DEAL_ANSWERS)),
        bot.driver.view_submission(SAM, view, values(view, NEW_DEAL_ANSWERS)),
    )

    assert (first.status, second.status) == (200, 200)
    await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the deal")
    await bot.dispatcher.drain()
    sam = bot.core.desks.people.person(slack_user=SAM)
    assert [c.ref for c in bot.core.desks.deals.my_open_deals(sam.id)] == ["D-1"]
    assert len(bot.slack.channel_messages(FEED)) == 1


async def test_the_answer_to_a_submission_reaches_the_person_when_slack_refuses_at_first(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path, dispatching=False) as bot:
        view = await open_modal(bot, SAM, "new")
        bot.slack.fail_next("chat.postMessage", 429, count=1, retry_after=1)

        response = await submit(bot, SAM, view, NEW_DEAL_ANSWERS)
        await bot.slack.wait_for(
            lambda s: [method for method, _ in s.calls if method == "chat.postMessage"],
            what="the answer tried (and refused: the dispatcher is not running)",
        )
        assert response.status == 200
        assert not [m for m in bot.slack.dm_messages(SAM) if "Saved D-1" in plain_text(m)]

        bot.start_dispatching()  # the answer went into the outbox
        saved = await bot.slack.wait_for(
            lambda s: [m for m in s.dm_messages(SAM) if "Saved D-1" in plain_text(m)],
            what="the answer, through the outbox",
        )
        assert len(saved) == 1
        sam = bot.core.desks.people.person(slack_user=SAM)
        assert len(bot.core.desks.deals.my_open_deals(sam.id)) == 1
