"""Order to cash on Slack (PRODUCT.md §3.2, §3.3): a quote built in a modal that grows with
"Add item", the leader's, finance's and the warehouse's cards, every card changed once
decided, the totals, the installments left and the stock on hand checked to the cent."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from dealbot.domain.selling.rules import monthly
from dealbot.handlers.core.i18n import Translator
from support.selling import line, on_hand, quote_draft
from support.slack_bot import SlackBot
from support.slack_flow import open_deal, open_modal, submit
from support.slack_options import suggest
from support.slack_selling import (
    FEED,
    FIONA,
    FRED,
    KIM,
    LENA,
    SAM,
    WALT,
    answer,
    buttons,
    card,
    command,
    edited,
    form,
    selling_bot,
)
from support.standins.slack_api import SlackStandin, plain_text

# The bot runs on the real clock: the plan starts next month, as a salesperson would set it.
FIRST_DUE = date.today() + timedelta(days=30)
DUE = [Translator("en").date(d) for d in monthly(FIRST_DUE, 3)]
VALID_UNTIL = (date.today() + timedelta(days=60)).isoformat()


def plan_of(count: int) -> dict[str, str]:
    return {"installments": str(count), "first_due_date": FIRST_DUE.isoformat()}


def publishes(bot: SlackBot, user: str) -> int:
    return sum(
        1
        for method, params in bot.slack.calls
        if method == "views.publish" and params.get("user_id") == user
    )


def block_ids(view: dict[str, object]) -> list[str]:
    return [str(b.get("block_id")) for b in view["blocks"]]  # type: ignore[attr-defined]


async def quote_with_two_lines(bot: SlackBot) -> None:
    """Sam's quote for D-1: three pumps at 12.5 % off, and seven valves at their own price."""
    view = await open_modal(bot, SAM, "quote D-1")
    assert view["title"]["text"] == "New quote for D-1"
    assert block_ids(view) == [
        "product.1", "quantity.1", "unit_price.1", "discount.1", "form.add-row", "valid_until",
    ]  # fmt: skip
    assert await suggest(bot, SAM, view, "product.1", "pu") == [
        ("PUMP-50", "PUMP-50 · Pump 50 l/min")
    ]
    typed = {
        "product.1": {"value": "PUMP-50"},
        "quantity.1": {"value": "3"},
        "discount.1": {"value": "12.5"},
    }
    await bot.driver.modal_action(SAM, "form.add-row", values=typed)
    grown = await bot.slack.wait_for(
        lambda s: s.views_updated[-1][1] if s.views_updated else None, what="the modal grown"
    )
    assert grown is not None and grown["id"] == view["id"]
    assert block_ids(grown)[4:9] == [
        "product.2", "quantity.2", "unit_price.2", "discount.2", "form.add-row",
    ]  # fmt: skip
    kept = {b["block_id"]: b["element"] for b in grown["blocks"] if b["type"] == "input"}
    assert kept["product.1"]["initial_option"]["value"] == "PUMP-50"  # nothing typed is lost
    assert kept["quantity.1"]["initial_value"] == "3"
    assert kept["discount.1"]["initial_value"] == "12.5"
    await suggest(bot, SAM, grown, "product.2", "valve")
    response = await submit(
        bot,
        SAM,
        grown,
        {"product.2": "VALVE-8", "quantity.2": "7", "valid_until": VALID_UNTIL},
    )
    assert response.body == "", response.body  # the modal closes


