"""Steps of the deal flow as a Slack user takes them, through the signed driver."""

from __future__ import annotations

from typing import Any

from support.slack_bot import SlackBot
from support.standins.slack_api import PostedMessage, SlackStandin, plain_text
from support.standins.slack_driver import DriverResponse

NEW_DEAL_ANSWERS: dict[str, str] = {
    "customer": "Acme Robotics",
    "title": "Warehouse robots",
    "industry": "software",
    "company_size": "10-49",
    "amount": "48,000",
    "currency": "USD",
    "expected_close": "2026-12-31",
    "source": "referral",
    "notes": "Met the CTO",
}


def values(view: dict[str, Any], answers: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Answers by field; an open choice's new value goes in its text box when it has a select."""
    blocks = {b.get("block_id") for b in view["blocks"]}
    found: dict[str, dict[str, Any]] = {}
    for name, value in answers.items():
        typed_box = f"{name}.new"
        block_id = typed_box if typed_box in blocks and not name.endswith(".new") else name
        if typed_box in blocks and isinstance(value, Picked):
            block_id = name
        found[block_id] = {"value": str(value)}
    return found


class Picked(str):
    """An existing option of an open choice, picked from its select rather than typed."""


async def open_modal(bot: SlackBot, user: str, text: str) -> dict[str, Any]:
    before = len(bot.slack.views_opened)
    response = await bot.driver.slash_command(user, "/deal", text)
    assert response.status == 200
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="a modal")
    return bot.driver.opened_view_for(user)


async def submit(
    bot: SlackBot, user: str, view: dict[str, Any], answers: dict[str, Any]
) -> DriverResponse:
    response = await bot.driver.view_submission(user, view, values(view, answers))
    assert response.status == 200
    return response


async def open_deal(bot: SlackBot, user: str, **changes: str) -> DriverResponse:
    view = await open_modal(bot, user, "new")
    return await submit(bot, user, view, {**NEW_DEAL_ANSWERS, **changes})


def texts(messages: list[PostedMessage]) -> list[str]:
    return [plain_text(m) for m in messages]


async def dm_count(slack: SlackStandin, user: str, count: int) -> list[PostedMessage]:
    await slack.wait_for(lambda s: len(s.dm_messages(user)) >= count, what=f"{count} DMs")
    return slack.dm_messages(user)
