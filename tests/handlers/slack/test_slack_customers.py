"""The customer card on Slack: `/deal customer new|edit|contract|search|show` as modals and
replies (and the manifest's `/customer` shortcut), then a deal for it picked by type-ahead."""

from __future__ import annotations

from support.slack_bot import FEED, KIM, SAM, STRANGER, SlackBot
from support.slack_drawn import draw
from support.slack_flow import NEW_DEAL_ANSWERS, Picked, open_modal, submit
from support.slack_options import suggest
from support.standins.slack_api import plain_text

CARD = {
    "name": "Nordwind Logistik GmbH",
    "industry": "logistics",
    "company_size": "50-249",
    "contact_name": "Greta Nord <@U0KIM0001>",
    "contact_position": "CFO",
    "legal_address": "Hafenstraße 1, Hamburg",
    "contact_address": "Kai 7, Bremen",
    "owner": "sam",
    "channel": "email",
    "channel_address": "greta@nordwind.example",
    "founded": "1950-05-01",
    "first_contract": "2020-03-01",
    "contact_birthday": "1984-02-29",
}


async def reply_to(bot: SlackBot, user: str, count: int) -> str:
    await bot.slack.wait_for(lambda s: len(s.ephemerals(user)) >= count, what=f"{count} answers")
    return plain_text(bot.slack.ephemerals(user)[count - 1])


async def test_a_card_is_created_edited_found_and_given_a_contract(bot: SlackBot) -> None:
    view = await open_modal(bot, SAM, "customer new")
    owner = next(b for b in view["blocks"] if b["block_id"] == "owner")["element"]
    assert owner["initial_option"]["value"] == "sam"
    await submit(bot, SAM, view, CARD)
    (saved,) = await bot.slack.wait_for(lambda s: s.dm_messages(SAM), what="the reply")
    assert "Saved C-1: Nordwind Logistik GmbH." in plain_text(saved)
    drawn = draw(saved)
    assert "<@U0KIM0001>" in drawn.seen  # shown as typed,
    assert not [f for f in drawn.formatted if f[0] == "mention"]  # pinging nobody

    view = await open_modal(bot, KIM, "customer edit C-1")
    blocks = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert blocks["name"]["initial_value"] == "Nordwind Logistik GmbH"
    assert blocks["industry"]["initial_option"]["value"] == "logistics"
    assert blocks["contact_birthday"]["initial_value"] == "1984-02-29"
    await submit(bot, KIM, view, {"contact_address": "Kai 9, Bremen"})
    edited = await bot.slack.wait_for(lambda s: s.dm_messages(KIM), what="the edit reply")
    assert "Updated C-1" in plain_text(edited[-1]) and "Kai 9, Bremen" in plain_text(edited[-1])
    assert "CFO" in plain_text(edited[-1])  # untouched fields kept

    await bot.driver.slash_command(KIM, "/customer", "search bremen")
    assert "C-1 · Nordwind Logistik GmbH" in await reply_to(bot, KIM, 1)

    view = await open_modal(bot, SAM, "customer contract C-1")
    assert [b["block_id"] for b in view["blocks"]] == [
        "contract_title", "contract_start", "contract_end",
    ]  # fmt: skip
    await submit(bot, SAM, view, {"contract_title": "Fleet 2027", "contract_end": "2027-06-30"})
    await bot.slack.wait_for(lambda s: len(s.dm_messages(SAM)) >= 2, what="the contract")
    contract = bot.slack.dm_messages(SAM)
    assert "Contract “Fleet 2027” added to C-1" in plain_text(contract[1])
    assert "Fleet 2027: Jun 30" not in plain_text(contract[1])  # no start: shown as —
    assert "Fleet 2027: — – Jun 30, 2027" in plain_text(contract[1])

    await bot.driver.slash_command(SAM, "/deal", "customer show Nordwind Logistik GmbH")
    card = await reply_to(bot, SAM, 1)
    assert "Fleet 2027" in card and "Greta Nord" in card
    assert bot.slack.errors == []


async def test_a_deal_picks_its_customer_as_letters_are_typed(bot: SlackBot) -> None:
    view = await open_modal(bot, SAM, "customer new")
    await submit(bot, SAM, view, CARD)
    await bot.slack.wait_for(lambda s: s.dm_messages(SAM), what="the card saved")

    view = await open_modal(bot, SAM, "new")
    assert await suggest(bot, SAM, view, "customer", "z") == []
    assert await suggest(bot, STRANGER, view, "customer", "n") == []  # on no team
    ((ref, label),) = await suggest(bot, SAM, view, "customer", "ＢＲＥＭ")  # full width
    assert (ref, label) == ("C-1", "Nordwind Logistik GmbH")
    await submit(bot, SAM, view, {**NEW_DEAL_ANSWERS, "customer": Picked(ref)})

    (post,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the post")
    seen = draw(post).seen.split("\n")
    assert seen[seen.index("Customer") + 1] == "Nordwind Logistik GmbH"
    await bot.driver.slash_command(SAM, "/deal", "show D-1")
    assert "Nordwind Logistik GmbH (C-1)" in await reply_to(bot, SAM, 1)
    await bot.driver.slash_command(SAM, "/customer", "show C-1")
    assert "D-1 · Warehouse robots" in await reply_to(bot, SAM, 2)
    assert bot.slack.errors == []
