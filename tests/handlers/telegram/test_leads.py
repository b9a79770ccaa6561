"""A lead from the intake API on Telegram: the owner's "Open report" walks the opening report
with every answer the lead came with offered as the default, and saving it opens the deal."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

from dealbot.domain.deals.enums import CompanySize, Industry
from dealbot.domain.deals.leads import LeadDraft
from support.telegram_bot import GROUP, KENJI, SATO, Bot


async def test_open_report_offers_the_leads_answers_and_opens_the_deal(bot: Bot) -> None:
    for user in (SATO, KENJI):
        await bot.said(user, "/start")
    lead = LeadDraft(
        external_id="web-1",
        customer="Acme GmbH",
        title="50 pumps",
        owner="kenji",
        industry=Industry.MANUFACTURING,
        company_size=CompanySize.LARGE,
        amount=Decimal("1200000"),
        expected_close=date(2027, 3, 31),
        source="web form",
    )
    receipt = await asyncio.to_thread(bot.core.desks.deals.intake, lead)
    assert (receipt.ref, receipt.status, receipt.created) == ("D-1", "lead", True)
    bot.dispatcher.wake()
    task = await bot.wait_in(KENJI, lambda m: "Complete the opening report of D-1" in m.plain)
    assert [label for label, _ in task.buttons()] == ["Open report"]

    (question,) = await bot.pressed(KENJI, "Open report")
    assert "Customer" in question.plain and tuple(label for label, _ in question.buttons()) >= (
        "Acme GmbH",
    )
    defaults = ["Acme GmbH", "50 pumps", "Manufacturing", "250–999 employees", "1200000"]
    for answer in [*defaults, "JPY", "2027-03-31", "web form"]:
        prompt = bot.tg.chat_messages(KENJI)[-1]
        assert answer in [label for label, _ in prompt.buttons()], prompt.plain
        await bot.pressed(KENJI, answer)
    await bot.said(KENJI, "Call them on Monday")  # notes: none came with the lead
    review = bot.tg.chat_messages(KENJI)[-1]
    assert "Deal title: 50 pumps" in review.plain and "Amount: 1200000" in review.plain
    (saved,) = await bot.pressed(KENJI, "Save")
    assert "Saved D-1: 50 pumps." in saved.plain

    post = await bot.wait_in(GROUP, lambda m: "New deal D-1: 50 pumps" in m.plain)
    assert "Acme GmbH" in post.plain and "¥1,200,000" in post.plain
    await bot.wait_in(SATO, lambda m: "Advice wanted on D-1" in m.plain)
