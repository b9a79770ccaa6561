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


# --------------------------------------------------------------------------------------------
# conversations.history / conversations.replies
# --------------------------------------------------------------------------------------------
async def test_history_is_newest_first_with_metadata_only_on_request(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    first = await client.chat_postMessage(channel=CHANNEL, text="one", metadata=DEAL_EVENT)
    slack.record_user_message("U0ALICE", CHANNEL, "a person writes")
    await client.chat_postMessage(channel=CHANNEL, text="reply", thread_ts=first["ts"])
    await client.chat_postEphemeral(channel=CHANNEL, user="U0ALICE", text="only Alice")
    third = await client.chat_postMessage(channel=CHANNEL, text="three")

    plain = await client.conversations_history(channel=CHANNEL)
    assert [m["text"] for m in plain["messages"]] == ["three", "a person writes", "one"]
    assert all("metadata" not in m for m in plain["messages"])
    assert plain["has_more"] is False
    parent = plain["messages"][2]
    assert (parent["reply_count"], parent["reply_users"]) == (1, [slack.bot_user_id])
    assert plain["messages"][0]["bot_id"] == slack.bot_id
    assert plain["messages"][1]["user"] == "U0ALICE" and "bot_id" not in plain["messages"][1]

    full = await client.conversations_history(channel=CHANNEL, include_all_metadata=True)
    assert full["messages"][2]["metadata"] == DEAL_EVENT
    assert "metadata" not in full["messages"][0]  # no metadata was attached to it

    # The read-back of a resend: everything since just before the first attempt.
    window = await client.conversations_history(
        channel=CHANNEL, oldest=first["ts"], inclusive=True, limit=15, include_all_metadata=True
    )
    assert [m["ts"] for m in window["messages"]][::2] == [third["ts"], first["ts"]]
    exclusive = await client.conversations_history(channel=CHANNEL, oldest=first["ts"])
    assert first["ts"] not in [m["ts"] for m in exclusive["messages"]]
    newest_only = await client.conversations_history(channel=CHANNEL, latest=third["ts"])
    assert third["ts"] not in [m["ts"] for m in newest_only["messages"]]


async def test_history_pages_with_cursors(slack: SlackStandin, client: AsyncWebClient) -> None:
    for n in range(5):
        await client.chat_postMessage(channel=CHANNEL, text=f"m{n}")
    seen: list[str] = []
    pages = 0
    async for page in await client.conversations_history(channel=CHANNEL, limit=2):
        seen += [m["text"] for m in page["messages"]]
        pages += 1
    assert seen == ["m4", "m3", "m2", "m1", "m0"] and pages == 3
    too_many = await client.conversations_history(channel=CHANNEL, limit=5000)
    assert len(too_many["messages"]) == 5  # the limit is capped at 999, not refused
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_history(channel=CHANNEL, cursor="garbage!")
    assert error_of(excinfo) == "invalid_cursor"
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_history(channel=CHANNEL, oldest="yesterday")
    assert error_of(excinfo) == "invalid_ts_oldest"


async def test_replies_parent_first_then_replies(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    parent = await client.chat_postMessage(channel=CHANNEL, text="root", metadata=DEAL_EVENT)
    r1 = await client.chat_postMessage(channel=CHANNEL, text="r1", thread_ts=parent["ts"])
    slack.record_user_message("U0BOB", CHANNEL, "r2 by Bob", thread_ts=parent["ts"])
    lone = await client.chat_postMessage(channel=CHANNEL, text="no thread")

    thread = await client.conversations_replies(
        channel=CHANNEL, ts=parent["ts"], include_all_metadata=True
    )
    assert [m["text"] for m in thread["messages"]] == ["root", "r1", "r2 by Bob"]
    assert thread["messages"][0]["metadata"] == DEAL_EVENT
    assert thread["messages"][0]["reply_users"] == sorted([slack.bot_user_id, "U0BOB"])
    assert thread["messages"][1]["parent_user_id"] == slack.bot_user_id
    by_reply = await client.conversations_replies(channel=CHANNEL, ts=r1["ts"])
    assert [m["text"] for m in by_reply["messages"]] == ["root", "r1", "r2 by Bob"]
    assert "metadata" not in by_reply["messages"][0]
    single = await client.conversations_replies(channel=CHANNEL, ts=lone["ts"])
    assert [m["text"] for m in single["messages"]] == ["no thread"]
    paged = await client.conversations_replies(channel=CHANNEL, ts=parent["ts"], limit=2)
    assert paged["has_more"] is True
    rest = await client.conversations_replies(
        channel=CHANNEL, ts=parent["ts"], cursor=paged["response_metadata"]["next_cursor"]
    )
    assert [m["text"] for m in rest["messages"]] == ["r2 by Bob"]

    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_replies(channel=CHANNEL, ts="1.000001")
    assert error_of(excinfo) == "thread_not_found"
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_replies(channel="C0ELSEWHERE", ts=parent["ts"])
    assert error_of(excinfo) == "thread_not_found"


async def test_history_of_a_dm_needs_its_d_id(slack: SlackStandin, client: AsyncWebClient) -> None:
    opened = await client.conversations_open(users="U0ALICE")
    dm = opened["channel"]["id"]
    await client.chat_postMessage(channel=dm, text="hello Alice", metadata=DEAL_EVENT)
    history = await client.conversations_history(channel=dm, include_all_metadata=True)
    assert [(m["text"], m["metadata"]) for m in history["messages"]] == [
        ("hello Alice", DEAL_EVENT)
    ]
    for channel in ("U0ALICE", "D0NEVEROPENED"):
        with pytest.raises(SlackApiError) as excinfo:
            await client.conversations_history(channel=channel)
        assert error_of(excinfo) == "channel_not_found"


async def test_history_errors_of_places_that_went_away(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    await client.chat_postMessage(channel="C0ARCHIVED", text="before")
    slack.archive_channel("C0ARCHIVED")
    slack.remove_bot_from_channel("C0LEFT")
    slack.delete_channel("C0GONE")
    archived = await client.conversations_history(channel="C0ARCHIVED")
    assert [m["text"] for m in archived["messages"]] == ["before"]  # still readable
    for channel, error in (("C0LEFT", "not_in_channel"), ("C0GONE", "channel_not_found")):
        with pytest.raises(SlackApiError) as excinfo:
            await client.conversations_history(channel=channel)
        assert error_of(excinfo) == error


async def test_commercially_distributed_apps_get_1_call_a_minute_and_15_messages(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    clock = FakeClock()
    slack.clock = clock
    slack.commercially_distributed = True
    parent = await client.chat_postMessage(channel=CHANNEL, text="root")
    for n in range(20):
        await client.chat_postMessage(channel=CHANNEL, text=f"m{n}")
        await client.chat_postMessage(channel=CHANNEL, text=f"r{n}", thread_ts=parent["ts"])

    history = await client.conversations_history(channel=CHANNEL, limit=100)
    assert len(history["messages"]) == 15 and history["has_more"] is True
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_history(channel=CHANNEL)
    assert excinfo.value.response.status_code == 429
    assert error_of(excinfo) == "ratelimited"
    assert excinfo.value.response.headers["Retry-After"] == "60"
    replies = await client.conversations_replies(channel=CHANNEL, ts=parent["ts"])  # own quota
    assert len(replies["messages"]) == 15
    clock.now += 45
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_replies(channel=CHANNEL, ts=parent["ts"])
    assert excinfo.value.response.headers["Retry-After"] == "15"
    clock.now += 15
    again = await client.conversations_history(channel=CHANNEL)
    assert len(again["messages"]) == 15
    assert slack.rate_limited == [
        ("conversations.history", CHANNEL),
        ("conversations.replies", CHANNEL),
    ]
    assert slack.errors == []


async def test_scopes_are_checked_when_modelled(slack: SlackStandin) -> None:
    slack.scopes = {"chat:write", "channels:history"}
    client = AsyncWebClient(token=slack.token, base_url=slack.base_url)
    await client.chat_postMessage(channel=CHANNEL, text="hi")
    await client.conversations_history(channel=CHANNEL)
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_open(users="U0ALICE")
    assert error_of(excinfo) == "missing_scope"
    assert excinfo.value.response["needed"] == "im:write"
    assert excinfo.value.response["provided"] == "channels:history,chat:write"
    slack.scopes |= {"im:write"}
    dm = (await client.conversations_open(users="U0ALICE"))["channel"]["id"]
    with pytest.raises(SlackApiError) as excinfo:
        await client.conversations_history(channel=dm)
    assert excinfo.value.response["needed"] == "im:history"
