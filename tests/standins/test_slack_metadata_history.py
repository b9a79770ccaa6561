"""Message metadata, edit history and reading history back, through slack_sdk's AsyncWebClient."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.models.metadata import Metadata
from slack_sdk.web.async_client import AsyncWebClient

from support.standins.slack_api import SlackStandin

CHANNEL = "C0SALES"
DEAL_EVENT = {"event_type": "dealbot_card", "event_payload": {"deal_id": 7, "kind": "won"}}


def pt(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def card(*buttons: str) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": "Deal"}}]
    if buttons:
        elements = [
            {"type": "button", "text": pt(b), "action_id": f"deal_{b.lower()}", "value": "7"}
            for b in buttons
        ]
        blocks.append({"type": "actions", "elements": elements})
    return blocks


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def slack() -> AsyncIterator[SlackStandin]:
    async with SlackStandin() as standin:
        yield standin


@pytest.fixture
def client(slack: SlackStandin) -> AsyncWebClient:
    return AsyncWebClient(token=slack.token, base_url=slack.base_url)


def error_of(excinfo: pytest.ExceptionInfo[SlackApiError]) -> str:
    return str(excinfo.value.response["error"])


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------
async def test_metadata_is_stored_from_objects_dicts_and_json_strings(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    as_model = await client.chat_postMessage(
        channel=CHANNEL, text="won", metadata=Metadata("dealbot_card", {"deal_id": 7})
    )
    await client.chat_postMessage(channel=CHANNEL, text="won", metadata=DEAL_EVENT)
    await client.api_call(  # a form post carries the metadata as JSON text
        "chat.postMessage",
        data={"channel": CHANNEL, "text": "form", "metadata": json.dumps(DEAL_EVENT)},
    )
    first, second, third = slack.channel_messages(CHANNEL)
    assert first.metadata == {"event_type": "dealbot_card", "event_payload": {"deal_id": 7}}
    assert second.metadata == third.metadata == DEAL_EVENT
    assert as_model["message"]["metadata"] == first.metadata  # echoed in the answer
    assert slack.errors == []


@pytest.mark.parametrize(
    ("metadata", "error"),
    [
        ("{not json", "invalid_metadata_format"),
        ("[1, 2]", "invalid_metadata_format"),
        ({"event_type": "deal card", "event_payload": {}}, "invalid_metadata_schema"),
        ({"event_type": "", "event_payload": {}}, "invalid_metadata_schema"),
        ({"event_type": "x" * 256, "event_payload": {}}, "invalid_metadata_schema"),
        ({"event_type": "deal", "event_payload": [1]}, "invalid_metadata_schema"),
        ({"event_type": "deal"}, "invalid_metadata_schema"),
        ({"event_type": "deal", "event_payload": {}, "extra": 1}, "invalid_metadata_schema"),
    ],
    ids=["not-json", "not-object", "space", "empty-type", "long-type", "list-payload",
         "no-payload", "extra-field"],
)  # fmt: skip
async def test_invalid_metadata_is_refused(
    slack: SlackStandin, client: AsyncWebClient, metadata: Any, error: str
) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        if isinstance(metadata, str):
            await client.api_call(
                "chat.postMessage", data={"channel": CHANNEL, "text": "x", "metadata": metadata}
            )
        else:
            await client.chat_postMessage(channel=CHANNEL, text="x", metadata=metadata)
    assert error_of(excinfo) == error
    assert slack.messages == []
    assert [e[1] for e in slack.errors] == [error]


async def test_chat_update_keeps_versions_buttons_and_metadata(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(
        channel=CHANNEL, text="Deal 7", blocks=card("Won", "Lost"), metadata=DEAL_EVENT
    )
    closed = {"event_type": "dealbot_card", "event_payload": {"deal_id": 7, "closed": True}}
    await client.chat_update(
        channel=posted["channel"], ts=posted["ts"], text="Deal 7 won", blocks=card()
    )
    await client.chat_update(
        channel=posted["channel"], ts=posted["ts"], text="Deal 7 won", metadata=closed
    )
    message = slack.channel_messages(CHANNEL)[0]
    assert message.buttons() == []
    assert [v.buttons() for v in message.history] == [
        [("Won", "deal_won", "7"), ("Lost", "deal_lost", "7")],
        [],
    ]
    assert [v.text for v in message.history] == ["Deal 7", "Deal 7 won"]
    assert [v.metadata for v in message.history] == [DEAL_EVENT, DEAL_EVENT]  # kept when omitted
    assert message.metadata == closed
    assert len(message.edits) == 2  # the older record of edits is still filled
    with pytest.raises(SlackApiError) as excinfo:
        await client.api_call(
            "chat.update",
            data={"channel": CHANNEL, "ts": posted["ts"], "text": "x", "metadata": "[]"},
        )
    assert error_of(excinfo) == "invalid_metadata_format"


async def test_chat_update_needs_the_dm_channel_and_the_bots_own_message(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(channel="U0ALICE", text="card")
    dm = posted["channel"]
    assert dm.startswith("D")
    with pytest.raises(SlackApiError) as excinfo:  # the user id is not where the message is
        await client.chat_update(channel="U0ALICE", ts=posted["ts"], text="v2")
    assert error_of(excinfo) == "channel_not_found"
    with pytest.raises(SlackApiError) as excinfo:  # another channel: no such message there
        await client.chat_update(channel=CHANNEL, ts=posted["ts"], text="v2")
    assert error_of(excinfo) == "message_not_found"
    person = slack.record_user_message("U0ALICE", CHANNEL, "I wrote this")
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_update(channel=CHANNEL, ts=person.ts, text="edited by the bot")
    assert error_of(excinfo) == "cant_update_message"
    await client.chat_update(channel=dm, ts=posted["ts"], text="v2")
    assert [m.text for m in slack.dm_messages("U0ALICE")] == ["v2"]
