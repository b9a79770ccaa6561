"""Block Kit drawing and Slack error sorting, checked without a server."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from dealbot.handlers.core.ui import Button, Message
from dealbot.handlers.slack.blocks import escape, render
from dealbot.handlers.slack.transport import delivery_error
from support.standins.slack_api import validate_message_blocks


def test_escaping_touches_only_the_three_characters_slack_asks_for() -> None:
    assert escape("<!here> & <@U123> *bold* 🚀") == "&lt;!here&gt; &amp; &lt;@U123&gt; *bold* 🚀"


def test_a_huge_message_is_split_into_valid_blocks_within_limits() -> None:
    lines = tuple(f"line {i} " + "x&y" * 400 for i in range(200))
    buttons = tuple(Button(f"Button {i}", "advice", str(i)) for i in range(3))
    blocks, text = render(Message(title="T" * 5000, lines=lines, buttons=buttons, footer="f"))
    validate_message_blocks(blocks)
    assert len(blocks) <= 50
    assert blocks[-2]["type"] == "actions" and blocks[-1]["type"] == "context"
    ids = [e["action_id"] for e in blocks[-2]["elements"]]
    assert ids == ["advice", "advice:1", "advice:2"]
    assert len(text) <= 4000
    for block in blocks:
        if block["type"] == "section":
            section_text = block["text"]["text"]
            assert len(section_text) <= 3000
            assert not section_text.endswith(("&", "&a", "&am", "&amp"))


def _error(status: int, data: Any, headers: dict[str, str] | None = None) -> SlackApiError:
    response = AsyncSlackResponse(
        client=None,
        http_verb="POST",
        api_url="https://slack.test/api/chat.postMessage",
        req_args={},
        data=data,
        headers=headers or {},
        status_code=status,
    )
    return SlackApiError("failed", response)  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    ("error", "transient", "retry_after"),
    [
        (_error(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "7"}), True, 7.0),
        (_error(500, {}), True, None),
        (_error(503, "<html>"), True, None),
        (_error(200, {"ok": False, "error": "channel_not_found"}), False, None),
        (_error(200, {"ok": False, "error": "invalid_blocks"}), False, None),
        (ConnectionResetError(), True, None),
    ],
)
def test_slack_failures_are_sorted_into_retry_or_give_up(
    error: Exception, transient: bool, retry_after: float | None
) -> None:
    sorted_error = delivery_error(error)
    assert sorted_error.transient is transient
    assert sorted_error.retry_after == retry_after