async def test_the_whole_chain_from_quote_to_invoiced(tmp_path: Path) -> None:
    async with selling_bot(tmp_path) as bot:
        await open_deal(bot, SAM)
        await quote_with_two_lines(bot)
        saved = await card(bot, SAM, "Q-1 for D-1")
        # 3 × $123.45 × 0.875 = $324.05625 → $324.06; 7 × $19.99 = $139.93
        assert "($463.99) is saved" in plain_text(saved)
        quote = await card(bot, LENA, "Quote Q-1 for D-1 waits for your decision")
        assert "PUMP-50 Pump 50 l/min: 3 × 123.45 USD −12.5% = 324.06 USD" in plain_text(quote)
        assert buttons(quote) == ["Approve", "Reject"]

        await bot.driver.block_action(LENA, "approve", message=quote)
        await answer(bot, LENA, "Approved: Quote Q-1 for D-1")
        decided = await bot.slack.wait_for(lambda s: edited(quote, bot).edits, what="card")
        assert decided and buttons(edited(quote, bot)) == []
        assert "approved by Lena Leader" in plain_text(edited(quote, bot))
        root = bot.slack.channel_messages(FEED)[0]
        await bot.slack.wait_for(
            lambda s: any("was approved" in plain_text(m) for m in s.thread(FEED, root.ts)),
            what="the decision in the deal's thread",
        )
        await card(bot, SAM, "Quote Q-1 for D-1 was approved by Lena Leader")

        await command(bot, SAM, "quote-accepted q1")
        await answer(bot, SAM, "Q-1 is accepted by the customer")
        await command(bot, SAM, "order Q-1")
        await answer(bot, SAM, "Order O-1 for D-1 ($463.99) is saved")
        order = await card(bot, LENA, "Order O-1 for D-1 waits for your decision")
        await bot.driver.block_action(LENA, "approve", message=order)
        await card(bot, SAM, "Order O-1 for D-1 was approved")

        await form(bot, SAM, "plan O-1", plan_of(3))
        plan = await card(bot, SAM, "Payment plan for O-1: 3 installments")
        assert f"3. {DUE[2]} · $154.67 · open" in plain_text(plan)  # 154.66 × 2 + 154.67

        await form(bot, SAM, "payment O-1", {"amount_received": "200", "notes": "Wire"})
        await card(bot, SAM, "Payment of $200.00 for O-1 is recorded")
        fiona_card = await card(bot, FIONA, "Payment for O-1 (D-1) waits")
        fred_card = await card(bot, FRED, "Payment for O-1 (D-1) waits")
        await bot.driver.block_action(FRED, "approve", message=fred_card)
        await bot.slack.wait_for(
            lambda s: edited(fiona_card, bot).edits and edited(fred_card, bot).edits,
            what="both finance cards changed",
        )
        for changed in (edited(fiona_card, bot), edited(fred_card, bot)):
            assert "approved by Fred Finance" in plain_text(changed) and buttons(changed) == []
        await card(bot, SAM, "Payment for O-1 (D-1) was approved by Fred Finance")
        root_thread = [plain_text(m) for m in bot.slack.thread(FEED, root.ts)]
        assert not any("Payment" in text for text in root_thread)  # payments stay out

        await command(bot, SAM, "ship O-1")
        await answer(bot, SAM, "The warehouse is asked to ship O-1")
        shipment = await card(bot, WALT, "Shipment of O-1 (D-1) waits")
        assert buttons(shipment) == ["Confirm shipment", "Reject"]
        assert on_hand(bot.core.sessions, "PUMP-50") == 10  # not reserved before
        await bot.driver.block_action(WALT, "approve", message=shipment)
        await answer(bot, WALT, "Approved: Shipment of O-1")
        await bot.slack.wait_for(lambda s: edited(shipment, bot).edits, what="shipment card")
        assert "confirmed by Walt Warehouse" in plain_text(edited(shipment, bot))
        assert on_hand(bot.core.sessions, "PUMP-50") == 7
        assert on_hand(bot.core.sessions, "VALVE-8") == 93

        await command(bot, SAM, "invoiced O-1")
        await answer(bot, SAM, "O-1 is marked invoiced")
        await command(bot, KIM, "show o-1")
        shown = await answer(bot, KIM, "Order O-1 for D-1")
        for line in (
            "approved · shipped · invoiced",
            "Total: $463.99",
            "Paid: $200.00",
            "Left to pay: $263.99",
            f"1. {DUE[0]} · $154.66 · paid",
            f"2. {DUE[1]} · $154.66 · $109.32 left",
            f"3. {DUE[2]} · $154.67 · open",
        ):
            assert line in shown
        await command(bot, KIM, "stock PUMP-50")
        stock = await answer(bot, KIM, "Stock of PUMP-50")
        assert "−3 → 7 · Walt Warehouse · shipped for O-1" in stock.replace("-3", "−3")
        assert bot.slack.errors == []


def approved_order(bot: SlackBot) -> None:
    """D-1's quote for two valves, approved and accepted, and its order approved: through
    the desks, as the chain test does it through Slack."""
    core = bot.core
    sam = core.desks.people.person(slack_user=SAM)
    lena = core.desks.people.person(slack_user=LENA)
    core.desks.selling.draft_quote(sam.id, "D-1", quote_draft(line("VALVE-8", 2)))
    core.desks.approvals.decide(lena.id, core.desks.approvals.waiting(lena.id)[0].id, approve=True)
    core.desks.selling.mark_accepted(sam.id, "Q-1")
    core.desks.selling.make_order(sam.id, "Q-1")
    core.desks.approvals.decide(lena.id, core.desks.approvals.waiting(lena.id)[0].id, approve=True)


async def test_both_finance_members_see_their_cards_and_homes_change(tmp_path: Path) -> None:
    async with selling_bot(tmp_path) as bot:
        await open_deal(bot, SAM)
        await asyncio.to_thread(approved_order, bot)
        bot.dispatcher.wake()
        await form(bot, SAM, "plan O-1", plan_of(1))
        await form(bot, SAM, "payment O-1", {"amount_received": "39.98"})

        fiona_card = await card(bot, FIONA, "Payment for O-1 (D-1) waits")
        await card(bot, FRED, "Payment for O-1 (D-1) waits")

        def home_lists_it(user: str, s: SlackStandin) -> bool:
            return "Payment for O-1" in plain_text(s.home_views.get(user, {}))

        def home_forgot_it(user: str, s: SlackStandin) -> bool:
            return not home_lists_it(user, s)

        for user in (FIONA, FRED):
            await bot.slack.wait_for(partial(home_lists_it, user), what="the payment at home")
        published = {u: publishes(bot, u) for u in (FIONA, FRED)}
        await bot.driver.block_action(FIONA, "approve", message=fiona_card)
        for user in (FIONA, FRED):
            await bot.slack.wait_for(partial(home_forgot_it, user), what="the home published again")
            assert publishes(bot, user) > published[user]
        fred_card = await card(bot, FRED, "Payment for O-1 (D-1): approved by Fiona Finance")
        assert buttons(fred_card) == []
        assert bot.slack.errors == []
