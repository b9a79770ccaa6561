"""A selling team on Slack: leader, salespeople, two finance members, a warehouse keeper, an
admin and another team's leader; products with stock; and what each of them clicks."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from support.selling import add_product
from support.slack_bot import SlackBot, running_bot
from support.slack_flow import open_modal, submit
from support.standins.slack_api import PostedMessage, plain_text

FEED = "C0SELL001"
LENA, SAM, KIM = "U0LENA001", "U0SAM0001", "U0KIM0001"
FIONA, FRED, WALT, ROOT, IVAN = "U0FIONA01", "U0FRED001", "U0WALT001", "U0ROOT001", "U0IVAN001"

DIRECTORY = f"""
[[teams]]
name = "Sample Sales"
leader = "lena"
timezone = "UTC"
locale = "en"
currency = "USD"
slack_channel = "{FEED}"

[[teams]]
name = "Other Sales"
leader = "ivan"
currency = "USD"

[[members]]
handle = "lena"
name = "Lena Leader"
team = "Sample Sales"
roles = ["leader"]
slack_user = "{LENA}"

[[members]]
handle = "sam"
name = "Sam Seller"
team = "Sample Sales"
roles = ["sales"]
slack_user = "{SAM}"

[[members]]
handle = "kim"
name = "Kim Seller"
team = "Sample Sales"
roles = ["sales"]
slack_user = "{KIM}"

[[members]]
handle = "fiona"
name = "Fiona Finance"
team = "Sample Sales"
roles = ["finance"]
slack_user = "{FIONA}"

[[members]]
handle = "fred"
name = "Fred Finance"
team = "Sample Sales"
roles = ["finance"]
slack_user = "{FRED}"

[[members]]
handle = "walt"
name = "Walt Warehouse"
team = "Sample Sales"
roles = ["warehouse"]
slack_user = "{WALT}"

[[members]]
handle = "root"
name = "Ada Admin"
team = "Sample Sales"
roles = ["admin"]
slack_user = "{ROOT}"

[[members]]
handle = "ivan"
name = "Ivan Other"
team = "Other Sales"
roles = ["leader"]
slack_user = "{IVAN}"
"""
USERS = tuple(
    (user, name)
    for user, name in (
        (LENA, "lena"),
        (SAM, "sam"),
        (KIM, "kim"),
        (FIONA, "fiona"),
        (FRED, "fred"),
        (WALT, "walt"),
        (ROOT, "root"),
        (IVAN, "ivan"),
    )
)


@contextlib.asynccontextmanager
async def selling_bot(tmp_path: Path) -> AsyncIterator[SlackBot]:
    """The Slack bot for the selling team, with a pump ($123.45, 10 on hand) and a valve
    ($19.99, 100 on hand)."""
    async with running_bot(tmp_path, directory=DIRECTORY, users=USERS) as bot:
        add_product(bot.core.sessions, "PUMP-50", "Pump 50 l/min", 12345, "USD", on_hand=10)
        add_product(bot.core.sessions, "VALVE-8", "Valve", 1999, "USD", on_hand=100)
        yield bot


async def card(bot: SlackBot, user: str, text: str) -> PostedMessage:
    """The newest DM of `user` that says `text`, once it has come."""

    def found(s: Any) -> PostedMessage | None:
        return next((m for m in reversed(s.dm_messages(user)) if text in plain_text(m)), None)

    message = await bot.slack.wait_for(found, what=f"a DM saying {text!r}")
    assert message is not None
    return message


async def answer(bot: SlackBot, user: str, text: str) -> str:
    """What `user` was answered (only they see it) that says `text`."""

    def found(s: Any) -> str | None:
        shown = [plain_text(m) for m in s.ephemerals(user)]
        return next((m for m in reversed(shown) if text in m), None)

    said = await bot.slack.wait_for(found, what=f"an answer saying {text!r}")
    assert said is not None
    return said


def buttons(message: PostedMessage) -> list[str]:
    """The labels of the buttons a message shows now."""
    return [
        str(e["text"]["text"])
        for b in message.blocks or []
        if b.get("type") == "actions"
        for e in b["elements"]
    ]


async def command(bot: SlackBot, user: str, text: str) -> None:
    response = await bot.driver.slash_command(user, "/deal", text)
    assert response.status == 200


async def form(bot: SlackBot, user: str, text: str, answers: dict[str, Any]) -> None:
    """A command that opens a modal, filled in and submitted."""
    view = await open_modal(bot, user, text)
    response = await submit(bot, user, view, answers)
    assert response.body == "", response.body  # saved: the modal closes


def edited(message: PostedMessage, bot: SlackBot) -> PostedMessage:
    """The message as Slack holds it now (after chat.update)."""
    now = bot.slack.find_message(message.channel, message.ts)
    assert now is not None
    return now
