"""A stagnant deal's reminder on Slack: the card in the owner's and the leader's DMs, and its
buttons "Log progress", "Snooze 3 days" and "Mark lost", checked on the server."""

from __future__ import annotations

import asyncio
import copy
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from dealbot.domain.deals.models import Deal
from support.slack_bot import KIM, LENA, SAM, SlackBot
from support.slack_flow import open_deal, open_modal, submit
from support.standins.slack_api import PostedMessage, plain_text


async def _stagnant_cards(bot: SlackBot) -> tuple[PostedMessage, PostedMessage]:
    await open_deal(bot, SAM)
    view = await open_modal(bot, SAM, "update D-1")
    await submit(bot, SAM, view, {"activity": "call", "status": "negotiation"})
    with bot.core.sessions.begin() as session:  # ten quiet days
        session.execute(
            update(Deal).values(last_progress_at=datetime.now(UTC) - timedelta(days=10))
        )
    await asyncio.to_thread(bot.core.desks.reminders.sweep, datetime.now(UTC))
    bot.dispatcher.wake()

    def card(user: str) -> PostedMessage | None:
        return next(
            (m for m in bot.slack.dm_messages(user) if "no progress" in plain_text(m)), None
        )

    sams = await bot.slack.wait_for(lambda s: card(SAM), what="Sam's card")
    lenas = await bot.slack.wait_for(lambda s: card(LENA), what="Lena's card")
    assert sams is not None and lenas is not None
    return sams, lenas


def _buttons(message: PostedMessage) -> list[str]:
    return [
        e["text"]["text"]
        for b in message.blocks or []
        if b["type"] == "actions"
        for e in b["elements"]
    ]


async def test_the_stagnant_deal_buttons_do_what_they_say_on_slack(bot: SlackBot) -> None:
    sams, lenas = await _stagnant_cards(bot)
    assert "D-1 Warehouse robots (Acme Robotics) has had no progress for 10 days" in plain_text(
        sams
    )
    assert _buttons(sams) == _buttons(lenas) == ["Log progress", "Snooze 3 days", "Mark lost"]
    as_first_shown = {"ts": sams.ts, "blocks": copy.deepcopy(sams.blocks)}

    # Kim saw Sam's card (forwarded): the server refuses, whatever the card showed.
    await bot.driver.block_action(KIM, "stagnant-snooze", "1", message=sams)
    (refusal,) = await bot.slack.wait_for(lambda s: s.ephemerals(KIM), what="the refusal")
    assert "Only the owner of D-1 or the team's leader can do that." in plain_text(refusal)

    await bot.driver.block_action(SAM, "stagnant-snooze", "1", message=sams)
    (snoozed,) = await bot.slack.wait_for(lambda s: s.ephemerals(SAM), what="the answer")
    until = (datetime.now(UTC) + timedelta(days=3)).date()
    assert f"D-1 is snoozed until {until:%b} {until.day}, {until.year}" in plain_text(snoozed)
    edited = await bot.slack.wait_for(
        lambda s: [m for m in (s.dm_messages(SAM) + s.dm_messages(LENA)) if m.edits],
        what="both cards changed",
    )
    await bot.slack.wait_for(lambda s: len([m for m in s.messages if m.edits]) >= 2)
    assert all("snoozed until" in plain_text(m) for m in edited)
    assert _buttons(edited[0]) == ["Log progress", "Mark lost"]

    # "Log progress": the progress report on D-1, for the leader too.
    before = len(bot.slack.views_opened)
    await bot.driver.block_action(LENA, "stagnant-progress", "1", message=lenas)
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="the progress form")
    view = bot.driver.opened_view_for(LENA)
    assert "deal" not in {b["block_id"] for b in view["blocks"]}  # D-1 is fixed
    await submit(bot, LENA, view, {"activity": "call", "status": "log_only", "notes": "Called"})
    detail = bot.core.desks.deals.show(bot.core.desks.people.person(slack_user=LENA).id, "D-1")
    assert detail.timeline[-1].notes == "Called"

    # "Mark lost": the lost reason is asked; the cards then say the deal is closed.
    before = len(bot.slack.views_opened)
    await bot.driver.block_action(SAM, "stagnant-lost", "1", message=sams)
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="the lost form")
    view = bot.driver.opened_view_for(SAM)
    assert "status" not in {b["block_id"] for b in view["blocks"]}
    refused = await submit(bot, SAM, view, {"activity": "call"})
    assert refused.json == {
        "response_action": "errors",
        "errors": {"lost_reason": "Lost reason is required."},
    }
    await submit(bot, SAM, view, {"activity": "call", "lost_reason": "Went quiet"})
    assert (
        bot.core.desks.deals.show(
            bot.core.desks.people.person(slack_user=SAM).id, "D-1"
        ).card.status
        == "lost"
    )
    closed = await bot.slack.wait_for(
        lambda s: [
            m for m in s.dm_messages(SAM) + s.dm_messages(LENA) if "is closed" in plain_text(m)
        ],
        what="the cards closed",
    )
    assert closed and all(_buttons(m) == [] for m in closed)

    # A press on the card as it was before (a client that did not redraw it) is refused.
    await bot.driver.block_action(
        SAM, "stagnant-snooze", "1", message=as_first_shown, channel_id=sams.channel
    )
    await bot.slack.wait_for(lambda s: len(s.ephemerals(SAM)) == 2, what="the refusal")
    assert "D-1 is already closed." in plain_text(bot.slack.ephemerals(SAM)[-1])
    assert bot.slack.errors == []
