"""Slack's options request for an external_select (`block_suggestion`), signed and posted to
the bot as Slack does, with its answer checked against Slack's limits.

The shared driver does not send these yet; this helper uses its signing and its stand-in.
"""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import urlencode

from support.slack_bot import SlackBot

OPTIONS_MAX = 100
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150
ANSWER_WITHIN = 3.0


class OptionsRefused(AssertionError):
    """The bot's answer is one Slack would drop (too late, too many, too long)."""


async def suggest(
    bot: SlackBot, user: str, view: dict[str, Any], block_id: str, typed: str
) -> list[tuple[str, str]]:
    """The (value, text) options the bot offers `user` for `typed` in `block_id` of `view`."""
    driver = bot.driver
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    element = block["element"]
    assert element["type"] == "external_select", element
    if len(typed) < int(element.get("min_query_length", 3)):
        raise AssertionError(f"Slack asks only from {element.get('min_query_length')} letters")
    standin = bot.slack
    payload = {
        "type": "block_suggestion",
        "action_id": element["action_id"],
        "block_id": block_id,
        "value": typed,
        "user": {"id": user, "name": user.lower(), "team_id": standin.team_id},
        "team": {"id": standin.team_id, "domain": standin.team_domain},
        "api_app_id": standin.app_id,
        "token": standin.verification_token,
        "container": {"type": "view", "view_id": view.get("id")},
        "view": view,
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    started = time.monotonic()
    response = await driver.post(body, "application/x-www-form-urlencoded", kind="block_suggestion")
    elapsed = time.monotonic() - started
    if elapsed > ANSWER_WITHIN:
        raise OptionsRefused(f"answered after {elapsed:.2f}s; Slack gives up at 3s")
    assert response.status == 200, response
    options = response.json.get("options")
    if not isinstance(options, list) or len(options) > OPTIONS_MAX:
        raise OptionsRefused(f"Slack takes a list of at most {OPTIONS_MAX} options: {options!r}")
    found = []
    for option in options:
        text = option["text"]
        if text.get("type") != "plain_text" or len(text["text"]) > OPTION_TEXT_MAX:
            raise OptionsRefused(f"option text must be plain_text of ≤{OPTION_TEXT_MAX}: {text}")
        if not 0 < len(option["value"]) <= OPTION_VALUE_MAX:
            raise OptionsRefused(f"option value must be 1–{OPTION_VALUE_MAX}: {option}")
        found.append((option["value"], text["text"]))
    return found
