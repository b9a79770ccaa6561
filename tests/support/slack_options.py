"""Slack's options request for an external_select (`block_suggestion`), as the person types.

A thin wrapper over the driver's `block_suggestion`: it checks the answer the way Slack does
(at most 100 options, text ≤ 75, value ≤ 150, within 3 s), remembers what was offered so a
submission may pick it, and returns the options as (value, text).
"""

from __future__ import annotations

from typing import Any

from support.slack_bot import SlackBot


class OptionsRefused(AssertionError):
    """The bot's answer is one Slack would drop (too late, too many, too long)."""


async def suggest(
    bot: SlackBot, user: str, view: dict[str, Any], block_id: str, typed: str
) -> list[tuple[str, str]]:
    """The (value, text) options the bot offers `user` for `typed` in `block_id` of `view`."""
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    element = block["element"]
    errors_before = len(bot.slack.errors)
    response = await bot.driver.block_suggestion(
        user, element["action_id"], typed, view=view, block_id=block_id
    )
    refused = [e for e in bot.slack.errors[errors_before:] if e[0] == "block_suggestion"]
    if refused:
        raise OptionsRefused(refused)
    assert response.status == 200, response
    options = response.json.get("options") or []
    return [(str(o["value"]), str(o["text"]["text"])) for o in options]
