"""The customer card on Telegram: created, found, edited and given a contract with
`/customer …` and `/deal customer …`, then a deal opened for it with the type-ahead picker."""

from __future__ import annotations

from support.telegram_bot import GROUP, KENJI, YUI, Bot


async def test_a_card_is_created_found_edited_given_a_contract_and_picked_for_a_deal(
    bot: Bot,
) -> None:
    await bot.said(KENJI, "/customer new")
    await bot.said(KENJI, "東京ポンプ株式会社")
    await bot.pressed(KENJI, "Manufacturing")
    await bot.pressed(KENJI, "Skip")  # company size
    await bot.said(KENJI, "Sato Ichiro")
    await bot.pressed(KENJI, "Skip")  # position
    await bot.said(KENJI, "東京都千代田区1-1")
    await bot.pressed(KENJI, "Skip")  # contact address
    await bot.pressed(KENJI, "Kenji Tanaka")  # owner
    await bot.pressed(KENJI, "Phone")
    await bot.said(KENJI, "+81 3 1234 5678")
    for _ in range(3):  # the key dates
        await bot.pressed(KENJI, "Skip")
    (saved,) = await bot.pressed(KENJI, "Save")
    assert "Saved C-1: 東京ポンプ株式会社." in saved.plain
    assert "Phone: +81 3 1234 5678" in saved.plain

    (found,) = await bot.said(YUI, "/customer search ちよだ")
    assert "No customers match" in found.plain
    (found,) = await bot.said(YUI, "/customer search 千代田")
    assert "C-1 · 東京ポンプ株式会社 · Sato Ichiro" in found.plain

    await bot.said(KENJI, "/deal customer edit C-1")
    await bot.pressed(KENJI, "東京ポンプ株式会社")  # the name as it is (its default)
    await bot.pressed(KENJI, "Manufacturing")
    await bot.pressed(KENJI, "Skip")
    await bot.said(KENJI, "Sato Jiro")  # a new contact
    for _ in range(2):
        await bot.pressed(KENJI, "Skip")
    await bot.pressed(KENJI, "Skip")  # contact address
    await bot.pressed(KENJI, "Kenji Tanaka")
    await bot.pressed(KENJI, "Phone")
    await bot.pressed(KENJI, "+81 3 1234 5678")
    for _ in range(3):
        await bot.pressed(KENJI, "Skip")
    (edited,) = await bot.pressed(KENJI, "Save")
    assert "Updated C-1" in edited.plain and "Sato Jiro" in edited.plain

    await bot.said(KENJI, "/customer contract C-1")
    await bot.said(KENJI, "Maintenance 2027")
    await bot.said(KENJI, "2027-01-01")
    await bot.said(KENJI, "2027-12-31")
    added = await bot.pressed(KENJI, "Save", expect=2)
    assert "Contract “Maintenance 2027” added to C-1" in added[0].plain
    assert "Maintenance 2027: Jan 1, 2027 – Dec 31, 2027" in added[1].plain

    await bot.said(KENJI, "/new")
    (offered,) = await bot.said(KENJI, "ポンプ")
    labels = [label for label, _ in offered.buttons()]
    assert "東京ポンプ株式会社" in labels and "New: ポンプ" in labels
    await bot.pressed(KENJI, "東京ポンプ株式会社")
    await bot.said(KENJI, "50 pumps")
    await bot.pressed(KENJI, "Manufacturing")
    await bot.pressed(KENJI, "250–999 employees")
    await bot.said(KENJI, "1,200,000")
    await bot.pressed(KENJI, "JPY")
    for _ in range(3):
        await bot.pressed(KENJI, "Skip")
    (opened,) = await bot.pressed(KENJI, "Save")
    assert "Saved D-1" in opened.plain
    post = await bot.wait_in(GROUP, lambda m: "New deal D-1: 50 pumps" in m.plain)
    assert "Customer: 東京ポンプ株式会社" in post.plain
    (card,) = await bot.said(YUI, "/customer show C-1")
    assert "D-1 · 50 pumps" in card.plain and "Maintenance 2027" in card.plain
