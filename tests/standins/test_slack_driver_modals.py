"""The driver against a real slack-bolt AsyncApp: external_select options and growing modals."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from support.standins.slack_api import PayloadProblems, SlackStandin, validate_view
from support.standins.slack_driver import SlackDriver

SIGNING_SECRET = "test-signing-secret"
USER = "U0ALICE"
ACCOUNTS = {"a1": "Acme Corp", "a2": "Acme Labs", "g1": "Globex"}


def pt(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def option(value: str, text: str | None = None) -> dict[str, Any]:
    return {"text": pt(text or ACCOUNTS.get(value, value)), "value": value}


def order_modal(rows: int, *, initial: dict[str, Any] | None = None) -> dict[str, Any]:
    account: dict[str, Any] = {
        "type": "external_select",
        "action_id": "account",
        "placeholder": pt("Type a name"),
        "min_query_length": 2,
    }
    if initial is not None:
        account["initial_option"] = initial
    blocks: list[dict[str, Any]] = [
        {"type": "input", "block_id": "account", "label": pt("Account"), "element": account}
    ]
    for n in range(rows):
        blocks.append(
            {
                "type": "input",
                "block_id": f"item_{n}",
                "label": pt(f"Item {n + 1}"),
                "element": {"type": "plain_text_input", "action_id": "value"},
            }
        )
    blocks.append(
        {
            "type": "actions",
            "block_id": "rows",
            "elements": [
                {"type": "button", "text": pt("Add item"), "action_id": "add_item", "value": "+"}
            ],
        }
    )
    return {
        "type": "modal",
        "callback_id": "order",
        "title": pt("New order"),
        "submit": pt("Save"),
        "private_metadata": str(rows),
        "blocks": blocks,
    }


@dataclass
class Bot:
    driver: SlackDriver
    submissions: list[dict[str, Any]] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    options_answer: Callable[[str], dict[str, Any]] | None = None
    delay: float = 0.0


@pytest.fixture
async def slack() -> AsyncIterator[SlackStandin]:
    async with SlackStandin() as standin:
        yield standin


@pytest.fixture
async def bot(slack: SlackStandin) -> AsyncIterator[Bot]:
    app = AsyncApp(
        signing_secret=SIGNING_SECRET,
        client=AsyncWebClient(token=slack.token, base_url=slack.base_url),
    )
    state = Bot(SlackDriver("http://127.0.0.1:1", SIGNING_SECRET, slack))

    @app.command("/order")
    async def order(ack: Callable[..., Any], command: dict[str, Any], client: Any) -> None:
        await ack()
        await client.views_open(trigger_id=command["trigger_id"], view=order_modal(1))

    @app.options("account")
    async def accounts(ack: Callable[..., Any], body: dict[str, Any]) -> None:
        query = body["value"]
        state.queries.append(query)
        if state.delay:
            await asyncio.sleep(state.delay)  # the app being slow is what is tested here
        if state.options_answer is not None:
            await ack(**state.options_answer(query))
            return
        matches = [option(v) for v, name in ACCOUNTS.items() if query.lower() in name.lower()]
        await ack(options=matches)

    @app.action("add_item")
    async def add_item(ack: Callable[..., Any], body: dict[str, Any], client: Any) -> None:
        await ack()
        view = body["view"]
        rows = int(view["private_metadata"]) + 1
        await client.views_update(view_id=view["id"], hash=view["hash"], view=order_modal(rows))

    @app.view("order")
    async def save(ack: Callable[..., Any], view: dict[str, Any]) -> None:
        await ack()
        state.submissions.append(view["state"]["values"])

    runner = web.AppRunner(app.web_app(), access_log=None)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    state.driver = SlackDriver(f"http://127.0.0.1:{sock.getsockname()[1]}", SIGNING_SECRET, slack)
    try:
        yield state
    finally:
        await runner.cleanup()


async def open_order(slack: SlackStandin, bot: Bot) -> dict[str, Any]:
    await bot.driver.slash_command(USER, "/order")
    await slack.wait_for(lambda s: s.views_opened, what="the order modal")
    return bot.driver.opened_view_for(USER)


async def test_external_select_options_then_submit_the_chosen_one(
    slack: SlackStandin, bot: Bot
) -> None:
    driver = bot.driver
    await open_order(slack, bot)
    with pytest.raises(AssertionError, match="2 characters"):
        await driver.block_suggestion(USER, "account", "a")  # below min_query_length
    answer = await driver.block_suggestion(USER, "account", "acme")
    assert answer.json == {"options": [option("a1"), option("a2")]}
    assert bot.queries == ["acme"]
    with pytest.raises(AssertionError, match="offered no option"):
        await driver.view_submission(
            USER,
            driver.opened_view_for(USER),
            {"account": {"account": "g1"}, "item_0": {"value": "2 seats"}},
        )
    await driver.view_submission(
        USER,
        driver.opened_view_for(USER),
        {"account": {"account": "a2"}, "item_0": {"value": "2 seats"}},
    )
    [values] = bot.submissions
    assert values["account"]["account"] == {
        "type": "external_select",
        "selected_option": option("a2"),
    }
    assert slack.errors == []


async def test_a_modal_grows_with_add_item_and_keeps_its_hash_chain(
    slack: SlackStandin, bot: Bot
) -> None:
    driver = bot.driver
    first = await open_order(slack, bot)
    await driver.modal_action(USER, "add_item", values={"item_0": {"value": "seats"}})
    await slack.wait_for(lambda s: len(s.views_updated) == 1, what="the update")
    grown = slack.views_updated[0][1]
    assert grown["id"] == first["id"] and grown["hash"] != first["hash"]
    await driver.modal_action(USER, "add_item")
    await slack.wait_for(lambda s: len(s.views_updated) == 2, what="the second update")
    view = driver.opened_view_for(USER)
    assert [b["block_id"] for b in view["blocks"]] == [
        "account",
        "item_0",
        "item_1",
        "item_2",
        "rows",
    ]
    await driver.block_suggestion(USER, "account", "glob")
    await driver.view_submission(
        USER,
        view,
        {
            "account": {"account": "g1"},
            "item_0": {"value": "seats"},
            "item_1": {"value": "support"},
            "item_2": {"value": "training"},
        },
    )
    assert [bot.submissions[0][f"item_{n}"]["value"]["value"] for n in range(3)] == [
        "seats",
        "support",
        "training",
    ]
    assert slack.errors == []


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        ({"options": [option("a1", "x" * 76)]}, "75"),
        ({"options": [option("v" * 151)]}, "150"),
        ({"options": [option(f"o{n}") for n in range(101)]}, "100"),
        ({"options": [{"text": {"type": "mrkdwn", "text": "*b*"}, "value": "b"}]}, "plain_text"),
        ({"option_groups": [{"label": pt("L" * 76), "options": [option("a1")]}]}, "75"),
        ({"option_groups": [{"label": pt("Empty"), "options": []}]}, "non-empty"),
    ],
    ids=["text-76", "value-151", "101-options", "mrkdwn", "group-label", "empty-group"],
)
async def test_invalid_options_answers_are_recorded(
    slack: SlackStandin, bot: Bot, answer: dict[str, Any], fragment: str
) -> None:
    bot.options_answer = lambda query: answer
    await open_order(slack, bot)
    await bot.driver.block_suggestion(USER, "account", "acme")
    [(source, error, detail)] = slack.errors
    assert (source, error) == ("block_suggestion", "invalid_options")
    assert fragment in detail
    assert not bot.driver.offered_options


async def test_option_groups_are_accepted(slack: SlackStandin, bot: Bot) -> None:
    bot.options_answer = lambda query: {
        "option_groups": [
            {"label": pt("Customers"), "options": [option("a1")]},
            {"label": pt("Prospects"), "options": [option("g1")]},
        ]
    }
    view = await open_order(slack, bot)
    await bot.driver.block_suggestion(USER, "account", "any")
    assert [o["value"] for o in bot.driver.offered_options[(view["id"], "account", "account")]] == [
        "a1",
        "g1",
    ]
    assert slack.errors == []


async def test_a_slow_options_answer_is_too_late(slack: SlackStandin, bot: Bot) -> None:
    bot.driver.ack_timeout = 0.05  # Slack's 3 s, scaled down so the test stays quick
    bot.delay = 0.2
    await open_order(slack, bot)
    await bot.driver.block_suggestion(USER, "account", "acme")
    assert [e[:2] for e in slack.errors] == [("block_suggestion", "ack_timeout")]
    assert not bot.driver.offered_options


def test_external_select_elements_are_validated() -> None:
    validate_view(order_modal(1, initial=option("a1")), kind="modal")
    for bad_initial in (option("a1", "x" * 80), option("v" * 200), {"value": "a1"}):
        with pytest.raises(PayloadProblems, match="initial_option"):
            validate_view(order_modal(1, initial=bad_initial), kind="modal")
    view = order_modal(1)
    view["blocks"][0]["element"]["min_query_length"] = -1
    with pytest.raises(PayloadProblems, match="min_query_length"):
        validate_view(view, kind="modal")
    view["blocks"][0]["element"] = {
        "type": "multi_external_select",
        "action_id": "account",
        "initial_option": option("a1"),
    }
    with pytest.raises(PayloadProblems, match="initial_options"):
        validate_view(view, kind="modal")
