"""Approval clicks on Slack that must change nothing: the requester pressing the leader's
Approve, a teammate, another team's leader, a tampered request id, a leader approving their
own quote, a second click; and a shipment larger than the stock, refused with why."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from support.selling import line, on_hand, quote_draft
from support.slack_bot import SlackBot
from support.slack_flow import open_deal
from support.slack_selling import (
    IVAN,
    KIM,
    LENA,
    ROOT,
    SAM,
    WALT,
    answer,
    buttons,
    card,
    selling_bot,
)
from support.standins.slack_api import PostedMessage, plain_text


def _quote(bot: SlackBot, by: str, *lines: object) -> None:
    person = bot.core.desks.people.person(slack_user=by)
    bot.core.desks.selling.draft_quote(person.id, "D-1", quote_draft(*lines))  # type: ignore[arg-type]


async def quote_card(bot: SlackBot, by: str = SAM, to: str = LENA) -> PostedMessage:
    await open_deal(bot, by)
    await asyncio.to_thread(_quote, bot, by, line("VALVE-8", 2))
    bot.dispatcher.wake()
    return await card(bot, to, "Quote Q-1 for D-1 waits for your decision")


def state_of_q1(bot: SlackBot) -> str:
    sam = bot.core.desks.people.person(slack_user=SAM)
    return bot.core.desks.selling.show_quote(sam.id, "Q-1").current.state


@pytest.mark.parametrize(
    ("clicker", "told"),
    [
        (SAM, "Nobody decides their own request: Q-1 goes to someone else."),
        (KIM, "You may not decide Q-1."),
        (IVAN, "You may not decide Q-1."),
    ],
)
async def test_a_click_by_anyone_but_the_leader_changes_nothing(
    tmp_path: Path, clicker: str, told: str
) -> None:
    async with selling_bot(tmp_path) as bot:
        leaders_card = await quote_card(bot)

        await bot.driver.block_action(clicker, "approve", message=leaders_card)
        await answer(bot, clicker, told)
        await bot.driver.block_action(clicker, "reject", message=leaders_card)
        await answer(bot, clicker, told)  # asked before any comment is asked for

        assert state_of_q1(bot) == "pending"
        assert leaders_card.edits == [] and buttons(leaders_card) == ["Approve", "Reject"]
        assert [u for u, _ in bot.slack.views_opened].count(clicker) == (1 if clicker == SAM else 0)
        assert bot.slack.errors == []


async def test_a_tampered_request_id_changes_nothing(tmp_path: Path) -> None:
    async with selling_bot(tmp_path) as bot:
        leaders_card = await quote_card(bot)

        for forged in ("424242", "not-an-id", "99999999999"):
            await bot.driver.block_action(
                LENA, "approve", message=leaders_card, action={"value": forged}
            )
        await bot.slack.wait_for(lambda s: len(s.ephemerals(LENA)) == 3, what="3 refusals")

        said = [plain_text(m) for m in bot.slack.ephemerals(LENA)]
        assert "That approval request does not exist." in said[0]
        assert all("That button does not work any more." in s for s in said[1:])
        assert state_of_q1(bot) == "pending" and leaders_card.edits == []


async def test_a_leaders_own_quote_is_decided_by_an_admin_once(tmp_path: Path) -> None:
    async with selling_bot(tmp_path) as bot:
        admins_card = await quote_card(bot, by=LENA, to=ROOT)

        await bot.driver.block_action(LENA, "approve", message=admins_card)
        await answer(bot, LENA, "Nobody decides their own request")
        assert state_of_q1(bot) == "pending"

        await bot.driver.block_action(ROOT, "approve", message=admins_card)
        await answer(bot, ROOT, "Approved: Quote Q-1 for D-1")
        await bot.driver.block_action(ROOT, "approve", message=admins_card)
        await answer(bot, ROOT, "Q-1 was already approved by Ada Admin.")
        await bot.slack.wait_for(lambda s: admins_card.edits, what="the card changed")
        assert state_of_q1(bot) == "approved"
        assert len(admins_card.edits) == 1 and buttons(admins_card) == []
        assert "approved by Ada Admin" in plain_text(admins_card)
        await bot.slack.wait_for(
            lambda s: any("was approved" in plain_text(m) for m in s.dm_messages(LENA)),
            what="Lena told",
        )
        told = [m for m in bot.slack.dm_messages(LENA) if "was approved" in plain_text(m)]
        assert len(told) == 1


def _ordered_eleven_pumps(bot: SlackBot) -> None:
    people, selling = bot.core.desks.people, bot.core.desks.selling
    sam, lena = people.person(slack_user=SAM), people.person(slack_user=LENA)
    approvals = bot.core.desks.approvals
    selling.draft_quote(sam.id, "D-1", quote_draft(line("VALVE-8", 5), line("PUMP-50", 11)))
    approvals.decide(lena.id, approvals.waiting(lena.id)[0].id, approve=True)
    selling.mark_accepted(sam.id, "Q-1")
    selling.make_order(sam.id, "Q-1")
    approvals.decide(lena.id, approvals.waiting(lena.id)[0].id, approve=True)
    selling.request_shipment(sam.id, "O-1")


async def test_a_shipment_larger_than_the_stock_cannot_be_confirmed(tmp_path: Path) -> None:
    async with selling_bot(tmp_path) as bot:
        await open_deal(bot, SAM)
        await asyncio.to_thread(_ordered_eleven_pumps, bot)
        bot.dispatcher.wake()
        shipment = await card(bot, WALT, "Shipment of O-1 (D-1) waits")

        await bot.driver.block_action(WALT, "approve", message=shipment)

        why = await answer(bot, WALT, "cannot be confirmed")
        assert (
            "The shipment of O-1 cannot be confirmed: PUMP-50 has 10 on hand and the shipment "
            "needs 11. No stock was moved." in why
        )
        assert (on_hand(bot.core.sessions, "PUMP-50"), on_hand(bot.core.sessions, "VALVE-8")) == (
            10,
            100,
        )
        assert shipment.edits == [] and buttons(shipment) == ["Confirm shipment", "Reject"]
        await bot.driver.block_action(WALT, "reject", message=shipment)
        modal = await bot.slack.wait_for(
            lambda s: next((v for u, v in s.views_opened if u == WALT), None), what="the modal"
        )
        assert modal is not None and modal["title"]["text"].startswith("Reject Shipment of O-1")
        assert bot.slack.errors == []
