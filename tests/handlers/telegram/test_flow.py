"""PRODUCT.md §2 on Telegram: what each chat receives, commands typed in private or in a group."""

from __future__ import annotations

import pytest

from support.telegram_bot import GROUP, KENJI, ROOT, SATO, Bot
from support.telegram_flow import open_deal, report


@pytest.mark.parametrize("in_group", [False, True], ids=["private", "group"])
async def test_the_deal_flow_reaches_every_chat_it_should(bot: Bot, in_group: bool) -> None:
    tg = bot.tg
    for user in (SATO, KENJI, ROOT):
        welcome = await bot.said(user, "/start")
        assert "Hello" in welcome[0].plain

    await open_deal(bot, KENJI, "Cloud migration", in_group=in_group)

    post = await bot.wait_in(GROUP, lambda m: "New deal D-1: Cloud migration" in m.plain)
    assert "Kenji Tanaka" in post.plain and "¥1,200,000" in post.plain
    task = await bot.wait_in(SATO, lambda m: "Advice wanted on D-1" in m.plain)
    assert [text for text, _ in task.buttons()] == ["Give advice"]
    assert all(len(data.encode()) <= 64 for _, data in task.buttons() if data)

    before = len(tg.chat_messages(SATO))
    query = tg.press(SATO, task, task.buttons()[0][1] or "")
    assert await tg.wait_for(lambda: tg.answered(query)) is not None
    question = (await bot.new_messages(SATO, before))[0]
    assert "Advice on D-1" in question.plain
    await bot.said(SATO, "Bring the CTO to the next meeting")
    assert "Your advice on D-1" in (await bot.pressed(SATO, "Save"))[0].plain

    advice = await bot.wait_in(GROUP, lambda m: "Advice on D-1 from" in m.plain)
    assert advice.reply_to_message_id == post.message_id
    assert "Bring the CTO" in advice.plain
    await bot.wait_in(KENJI, lambda m: "Bring the CTO" in m.plain)

    said = await report(
        bot, KENJI, "/update D-1", "In negotiation", activity="Call", in_group=in_group
    )
    assert "shared" in said
    shared = await bot.wait_in(GROUP, lambda m: "Progress on D-1" in m.plain)
    assert shared.reply_to_message_id == post.message_id

    said = await report(bot, KENJI, "/won D-1", None, activity="Meeting", in_group=in_group)
    assert "won" in said
    won = await bot.wait_in(GROUP, lambda m: "We won it! D-1" in m.plain)
    assert won.reply_to_message_id == post.message_id
    await bot.wait_in(SATO, lambda m: "D-1 was won" in m.plain)

    await open_deal(bot, KENJI, "Printer fleet", in_group=in_group)
    await bot.wait_in(SATO, lambda m: "Advice wanted on D-2" in m.plain)
    said = await report(bot, KENJI, "/lost D-2", None, activity="Email", in_group=in_group)
    assert "lost" in said
    lost = await bot.wait_in(SATO, lambda m: "D-2 was lost" in m.plain)
    assert "Price too high" in lost.plain

    await bot.dispatcher.drain()
    group = [m.plain.splitlines()[0] for m in tg.chat_messages(GROUP)]
    assert group == [
        "New deal D-1: Cloud migration",
        "Advice on D-1 from Sato Hanako",
        "Progress on D-1: in negotiation (Kenji Tanaka)",
        "We won it! D-1: Cloud migration",
        "New deal D-2: Printer fleet",
    ]
    assert not any("Price too high" in m.plain for m in tg.chat_messages(GROUP))
    assert not [m for m in tg.chat_messages(GROUP) if m.buttons()]
    assert tg.errors == []
