"""Filling in the deal flow's forms the way a person does on a phone."""

from __future__ import annotations

from support.telegram_bot import GROUP, Bot


async def command(bot: Bot, user: int, text: str, *, in_group: bool) -> None:
    """A command typed in the private chat, or in the team group (answered in private)."""
    if in_group:
        head, _, rest = text.partition(" ")
        text = f"{head}@{bot.tg.bot_username} {rest}".strip()
    await bot.said(user, text, chat=GROUP if in_group else None)


async def open_deal(
    bot: Bot, user: int, title: str, *, customer: str = "Acme", in_group: bool = False
) -> None:
    await command(bot, user, "/new", in_group=in_group)
    await bot.said(user, customer)
    await bot.said(user, title)
    await bot.pressed(user, "IT and software")
    await bot.pressed(user, "10–49 employees")
    await bot.said(user, "1,200,000")
    await bot.pressed(user, "JPY")
    await bot.pressed(user, "Skip")  # expected close
    await bot.said(user, "Referral")
    await bot.pressed(user, "Skip")  # notes
    replies = await bot.pressed(user, "Save")
    assert "Saved D-" in replies[-1].plain, bot.tg.summary()


async def report(
    bot: Bot, user: int, cmd: str, status: str | None, *, activity: str, in_group: bool = False
) -> str:
    await command(bot, user, cmd, in_group=in_group)
    await bot.pressed(user, activity)
    if status:
        await bot.pressed(user, status)
    await bot.said(user, "They liked it")
    if status == "Lost" or cmd.startswith("/lost"):
        await bot.said(user, "Price too high")
    replies = await bot.pressed(user, "Save")
    return replies[-1].plain
