"""Order to cash on Telegram: the quote's lines asked one at a time with "Add another
item?", the cards with inline buttons changed in place once decided, and the totals, the
installments left and the stock on hand checked to the yen."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dealbot.domain.deals.use_cases import team_today
from dealbot.domain.selling.rules import monthly
from dealbot.handlers.core.i18n import Translator
from support.selling import add_product, on_hand
from support.standins.telegram_api import SentMessage, TelegramStandin
from support.telegram_bot import DIRECTORY, GROUP, KENJI, ROOT, SATO, Bot, make_bot, settings_for
from support.telegram_flow import open_deal

FUMI, GORO, WANG = 1004, 1005, 1006
SELLING = DIRECTORY + "".join(
    f"""
[[members]]
handle = "{handle}"
name = "{name}"
team = "Tokyo Sales"
roles = ["{role}"]
telegram_user = {user}
"""
    for handle, name, role, user in (
        ("fumi", "Fumi Kato", "finance", FUMI),
        ("goro", "Goro Ito", "finance", GORO),
        ("wang", "Wang Lei", "warehouse", WANG),
    )
)
# The bot runs on the real clock: dates are set from the team's today, as a salesperson would.
TEAM_ZONE = "Asia/Tokyo"
TODAY = team_today(TEAM_ZONE, datetime.now(UTC))
FIRST_DUE = TODAY + timedelta(days=10)
DUE = [Translator("en", TEAM_ZONE).date(d) for d in monthly(FIRST_DUE, 3)]


@pytest.fixture
async def selling(tg: TelegramStandin, tmp_path: Path) -> AsyncIterator[Bot]:
    running = make_bot(tg, settings_for(tg, tmp_path, directory=SELLING))
    add_product(running.core.sessions, "PUMP-50", "Pump 50 l/min", 12345, on_hand=10)
    add_product(running.core.sessions, "VALVE-8", "Valve", 1999, on_hand=100)
    await running.start()
    try:
        for user in (SATO, KENJI, ROOT, FUMI, GORO, WANG):
            await running.said(user, "/start")
        yield running
    finally:
        await running.stop()
        running.core.engine.dispose()


async def card(bot: Bot, user: int, text: str) -> SentMessage:
    return await bot.wait_in(user, lambda m: text in m.plain and bool(m.buttons()))


async def answer(bot: Bot, user: int, command: str, text: str) -> str:
    """`user` types `command`; the answer saying `text` (notifications may come between)."""
    before = len(bot.tg.chat_messages(user))
    bot.tg.send_private(user, command)
    found: SentMessage = await bot.tg.wait_for(
        lambda: next((m for m in bot.tg.chat_messages(user)[before:] if text in m.plain), None)
    )
    return found.plain


async def press(bot: Bot, user: int, message: SentMessage, label: str) -> None:
    data = next(d for text, d in message.buttons() if text == label)
    query = bot.tg.press(user, message, data or "")
    await bot.tg.wait_for(lambda: bot.tg.answered(query))


async def test_the_whole_chain_from_quote_to_invoiced(selling: Bot) -> None:
    bot, tg = selling, selling.tg
    await open_deal(bot, KENJI, "Pumps")

    asked = await bot.said(KENJI, "/quote D-1")
    assert "New quote for D-1" in asked[0].plain and "Item 1 · Product" in asked[0].plain
    offered = await bot.said(KENJI, "pump")
    assert offered[0].buttons()[0][0] == "PUMP-50 · Pump 50 l/min"
    await bot.pressed(KENJI, "PUMP-50 · Pump 50 l/min")
    await bot.said(KENJI, "3")
    unit_price = tg.chat_messages(KENJI)[-1]
    assert "Item 1 · Unit price" in unit_price.plain
    await bot.pressed(KENJI, "12345")  # the product's price, offered as the default
    more = await bot.said(KENJI, "12.5")
    assert "Add another item?" in more[0].plain
    await bot.pressed(KENJI, "Yes")
    await bot.said(KENJI, "VALVE-8")  # the SKU exactly: no list to pick from
    await bot.said(KENJI, "7")
    await bot.pressed(KENJI, "1999")
    await bot.pressed(KENJI, "Skip")  # no discount
    await bot.pressed(KENJI, "No")  # no more items
    review = await bot.pressed(KENJI, (TODAY + timedelta(days=30)).isoformat())
    assert "Item 2 · Product: VALVE-8 · Valve" in review[0].plain
    saved = await bot.pressed(KENJI, "Save")
    assert "Q-1 for D-1 (¥46,399) is saved" in saved[-1].plain  # ¥32,406 + ¥13,993

    quote = await card(bot, SATO, "Quote Q-1 for D-1 waits for your decision")
    assert "PUMP-50 Pump 50 l/min: 3 × 12,345 JPY −12.5% = 32,406 JPY" in quote.plain
    await press(bot, SATO, quote, "Approve")
    await tg.wait_for(lambda: quote.history)
    assert "approved by Sato Hanako" in quote.plain and quote.buttons() == []
    thread = await bot.wait_in(GROUP, lambda m: "Quote Q-1 for D-1 was approved" in m.plain)
    post = tg.chat_messages(GROUP)[0]
    assert thread.reply_to_message_id == post.message_id

    await answer(bot, KENJI, "/deal quote-accepted q-1", "Q-1 is accepted by the customer")
    await answer(bot, KENJI, "/order Q-1", "Order O-1 for D-1 (¥46,399) is saved")
    await press(bot, SATO, await card(bot, SATO, "Order O-1 for D-1 waits"), "Approve")
    await bot.wait_in(KENJI, lambda m: "Order O-1 for D-1 was approved" in m.plain)

    await answer(bot, KENJI, "/plan O-1", "Installments")
    await bot.said(KENJI, "3")
    await bot.said(KENJI, FIRST_DUE.isoformat())
    plan = await bot.pressed(KENJI, "Save")
    assert f"3. {DUE[2]} · ¥15,467 · open" in plan[-1].plain  # 15,466 + 15,466 + 15,467

    await answer(bot, KENJI, "/payment O-1", "Amount received")
    await bot.said(KENJI, "20,000")
    await bot.pressed(KENJI, TODAY.isoformat())  # received today, the default
    await bot.pressed(KENJI, "Skip")
    recorded = await bot.pressed(KENJI, "Save")
    assert "Payment of ¥20,000 for O-1 is recorded" in recorded[-1].plain
    fumis, goros = (
        await card(bot, FUMI, "Payment for O-1"),
        await card(bot, GORO, "Payment for O-1"),
    )
    await press(bot, GORO, goros, "Approve")
    await tg.wait_for(lambda: fumis.history and goros.history)
    assert fumis.buttons() == [] and "approved by Goro Ito" in fumis.plain
    await bot.wait_in(KENJI, lambda m: "Payment for O-1 (D-1) was approved by Goro" in m.plain)
    assert not any("Payment" in m.plain for m in tg.chat_messages(GROUP))

    await answer(bot, KENJI, "/ship O-1", "The warehouse is asked to ship O-1")
    shipment = await card(bot, WANG, "Shipment of O-1 (D-1) waits")
    assert [t for t, _ in shipment.buttons()] == ["Confirm shipment", "Reject"]
    await press(bot, WANG, shipment, "Confirm shipment")
    await tg.wait_for(lambda: shipment.history)
    assert "confirmed by Wang Lei" in shipment.plain
    await bot.wait_in(KENJI, lambda m: "Shipment of O-1 (D-1) was confirmed" in m.plain)
    assert (on_hand(bot.core.sessions, "PUMP-50"), on_hand(bot.core.sessions, "VALVE-8")) == (
        7,
        93,
    )

    await answer(bot, KENJI, "/deal invoiced O-1", "O-1 is marked invoiced")
    shown = await answer(bot, KENJI, "/show o1", "Order O-1 for D-1")
    for part in (
        "Status: approved · shipped · invoiced",
        "Total: ¥46,399",
        "Left to pay: ¥26,399",
        f"1. {DUE[0]} · ¥15,466 · paid",
        f"2. {DUE[1]} · ¥15,466 · ¥10,932 left",
    ):
        assert part in shown
    assert tg.errors == []
