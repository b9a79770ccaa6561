"""Forms as conversations: restarts, mistakes, going back, cancelling, other people's clicks."""

from __future__ import annotations

from pathlib import Path

from support.telegram_bot import GROUP, KENJI, SATO, YUI, Bot, forge_press, make_bot
from support.telegram_flow import open_deal


async def test_a_restart_in_the_middle_of_a_form_loses_nothing(bot: Bot, tmp_path: Path) -> None:
    await bot.said(SATO, "/start")
    await bot.said(KENJI, "/new")
    await bot.said(KENJI, "Acme")
    await bot.said(KENJI, "Cloud migration")
    await bot.pressed(KENJI, "IT and software")
    await bot.stop()
    bot.core.engine.dispose()

    again = make_bot(bot.tg, bot.settings)  # a new process on the same database
    await again.start()
    try:
        question = await again.pressed(KENJI, "10–49 employees")
        assert "Amount" in question[0].plain
        await again.said(KENJI, "500000")
        await again.pressed(KENJI, "JPY")
        await again.pressed(KENJI, "Skip")
        await again.pressed(KENJI, "Skip")
        summary = await again.pressed(KENJI, "Skip")
        assert "Customer: Acme" in summary[0].plain
        assert "Deal title: Cloud migration" in summary[0].plain
        assert "Industry: IT and software" in summary[0].plain
        saved = await again.pressed(KENJI, "Save")
        assert "Saved D-1: Cloud migration" in saved[0].plain
        await again.wait_in(GROUP, lambda m: "New deal D-1: Cloud migration" in m.plain)
    finally:
        await again.stop()
        again.core.engine.dispose()


async def test_a_wrong_answer_is_asked_again_with_the_error(bot: Bot) -> None:
    await bot.said(KENJI, "/new")
    await bot.said(KENJI, "Acme")
    await bot.said(KENJI, "x" * 201)
    asked = await bot.said(KENJI, "Cloud")
    assert "Industry" in asked[0].plain
    asked = await bot.said(KENJI, "Mining")
    assert "“Mining” is not a choice for Industry" in asked[0].plain
    assert "Industry" in asked[0].plain
    asked = await bot.said(KENJI, "3")  # a number picks from the list
    assert "Company size" in asked[0].plain
    await bot.pressed(KENJI, "1–9 employees")
    asked = await bot.said(KENJI, "-5")
    assert "must be more than zero" in asked[0].plain
    back = await bot.pressed(KENJI, "◀ Back")
    assert "Company size" in back[0].plain
    await bot.pressed(KENJI, "✖ Cancel")
    assert "Cancelled" in bot.tg.chat_messages(KENJI)[-1].plain
    idle = await bot.said(KENJI, "hello?")
    assert "No form is open" in idle[0].plain


async def test_cancel_command_and_an_older_question_clicked(bot: Bot) -> None:
    await bot.said(KENJI, "/deal new")
    await bot.said(KENJI, "Acme")
    await bot.said(KENJI, "Cloud")
    first = bot.tg.chat_messages(KENJI)[-1]
    await bot.pressed(KENJI, "Retail")
    stale = bot.tg.press(KENJI, first, first.buttons()[0][1] or "")
    answer = await bot.tg.wait_for(lambda: bot.tg.answered(stale))
    assert answer["text"] == "That question was already answered."
    said = await bot.said(KENJI, "/cancel")
    assert "Cancelled; nothing was saved." in said[0].plain


async def test_a_click_by_the_wrong_person_is_refused(bot: Bot) -> None:
    for user in (SATO, KENJI, YUI):
        await bot.said(user, "/start")
    await open_deal(bot, KENJI, "Cloud migration")
    task = await bot.wait_in(SATO, lambda m: "Advice wanted on D-1" in m.plain)
    data = task.buttons()[0][1] or ""

    before = {u: len(bot.tg.chat_messages(u)) for u in (SATO, KENJI, YUI)}
    query = forge_press(bot.tg, YUI, task, data)
    answer = await bot.tg.wait_for(lambda: bot.tg.answered(query))
    assert answer["show_alert"] is True
    assert "Only the leader asked for advice on D-1 can give it." in answer["text"]
    await bot.tg.wait_until_consumed()
    assert {u: len(bot.tg.chat_messages(u)) for u in (SATO, KENJI, YUI)} == before
    state = bot.core.state.load("telegram", f"{YUI}:{YUI}")
    assert state is None

    # the same with a form control of someone else's open form
    await bot.said(KENJI, "/new")
    control = bot.tg.chat_messages(KENJI)[-1]
    query = forge_press(bot.tg, YUI, control, control.buttons()[-1][1] or "")
    answer = await bot.tg.wait_for(lambda: bot.tg.answered(query))
    assert answer["text"] == "That form is no longer open."
    assert "Customer" in bot.tg.chat_messages(KENJI)[-1].plain


async def test_a_stranger_is_told_they_are_not_on_a_team(bot: Bot) -> None:
    said = await bot.said(4242, "/new")
    assert "You are not on a team yet" in said[0].plain


async def test_user_text_is_shown_exactly_as_typed(bot: Bot) -> None:
    title = "<b>AT&T</b> <!channel>"
    await bot.said(SATO, "/start")
    await open_deal(bot, KENJI, title, customer="Smith & <Sons>")
    post = await bot.wait_in(GROUP, lambda m: "New deal D-1" in m.plain)
    assert post.plain.splitlines()[0] == f"New deal D-1: {title}"
    assert "Customer: Smith & <Sons>" in post.plain
    assert "&amp;" in post.text and "&lt;b&gt;" in post.text
    task = await bot.wait_in(SATO, lambda m: "Advice wanted on D-1" in m.plain)
    assert title in task.plain
    shown = await bot.said(KENJI, "/show D-1")
    assert shown[0].plain.splitlines()[0] == f"D-1: {title}"
    assert bot.tg.errors == []


async def test_language_comes_from_the_telegram_profile(bot: Bot) -> None:
    bot.tg.send_private(YUI, "/help", language_code="ja")
    said = await bot.new_messages(YUI, 0)
    assert "dealbot" in said[0].plain and "コマンド" in said[0].plain
    await bot.said(YUI, "/lang ru")
    said = await bot.said(YUI, "/new")
    assert "Новая сделка" in said[0].plain or "сделк" in said[0].plain
