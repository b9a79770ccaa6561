"""Bad input on Slack: inline errors that keep what was typed, and text that pings nobody."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from support.slack_bot import FEED, KIM, LENA, SAM, STRANGER, SlackBot, running_bot
from support.slack_drawn import draw
from support.slack_flow import (
    NEW_DEAL_ANSWERS,
    Picked,
    dm_count,
    open_deal,
    open_modal,
    submit,
    values,
)
from support.slack_options import suggest
from support.standins.slack_api import PostedMessage, plain_text


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


LABELS = {
    "Customer",
    "Amount",
    "Owner",
    "Industry",
    "Company size",
    "Status",
    "Notes",
    "Expected close date",
    "Source",
}


def _field(message: PostedMessage, label: str) -> str:
    """The value Slack shows beside a bold label."""
    seen = draw(message).seen.split("\n")
    return seen[seen.index(label) + 1]


TRICKY = [
    "<!channel> now",
    "*",
    "*bold* _italic_ ~gone~ `code`",
    "```fenced```",
    "<@U0LENA001> & <https://evil.example|click> https://evil.example",
    ":tada: R&D <b>bold</b> 🚀",
]


@pytest.mark.parametrize("typed", TRICKY)
async def test_user_text_is_drawn_as_typed_and_formats_or_pings_nothing(
    bot: SlackBot, typed: str
) -> None:
    await open_deal(bot, SAM, title=typed, customer=typed, notes=typed)
    (post,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the feed post")
    (task,) = await dm_count(bot.slack, LENA, 1)
    (saved,) = await dm_count(bot.slack, SAM, 1)

    for message in (post, task, saved):
        drawn = draw(message)
        assert f"New deal D-1: {typed}" in drawn.seen or f"D-1: {typed}" in drawn.seen
        assert typed in drawn.seen.split("\n")  # the customer (or notes) value, alone
        # Only the bot's own labels are formatted: bold, and nothing else.
        assert {style for style, _ in drawn.formatted} <= {"bold"}
        assert all(text in LABELS for _, text in drawn.formatted), drawn.formatted
        assert "&lt;" not in drawn.seen  # shown as typed, not as entities
    assert "<!channel>" not in str(post.text) and "<@U0LENA001>" not in str(post.text)
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
    assert "Acme Robotics" in _field(bot.slack.channel_messages(FEED)[1], "Customer")


async def test_someone_on_no_team_is_told_so(bot: SlackBot) -> None:
    await bot.driver.slash_command(STRANGER, "/deal", "new")
    (told,) = await bot.slack.wait_for(lambda s: s.ephemerals(STRANGER), what="the refusal")
    assert "You are not on a team yet" in plain_text(told)
    assert bot.slack.views_opened == []


async def test_help_lists_every_command_only_to_the_asker(bot: SlackBot) -> None:
    await bot.driver.slash_command(SAM, "/deal", "help")
    (shown,) = await bot.slack.wait_for(lambda s: s.ephemerals(SAM), what="the help")
    commands = ("new", "update", "won", "lost", "show", "list", "search", "stats", "chart", "lang")
    for command in commands:
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
    ((acme, _),) = await suggest(bot, SAM, view, "customer", "acme")

    answers = {**NEW_DEAL_ANSWERS, "customer": Picked(acme), "customer.new": "Bolt"}
    await submit(bot, SAM, view, answers)

    await bot.slack.wait_for(lambda s: len(s.channel_messages(FEED)) == 2, what="2 deals")
    assert _field(bot.slack.channel_messages(FEED)[1], "Customer") == "Bolt"


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


async def test_a_wrong_deal_in_the_modal_is_an_inline_error_and_nothing_typed_is_lost(
    bot: SlackBot,
) -> None:
    view = await open_modal(bot, SAM, "update")
    answers = {"deal": "D-999", "activity": "call", "status": "negotiation", "notes": "long call"}

    answer = await submit(bot, SAM, view, answers)

    assert answer.body["response_action"] == "errors"
    assert answer.body["errors"] == {"deal": "There is no deal D-999 that you can see."}
    still_open = bot.slack.latest_view(SAM)
    assert still_open is not None and still_open["id"] == view["id"]  # the typed answers stay
    assert bot.slack.channel_messages(FEED) == []


async def test_a_closed_deal_named_in_the_command_is_refused_before_any_question(
    bot: SlackBot,
) -> None:
    await open_deal(bot, SAM)
    view = await open_modal(bot, SAM, "won D-1")
    await submit(bot, SAM, view, {"activity": "meeting"})
    before = len(bot.slack.views_opened)

    await bot.driver.slash_command(SAM, "/deal", "update D-1")

    (refusal,) = await bot.slack.wait_for(
        lambda s: [m for m in s.ephemerals(SAM) if "already closed" in plain_text(m)],
        what="the refusal",
    )
    assert "D-1 is already closed." in plain_text(refusal)
    assert len(bot.slack.views_opened) == before  # no form was opened


async def test_a_wrong_deal_typed_beside_the_list_is_refused_beside_what_was_typed(
    bot: SlackBot,
) -> None:
    await open_deal(bot, SAM)
    view = await open_modal(bot, SAM, "update")
    assert {"deal", "deal.new"} <= {b["block_id"] for b in view["blocks"]}

    answer = await submit(
        bot, SAM, view, {"deal": "D-999", "activity": "call", "status": "log_only"}
    )

    assert answer.body["errors"] == {"deal.new": "There is no deal D-999 that you can see."}
