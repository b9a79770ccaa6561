"""Places that went away and answers that never come, through slack_sdk's AsyncWebClient."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from support.standins.slack_api import SlackStandin

EVENT = {"event_type": "dealbot_post", "event_payload": {"outbox_id": 41}}


@pytest.fixture
async def slack() -> AsyncIterator[SlackStandin]:
    async with SlackStandin() as standin:
        yield standin


@pytest.fixture
def client(slack: SlackStandin) -> AsyncWebClient:
    return AsyncWebClient(token=slack.token, base_url=slack.base_url)


def error_of(excinfo: pytest.ExceptionInfo[SlackApiError]) -> str:
    return str(excinfo.value.response["error"])


async def test_archived_left_and_deleted_channels_answer_permanent_errors(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    cards = {}
    for channel in ("C0OLD", "C0LEFT", "C0GONE"):
        cards[channel] = await client.chat_postMessage(channel=channel, text="card")
    slack.archive_channel("C0OLD")
    slack.remove_bot_from_channel("C0LEFT")
    slack.delete_channel("C0GONE")
    expected = {"C0OLD": "is_archived", "C0LEFT": "not_in_channel", "C0GONE": "channel_not_found"}
    for channel, error in expected.items():
        for attempt in range(2):  # permanent: the same answer every time
            with pytest.raises(SlackApiError) as excinfo:
                await client.chat_postMessage(channel=channel, text=f"try {attempt}")
            assert error_of(excinfo) == error
        with pytest.raises(SlackApiError) as excinfo:
            await client.chat_update(channel=channel, ts=cards[channel]["ts"], text="edit")
        assert error_of(excinfo) == error
        with pytest.raises(SlackApiError) as excinfo:
            await client.chat_postEphemeral(channel=channel, user="U0ALICE", text="psst")
        assert error_of(excinfo) == error
    assert [m.text for m in slack.messages] == ["card"] * 3
    assert sorted({(e[0], e[1]) for e in slack.errors}) == sorted(
        {(m, e) for e in expected.values() for m in ("chat.postMessage", "chat.update")}
        | {("chat.postEphemeral", e) for e in expected.values()}
    )
    with pytest.raises(ValueError, match="DMs"):
        slack.archive_channel("D000000001")


async def test_a_held_post_is_in_the_channel_before_its_answer_arrives(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    slack.hold_responses("chat.postMessage")
    post = asyncio.create_task(
        client.chat_postMessage(channel="C0SALES", text="Deal won", metadata=EVENT)
    )
    held = await slack.wait_for_held()
    assert not post.done()
    assert held.message is not None and held.message.metadata == EVENT
    assert [m.text for m in slack.channel_messages("C0SALES")] == ["Deal won"]
    history = await client.conversations_history(channel="C0SALES", include_all_metadata=True)
    assert history["messages"][0]["metadata"] == EVENT  # a restarted bot could find it
    held.release()
    answer = await post
    assert answer["ts"] == held.message.ts and held.answered and not held.abandoned
    await client.chat_postMessage(channel="C0SALES", text="next")  # only one was held
    assert len(slack.held) == 1


async def test_a_killed_client_abandons_its_held_answer(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    slack.hold_responses("chat.postMessage")
    post = asyncio.create_task(client.chat_postMessage(channel="C0SALES", text="Deal won"))
    held = await slack.wait_for_held()
    post.cancel()  # the bot process dies while Slack holds the answer
    with pytest.raises(asyncio.CancelledError):
        await post
    await slack.wait_for(lambda s: held.abandoned, what="the server noticing the hang-up")
    assert not held.answered
    assert [m.text for m in slack.channel_messages("C0SALES")] == ["Deal won"]


async def test_a_late_answer_times_the_client_out(slack: SlackStandin) -> None:
    impatient = AsyncWebClient(token=slack.token, base_url=slack.base_url, timeout=1)
    slack.hold_responses("chat.postMessage", release_after=5.0)
    with pytest.raises(asyncio.TimeoutError):
        await impatient.chat_postMessage(channel="C0SALES", text="Deal won")
    held = await slack.wait_for_held()
    await slack.wait_for(lambda s: held.abandoned, what="the client giving up")
    assert held.message is not None and held.message.text == "Deal won"
    slack.hold_responses("chat.postMessage", release_after=0.05)
    answer = await impatient.chat_postMessage(channel="C0SALES", text="again")
    assert answer["ok"] and slack.held[1].answered


async def test_a_dropped_answer_makes_slack_sdk_post_twice(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    # Slack accepted the post, then the line dropped: slack_sdk's default retry handler
    # (connection errors) sends the very same chat.postMessage again.
    slack.hold_responses("chat.postMessage", disconnect=True)
    answer = await client.chat_postMessage(channel="C0SALES", text="Deal won", metadata=EVENT)
    texts = [m.text for m in slack.channel_messages("C0SALES")]
    assert texts == ["Deal won", "Deal won"]
    assert answer["ts"] == slack.channel_messages("C0SALES")[1].ts
    assert slack.held[0].disconnect and not slack.held[0].answered
