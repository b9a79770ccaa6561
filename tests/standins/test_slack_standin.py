"""Tests of the Slack stand-in and the signed-request driver, through the real client libraries."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from support.standins.slack_api import MAX_VIEW_STACK, SlackStandin, plain_text
from support.standins.slack_driver import SlackDriver

SIGNING_SECRET = "test-signing-secret"


def pt(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def md(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": md(text)}


def button(text: str, action_id: str = "go", value: str = "1") -> dict[str, Any]:
    return {"type": "button", "text": pt(text), "action_id": action_id, "value": value}


def modal(title: str = "New deal", *, blocks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": "new_deal",
        "title": pt(title),
        "submit": pt("Save"),
        "close": pt("Cancel"),
        "blocks": blocks
        or [
            {
                "type": "input",
                "block_id": "name",
                "label": pt("Name"),
                "element": {"type": "plain_text_input", "action_id": "value", "max_length": 80},
            },
            {
                "type": "input",
                "block_id": "stage",
                "label": pt("Stage"),
                "element": {
                    "type": "static_select",
                    "action_id": "value",
                    "options": [
                        {"text": pt("Lead"), "value": "lead"},
                        {"text": pt("Won"), "value": "won"},
                    ],
                },
            },
            {
                "type": "input",
                "block_id": "close",
                "optional": True,
                "label": pt("Close date"),
                "element": {"type": "datepicker", "action_id": "value"},
            },
        ],
    }


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
# Web API basics
# --------------------------------------------------------------------------------------------
async def test_base_url_works_with_slack_sdk_urljoin(slack: SlackStandin) -> None:
    assert slack.base_url.startswith("http://127.0.0.1:")
    assert slack.base_url.endswith("/api/")


async def test_auth_test_and_token_check(slack: SlackStandin, client: AsyncWebClient) -> None:
    identity = await client.auth_test()
    assert identity["user_id"] == slack.bot_user_id
    assert identity["bot_id"] == slack.bot_id
    assert identity["team_id"] == slack.team_id

    wrong = AsyncWebClient(token="xoxb-wrong", base_url=slack.base_url)
    with pytest.raises(SlackApiError) as excinfo:
        await wrong.chat_postMessage(channel="C0SALES", text="hi")
    assert error_of(excinfo) == "invalid_auth"
    anonymous = AsyncWebClient(base_url=slack.base_url)
    with pytest.raises(SlackApiError) as excinfo:
        await anonymous.auth_test()
    assert error_of(excinfo) == "not_authed"
    assert slack.messages == []


async def test_valid_post_is_accepted_and_recorded(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    blocks = [
        {"type": "header", "text": pt("Deal won")},
        section("*Acme* closed for $10k"),
        {"type": "actions", "elements": [button("Open", "open_deal", "deal-1")]},
    ]
    first = await client.chat_postMessage(channel="C0SALES", text="Deal won", blocks=blocks)
    second = await client.chat_postMessage(channel="C0SALES", text="next", mrkdwn=False)

    assert first["ok"] and first["channel"] == "C0SALES"
    assert float(second["ts"]) > float(first["ts"])
    assert [m.ts for m in slack.channel_messages("C0SALES")] == [first["ts"], second["ts"]]
    message = slack.messages[0]
    assert message.blocks == blocks
    assert message.method == "chat.postMessage"
    assert slack.messages[1].mrkdwn is False
    assert "Acme* closed for $10k" in plain_text(message)
    assert "Open" in plain_text(message)
    assert slack.errors == []


async def test_form_encoded_blocks_are_accepted(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    # Some callers send form data with blocks as a JSON string (Slack accepts both).
    await client.api_call(
        "chat.postMessage",
        data={"channel": "C0SALES", "text": "hi", "blocks": json.dumps([section("form")])},
    )
    assert slack.messages[0].blocks == [section("form")]
    assert slack.errors == []


@pytest.mark.parametrize(
    ("blocks", "fragment"),
    [
        ([section("x" * 3001)], "3000"),
        ([{"type": "actions", "elements": [button("b" * 76)]}], "75"),
        ([section(str(i)) for i in range(51)], "50"),
        ([{"type": "carousel_of_doom", "text": md("x")}], "unknown block type"),
        (
            [
                {
                    "type": "input",
                    "label": pt("Amount"),
                    "element": {"type": "number_input", "is_decimal_allowed": False},
                }
            ],
            "mobile",
        ),
        ([{"type": "header", "text": md("*bold*")}], "plain_text"),
        ([{"type": "section", "text": md("x"), "colour": "red"}], "colour"),
        ([{"type": "divider", "block_id": "a"}, {"type": "divider", "block_id": "a"}], "duplicate"),
    ],
    ids=["section-3001", "button-76", "51-blocks", "unknown-type", "number_input", "header-mrkdwn",
         "unknown-field", "duplicate-block-id"],
)  # fmt: skip
async def test_invalid_blocks_are_rejected(
    slack: SlackStandin, client: AsyncWebClient, blocks: list[dict[str, Any]], fragment: str
) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_postMessage(channel="C0SALES", text="fallback", blocks=blocks)
    assert error_of(excinfo) == "invalid_blocks"
    assert any(fragment in m for m in excinfo.value.response["response_metadata"]["messages"])
    assert slack.messages == []
    assert len(slack.errors) == 1
    method, error, detail = slack.errors[0]
    assert (method, error) == ("chat.postMessage", "invalid_blocks")
    assert fragment in detail


async def test_text_rules(slack: SlackStandin, client: AsyncWebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo, pytest.warns(UserWarning, match="text"):
        await client.chat_postMessage(channel="C0SALES")
    assert error_of(excinfo) == "no_text"
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_postMessage(channel="C0SALES", text="x" * 40_001)
    assert error_of(excinfo) == "msg_too_long"
    await client.chat_postMessage(channel="C0SALES", text="x" * 4_001)
    assert [w[1] for w in slack.warnings] == ["long_text"]
    assert [e[1] for e in slack.errors] == ["no_text", "msg_too_long"]


async def test_unknown_channels_are_rejected(slack: SlackStandin, client: AsyncWebClient) -> None:
    for channel in ("#general", "D0NOTOPENED"):
        with pytest.raises(SlackApiError) as excinfo:
            await client.chat_postMessage(channel=channel, text="hi")
        assert error_of(excinfo) == "channel_not_found"
    slack.member_channels = {"C0SALES"}
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_postMessage(channel="C0OTHER", text="hi")
    assert error_of(excinfo) == "not_in_channel"


async def test_chat_update_and_ephemeral(slack: SlackStandin, client: AsyncWebClient) -> None:
    posted = await client.chat_postMessage(channel="C0SALES", text="v1", blocks=[section("v1")])
    await client.chat_update(channel="C0SALES", ts=posted["ts"], text="v2")
    message = slack.messages[0]
    assert message.text == "v2"
    assert message.blocks == [section("v1")]  # blocks omitted: kept, like Slack
    await client.chat_update(channel="C0SALES", ts=posted["ts"], text="v3", blocks=[])
    assert message.blocks == [] and len(message.edits) == 2
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_update(channel="C0SALES", ts="1.000000", text="x")
    assert error_of(excinfo) == "message_not_found"

    reply = await client.chat_postEphemeral(channel="C0SALES", user="U0ALICE", text="only you")
    assert reply["message_ts"]
    assert [m.text for m in slack.ephemerals("U0ALICE")] == ["only you"]
    assert all(m.text != "only you" for m in slack.channel_messages("C0SALES"))


# --------------------------------------------------------------------------------------------
# DMs, users, threads
# --------------------------------------------------------------------------------------------
async def test_conversations_open_is_stable_and_dm_messages_cover_both_ways(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    first = await client.conversations_open(users="U0ALICE")
    second = await client.conversations_open(users=["U0ALICE"])
    other = await client.conversations_open(users="U0BOB")
    dm = first["channel"]["id"]
    assert dm.startswith("D") and second["channel"]["id"] == dm
    assert other["channel"]["id"] != dm

    await client.chat_postMessage(channel=dm, text="via D")
    by_user = await client.chat_postMessage(channel="U0ALICE", text="via U")
    assert by_user["channel"] == dm  # Slack answers with the DM channel id
    assert [m.text for m in slack.dm_messages("U0ALICE")] == ["via D", "via U"]
    assert slack.dm_messages("U0BOB") == []
    assert slack.messages[1].requested_channel == "U0ALICE"


async def test_users_info_locale(slack: SlackStandin, client: AsyncWebClient) -> None:
    slack.add_user("U0AKI", locale="ja-JP", name="aki", tz="Asia/Tokyo", tz_offset=32400)
    info = await client.users_info(user="U0AKI", include_locale=True)
    assert info["user"]["locale"] == "ja-JP"
    assert info["user"]["tz"] == "Asia/Tokyo"
    without = await client.users_info(user="U0AKI")
    assert "locale" not in without["user"]  # Slack only sends it with include_locale
    with pytest.raises(SlackApiError) as excinfo:
        await client.users_info(user="U0NOBODY", include_locale=True)
    assert error_of(excinfo) == "user_not_found"


async def test_threads_and_broadcasts(slack: SlackStandin, client: AsyncWebClient) -> None:
    parent = await client.chat_postMessage(channel="C0SALES", text="parent")
    r1 = await client.chat_postMessage(channel="C0SALES", text="r1", thread_ts=parent["ts"])
    r2 = await client.chat_postMessage(
        channel="C0SALES", text="r2", thread_ts=parent["ts"], reply_broadcast=True
    )
    assert [m.text for m in slack.thread("C0SALES", parent["ts"])] == ["r1", "r2"]
    assert [m.text for m in slack.channel_messages("C0SALES")] == ["parent", "r2"]
    assert slack.messages[2].reply_broadcast and slack.messages[1].thread_ts == parent["ts"]

    with pytest.raises(SlackApiError) as excinfo:  # a reply's ts is not a thread
        await client.chat_postMessage(channel="C0SALES", text="x", thread_ts=r1["ts"])
    assert error_of(excinfo) == "thread_not_found"
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_postMessage(channel="C0OTHER", text="x", thread_ts=parent["ts"])
    assert error_of(excinfo) == "thread_not_found"
    assert r2["ts"] > r1["ts"]


# --------------------------------------------------------------------------------------------
# Views and triggers
# --------------------------------------------------------------------------------------------
async def test_views_open_with_fresh_trigger(slack: SlackStandin, client: AsyncWebClient) -> None:
    trigger = slack.new_trigger_id("U0ALICE")
    opened = await client.views_open(trigger_id=trigger, view=modal())
    view = opened["view"]
    assert view["id"].startswith("V") and view["hash"]
    assert [b["block_id"] for b in view["blocks"]] == ["name", "stage", "close"]
    assert slack.views_opened == [("U0ALICE", view)]
    assert slack.latest_view("U0ALICE") == view

    with pytest.raises(SlackApiError) as excinfo:
        await client.views_open(trigger_id=trigger, view=modal())
    assert error_of(excinfo) == "exchanged_trigger_id"
    with pytest.raises(SlackApiError) as excinfo:
        await client.views_open(trigger_id="123.456.deadbeef", view=modal())
    assert error_of(excinfo) == "invalid_trigger_id"


async def test_trigger_expires_after_three_seconds(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    clock = FakeClock()
    slack.clock = clock
    fresh = slack.new_trigger_id("U0ALICE")
    stale = slack.new_trigger_id("U0ALICE")
    clock.now += 2.9
    await client.views_open(trigger_id=fresh, view=modal())
    clock.now += 0.2
    with pytest.raises(SlackApiError) as excinfo:
        await client.views_open(trigger_id=stale, view=modal())
    assert error_of(excinfo) == "expired_trigger_id"
    assert slack.errors[-1][:2] == ("views.open", "expired_trigger_id")


async def test_invalid_views_are_rejected(slack: SlackStandin, client: AsyncWebClient) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        (modal("A title that is way too long"), "invalid_arguments"),
        ({**modal(), "private_metadata": "x" * 3001}, "invalid_arguments"),
        ({k: v for k, v in modal().items() if k != "submit"}, "invalid_arguments"),
        (modal(blocks=[section("x")] * 101), "invalid_arguments"),
        (modal(blocks=[section("x" * 2900)] * 95), "view_too_large"),
        (
            modal(
                blocks=[
                    {
                        "type": "input",
                        "label": pt("Amount"),
                        "element": {"type": "number_input", "is_decimal_allowed": True},
                    }
                ]
            ),
            "invalid_blocks",
        ),
    ]
    for view, error in cases:
        with pytest.raises(SlackApiError) as excinfo:
            await client.views_open(trigger_id=slack.new_trigger_id("U0ALICE"), view=view)
        assert error_of(excinfo) == error
        assert excinfo.value.response["response_metadata"]["messages"]
    assert [e[1] for e in slack.errors] == [error for _, error in cases]
    assert slack.views_opened == []


async def test_views_push_limit_update_and_publish(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    root = (await client.views_open(trigger_id=slack.new_trigger_id("U0ALICE"), view=modal()))[
        "view"
    ]
    for _ in range(MAX_VIEW_STACK - 1):
        await client.views_push(trigger_id=slack.new_trigger_id("U0ALICE"), view=modal("More"))
    with pytest.raises(SlackApiError) as excinfo:
        await client.views_push(trigger_id=slack.new_trigger_id("U0ALICE"), view=modal("Too far"))
    assert error_of(excinfo) == "push_limit_reached"
    assert len(slack.view_stack("U0ALICE")) == MAX_VIEW_STACK

    updated = await client.views_update(view_id=root["id"], hash=root["hash"], view=modal("Edit"))
    assert updated["view"]["title"]["text"] == "Edit"
    assert updated["view"]["hash"] != root["hash"]
    with pytest.raises(SlackApiError) as excinfo:
        await client.views_update(view_id=root["id"], hash=root["hash"], view=modal("Stale"))
    assert error_of(excinfo) == "hash_conflict"

    home = {"type": "home", "blocks": [section("Your pipeline")]}
    await client.views_publish(user_id="U0ALICE", view=home)
    assert plain_text(slack.home_views["U0ALICE"]) == "Your pipeline"
    with pytest.raises(SlackApiError) as excinfo:
        await client.views_publish(user_id="U0ALICE", view=modal())
    assert error_of(excinfo) == "invalid_arguments"


# --------------------------------------------------------------------------------------------
# Faults and rate limits
# --------------------------------------------------------------------------------------------
async def test_injected_429_is_seen_by_the_client(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    slack.fail_next("chat.postMessage", 429, count=1, retry_after=7)
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_postMessage(channel="C0SALES", text="hi")
    assert excinfo.value.response.status_code == 429
    assert excinfo.value.response.headers["Retry-After"] == "7"
    assert error_of(excinfo) == "ratelimited"
    await client.chat_postMessage(channel="C0SALES", text="hi")  # only the next call failed
    assert [m.text for m in slack.messages] == ["hi"]
    assert slack.errors == []
    assert [c[0] for c in slack.calls] == ["chat.postMessage", "chat.postMessage"]


async def test_injected_server_errors(slack: SlackStandin, client: AsyncWebClient) -> None:
    slack.fail_next(None, 503, count=2)
    for _ in range(2):
        with pytest.raises(SlackApiError) as excinfo:
            await client.auth_test()
        assert excinfo.value.response.status_code == 503
    slack.fail_next("auth.test", 500, error="internal_error")
    with pytest.raises(SlackApiError) as excinfo:
        await client.auth_test()
    assert error_of(excinfo) == "internal_error"
    assert (await client.auth_test())["ok"]


async def test_channel_rate_limit(slack: SlackStandin, client: AsyncWebClient) -> None:
    clock = FakeClock()
    slack.clock = clock
    slack.enforce_channel_rate(per_second=1.0, burst=2)
    await client.chat_postMessage(channel="C0SALES", text="1")
    await client.chat_postMessage(channel="C0SALES", text="2")
    with pytest.raises(SlackApiError) as excinfo:
        await client.chat_postMessage(channel="C0SALES", text="3")
    assert excinfo.value.response.status_code == 429
    assert excinfo.value.response.headers["Retry-After"] == "1"
    await client.chat_postMessage(channel="C0OTHER", text="elsewhere")  # per channel
    clock.now += 1.0
    await client.chat_postMessage(channel="C0SALES", text="3 again")
    assert [m.text for m in slack.channel_messages("C0SALES")] == ["1", "2", "3 again"]
    assert slack.rate_limited == [("chat.postMessage", "C0SALES")]
    assert slack.errors == []


async def test_wait_for_wakes_on_calls_and_times_out_with_summary(
    slack: SlackStandin, client: AsyncWebClient
) -> None:
    await client.chat_postMessage(channel="C0SALES", text="already there")
    found = await slack.wait_for(lambda s: s.channel_messages("C0SALES"), timeout=1)
    assert found[0].text == "already there"
    with pytest.raises(AssertionError, match="already there"):
        await slack.wait_for(lambda s: s.dm_messages("U0NOBODY"), timeout=0.05)


async def test_response_url(slack: SlackStandin) -> None:
    url = slack.new_response_url(user_id="U0ALICE", channel_id="C0SALES")
    webhook = AsyncWebhookClient(url)
    answer = await webhook.send(text="just for you")
    assert answer.status_code == 200
    answer = await webhook.send(text="for all", response_type="in_channel")
    assert [m.text for m in slack.ephemerals("U0ALICE")] == ["just for you"]
    assert [m.text for m in slack.channel_messages("C0SALES")] == ["for all"]
    answer = await webhook.send(text="x", blocks=[{"type": "header", "text": md("no")}])
    assert answer.status_code == 400 and answer.body == "invalid_blocks"
    for _ in range(3):
        await webhook.send(text="more")
    assert (await webhook.send(text="sixth")).body == "used_url"

    posted = slack.record_reply(
        user_id=None, channel_id="C0SALES", text="old", blocks=None, in_channel=True, method="x"
    )
    actions_url = slack.new_response_url(
        user_id="U0ALICE", channel_id="C0SALES", message_ts=posted.ts, kind="actions"
    )
    await AsyncWebhookClient(actions_url).send(text="new", replace_original=True)
    assert posted.text == "new" and posted.edits == [("old", None)]
    await AsyncWebhookClient(actions_url).send_dict({"delete_original": True})
    assert posted.deleted
    assert [e[1] for e in slack.errors] == ["invalid_blocks", "used_url"]


# --------------------------------------------------------------------------------------------
# The driver against a real slack-bolt AsyncApp
# --------------------------------------------------------------------------------------------
@dataclass
class Bot:
    app: AsyncApp
    url: str
    driver: SlackDriver
    retry_headers: list[list[str] | None]


async def _serve(app: AsyncApp) -> tuple[web.AppRunner, str]:
    import socket

    runner = web.AppRunner(app.web_app(), access_log=None)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    return runner, f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture
async def bot(slack: SlackStandin) -> AsyncIterator[Bot]:
    app = AsyncApp(
        signing_secret=SIGNING_SECRET,
        client=AsyncWebClient(token=slack.token, base_url=slack.base_url),
    )

    @app.command("/deal")
    async def deal(
        ack: Callable[..., Any], command: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        if command["text"] == "new":
            await client.views_open(trigger_id=command["trigger_id"], view=modal())
        else:
            await client.chat_postMessage(
                channel=command["user_id"],
                text=f"deal {command['text']}",
                blocks=[
                    section(f"deal *{command['text']}*"),
                    {"type": "actions", "elements": [button("Close it", "close_deal", "d-1")]},
                ],
            )

    @app.command("/hello")
    async def hello(ack: Callable[..., Any]) -> None:
        await ack(text="Hello there")

    @app.action("close_deal")
    async def close_deal(
        ack: Callable[..., Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        await client.chat_update(
            channel=body["container"]["channel_id"],
            ts=body["container"]["message_ts"],
            text=f"closed {body['actions'][0]['value']}",
            blocks=[],
        )

    @app.view("new_deal")
    async def new_deal(
        ack: Callable[..., Any], view: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        values = view["state"]["values"]
        name = values["name"]["value"]["value"]
        if name == "bad":
            await ack(response_action="errors", errors={"name": "Pick a real name"})
            return
        await ack()
        stage = values["stage"]["value"]["selected_option"]["value"]
        await client.chat_postMessage(channel=body["user"]["id"], text=f"saved {name} at {stage}")

    retry_headers: list[list[str] | None] = []

    @app.event("app_home_opened")
    async def home(event: dict[str, Any], client: AsyncWebClient, request: Any) -> None:
        retry = request.headers.get("x-slack-retry-num")
        retry_headers.append(list(retry) if retry else None)
        await client.views_publish(
            user_id=event["user"], view={"type": "home", "blocks": [section("Home")]}
        )

    runner, url = await _serve(app)
    try:
        yield Bot(app, url, SlackDriver(url, SIGNING_SECRET, slack), retry_headers)
    finally:
        await runner.cleanup()


async def test_signed_slash_command_is_acknowledged(slack: SlackStandin, bot: Bot) -> None:
    status, _, body = await bot.driver.slash_command("U0ALICE", "/deal", "acme")
    assert (status, body) == (200, "")
    messages = await slack.wait_for(lambda s: s.dm_messages("U0ALICE"))
    assert "deal *acme*" in plain_text(messages[0])
    assert "auth.test" in [method for method, _ in slack.calls]  # bolt authorizes here
    assert slack.errors == []


async def test_bad_signature_and_stale_timestamp_are_refused(slack: SlackStandin, bot: Bot) -> None:
    response = await bot.driver.slash_command("U0ALICE", "/deal", "x", signature="v0=" + "0" * 64)
    assert response.status == 401
    stale = int(time.time()) - 10 * 60
    response = await bot.driver.slash_command("U0ALICE", "/deal", "x", timestamp=stale)
    assert response.status == 401
    other = SlackDriver(bot.url, "not-the-secret", slack)
    assert (await other.slash_command("U0ALICE", "/deal", "x")).status == 401
    assert [c for c in slack.calls if c[0] == "chat.postMessage"] == []


async def test_ack_text_is_shown_as_ephemeral(slack: SlackStandin, bot: Bot) -> None:
    response = await bot.driver.slash_command("U0ALICE", "/hello", channel_id="C0SALES")
    assert response.status == 200
    assert [m.text for m in slack.ephemerals("U0ALICE")] == ["Hello there"]


async def test_button_click_and_modal_submission(slack: SlackStandin, bot: Bot) -> None:
    driver = bot.driver
    await driver.slash_command("U0ALICE", "/deal", "acme")
    [message] = await slack.wait_for(lambda s: s.dm_messages("U0ALICE"))
    with pytest.raises(AssertionError, match="value"):
        await driver.block_action("U0ALICE", "close_deal", "forged", message=message)
    response = await driver.block_action("U0ALICE", "close_deal", message=message)
    assert response.status == 200
    await slack.wait_for(lambda s: s.messages[0].text == "closed d-1")

    await driver.slash_command("U0ALICE", "/deal", "new")
    await slack.wait_for(lambda s: s.views_opened)
    view = driver.opened_view_for("U0ALICE")
    with pytest.raises(AssertionError, match="required"):
        await driver.view_submission("U0ALICE", view, {"name": {"value": "Acme"}})
    refused = await driver.view_submission(
        "U0ALICE", view, {"name": {"value": "bad"}, "stage": {"value": "won"}}
    )
    assert refused.json == {"response_action": "errors", "errors": {"name": "Pick a real name"}}
    assert slack.view_stack("U0ALICE")  # still open
    accepted = await driver.view_submission(
        "U0ALICE", view, {"name": {"value": "Acme"}, "stage": {"value": "won"}}
    )
    assert accepted.status == 200 and accepted.body == ""
    assert slack.view_stack("U0ALICE") == []  # closed by the empty ack
    await slack.wait_for(
        lambda s: any(m.text == "saved Acme at won" for m in s.dm_messages("U0ALICE"))
    )
    assert slack.errors == []


async def test_events_and_retries(slack: SlackStandin, bot: Bot) -> None:
    def publishes(s: SlackStandin) -> int:
        return sum(method == "views.publish" for method, _ in s.calls)

    response = await bot.driver.app_home_opened("U0ALICE")
    assert response.status == 200
    await slack.wait_for(lambda s: "U0ALICE" in s.home_views)
    event = {"type": "app_home_opened", "user": "U0ALICE", "channel": "D1", "tab": "home"}
    retried = await bot.driver.event(event, retry_num=1, event_id="Ev0001")
    assert retried.status == 200
    await slack.wait_for(lambda s: publishes(s) == 2)  # bolt does not deduplicate by itself
    assert bot.retry_headers == [None, ["1"]]
    assert slack.errors == []
