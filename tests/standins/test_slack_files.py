"""files_upload_v2 against the Slack stand-in, exactly as slack_sdk's AsyncWebClient performs it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from support.standins.slack_api import SlackStandin
from support.standins.telegram_api import decode_png, make_png  # PNG helpers live there

CHANNEL = "C0SALES"
CHART = make_png(120, 80, lambda x, y: (x * 2, y * 3, 200))


@pytest.fixture
async def slack() -> AsyncIterator[SlackStandin]:
    async with SlackStandin() as standin:
        yield standin


@pytest.fixture
def client(slack: SlackStandin) -> AsyncWebClient:
    return AsyncWebClient(token=slack.token, base_url=slack.base_url)


def error_of(excinfo: pytest.ExceptionInfo[SlackApiError]) -> str:
    return str(excinfo.value.response["error"])


async def test_files_upload_v2_shares_a_png_into_a_thread(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    root = await client.chat_postMessage(channel=CHANNEL, text="Pipeline")
    response = await client.files_upload_v2(
        channel=CHANNEL,
        file=CHART,
        filename="pipeline.png",
        title="Pipeline by stage",
        alt_txt="Bar chart of open deals by stage",
        initial_comment="This week's pipeline",
        thread_ts=root["ts"],
    )
    assert [c[0] for c in slack.calls[-3:]] == [
        "files.getUploadURLExternal",
        "upload_url",
        "files.completeUploadExternal",
    ]
    # Like Slack, the answer comes before the share is processed: no shares yet.
    assert response["file"]["shares"] == {} and response["file"]["title"] == "Pipeline by stage"

    [upload] = slack.uploaded_files(CHANNEL)
    assert upload.upload_encoding == "raw"  # slack_sdk's async client POSTs the bare bytes
    assert upload.upload_content_type == "application/octet-stream"
    assert (upload.filename, upload.title, upload.alt_txt) == (
        "pipeline.png",
        "Pipeline by stage",
        "Bar chart of open deals by stage",
    )
    assert (upload.initial_comment, upload.thread_ts) == ("This week's pipeline", root["ts"])
    width, height, rows = decode_png(upload.data or b"")
    assert (width, height, rows[10][20]) == (120, 80, (40, 30, 200))
    assert slack.uploaded_files(CHANNEL, thread_ts=root["ts"]) == [upload]
    assert upload.message is not None and upload.message.files == [upload.id]
    assert [m.text for m in slack.thread(CHANNEL, root["ts"])] == ["This week's pipeline"]

    info = await client.files_info(file=upload.id)
    share = info["file"]["shares"]["public"][CHANNEL][0]
    assert (share["ts"], share["thread_ts"]) == (upload.message.ts, root["ts"])
    assert info["file"]["mimetype"] == "image/png"
    replies = await client.conversations_replies(channel=CHANNEL, ts=root["ts"])
    assert replies["messages"][1]["files"][0]["id"] == upload.id
    async with (
        aiohttp.ClientSession() as session,
        session.get(
            info["file"]["url_private"], headers={"Authorization": f"Bearer {slack.token}"}
        ) as download,
    ):
        assert await download.read() == CHART
    assert slack.errors == []


async def test_upload_into_a_dm_needs_the_d_id(slack: SlackStandin, client: AsyncWebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        await client.files_upload_v2(channel="U0ALICE", content="report", filename="r.txt")
    assert error_of(excinfo) == "channel_not_found"
    dm = (await client.conversations_open(users="U0ALICE"))["channel"]["id"]
    await client.files_upload_v2(channel=dm, content="report", filename="r.txt")
    [upload] = slack.uploaded_files("U0ALICE")
    assert upload.data == b"report" and upload.title == "r.txt"
    assert [m.files for m in slack.dm_messages("U0ALICE")] == [[upload.id]]


async def test_the_upload_steps_are_checked(slack: SlackStandin, client: AsyncWebClient) -> None:
    ticket = await client.files_getUploadURLExternal(filename="chart.png", length=len(CHART))
    with pytest.raises(SlackApiError) as excinfo:  # step 3 before step 2
        await client.files_completeUploadExternal(
            files=[{"id": ticket["file_id"], "title": "Chart"}], channel_id=CHANNEL
        )
    assert error_of(excinfo) == "file_not_found"
    async with aiohttp.ClientSession() as session:
        async with session.post(ticket["upload_url"], data=CHART[:-1]) as short:
            assert short.status == 400  # the length given in step 1 must match
        form = aiohttp.FormData()
        form.add_field("file", CHART, filename="chart.png", content_type="image/png")
        async with session.post(ticket["upload_url"], data=form) as multipart:
            assert multipart.status == 200 and await multipart.text() == f"OK - {len(CHART)}"
    with pytest.raises(SlackApiError) as excinfo:
        await client.files_completeUploadExternal(files=[{"id": "F0NOPE"}], channel_id=CHANNEL)
    assert error_of(excinfo) == "file_not_found"
    await client.files_completeUploadExternal(
        files=[{"id": ticket["file_id"], "title": "Chart"}], channel_id=CHANNEL
    )
    assert slack.files[ticket["file_id"]].upload_encoding == "multipart"
    with pytest.raises(SlackApiError) as excinfo:  # an upload is completed once
        await client.files_completeUploadExternal(files=[{"id": ticket["file_id"]}])
    assert error_of(excinfo) == "file_not_found"
    with pytest.raises(SlackApiError) as excinfo:
        await client.files_getUploadURLExternal(filename="x.png", length=0)
    assert error_of(excinfo) == "missing_argument"
    with pytest.raises(SlackApiError) as excinfo:
        await client.files_getUploadURLExternal(filename="x.png", length=3, alt_txt="a" * 1001)
    assert error_of(excinfo) == "alt_txt_too_large"
    assert [e[1] for e in slack.errors] == [
        "file_not_found",
        "length_mismatch",
        "file_not_found",
        "file_not_found",
        "missing_argument",
        "alt_txt_too_large",
    ]


async def test_a_failed_byte_upload_raises_in_slack_sdk(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    slack.fail_next("upload_url", 500)
    with pytest.raises(SlackRequestError, match="status: 500"):
        await client.files_upload_v2(channel=CHANNEL, file=CHART, filename="c.png")
    assert slack.uploaded_files(CHANNEL) == []
    assert not any(c[0] == "files.completeUploadExternal" for c in slack.calls)


async def test_upload_errors_of_places_and_scopes(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    slack.archive_channel("C0OLD")
    slack.remove_bot_from_channel("C0LEFT")
    slack.delete_channel("C0GONE")
    for channel, error in (
        ("C0OLD", "is_archived"),
        ("C0LEFT", "not_in_channel"),
        ("C0GONE", "channel_not_found"),
    ):
        with pytest.raises(SlackApiError) as excinfo:
            await client.files_upload_v2(channel=channel, file=CHART, filename="c.png")
        assert error_of(excinfo) == error
    with pytest.raises(SlackApiError) as excinfo:
        await client.files_upload_v2(
            channel=CHANNEL, file=CHART, filename="c.png", thread_ts="1.000001"
        )
    assert error_of(excinfo) == "thread_not_found"
    slack.scopes = {"chat:write"}
    with pytest.raises(SlackApiError) as excinfo:
        await client.files_upload_v2(channel=CHANNEL, file=CHART, filename="c.png")
    assert (error_of(excinfo), excinfo.value.response["needed"]) == (
        "missing_scope",
        "files:write",
    )
    assert slack.uploaded_files(CHANNEL) == []
