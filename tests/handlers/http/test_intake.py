"""The intake API over real HTTP (PRODUCT.md §4), then the lead's owner completes the opening
report on Slack: good, repeated, racing, unauthorised, malformed, invalid, oversized calls."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from dealbot.domain.deals.models import Deal
from support.slack_bot import FEED, INTAKE_TOKEN, KIM, LENA, SAM, SlackBot, running_bot
from support.slack_flow import Picked, dm_count, submit
from support.standins.slack_api import PostedMessage, plain_text

AUTH = {"Authorization": f"Bearer {INTAKE_TOKEN}"}
LEAD = {
    "external_id": "web-4711",
    "customer": "Acme GmbH",
    "title": "50 pumps",
    "owner": "sam",
    "industry": "製造業",  # a label in Japanese is a key too
    "company_size": "250-999",
    "amount": 1200000,
    "currency": "USD",
    "expected_close": "2027-03-31",
    "source": "web form",
    "notes": "Asked for a call back",
}


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[SlackBot]:
    async with running_bot(tmp_path) as running:
        yield running


async def call(
    bot: SlackBot,
    method: str,
    path: str,
    body: Any = None,
    *,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> tuple[int, Any]:
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    sent = {"Content-Type": "application/json", **AUTH, **(headers or {})}
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, bot.url + path, data=data, headers=sent) as response,
    ):
        text = await response.text()
        return response.status, json.loads(text) if text else None


def button(message: PostedMessage, label: str) -> dict[str, Any]:
    for block in message.blocks or []:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if element.get("type") == "button" and element["text"]["text"] == label:
                return dict(element)
    raise AssertionError(f"no {label!r} button in {plain_text(message)!r}")


async def test_a_lead_is_made_once_and_its_owner_completes_the_opening_report_on_slack(
    bot: SlackBot,
) -> None:
    status, answer = await call(bot, "POST", "/api/deals", LEAD)
    assert (status, answer) == (201, {"ref": "D-1", "status": "lead"})
    assert await call(bot, "POST", "/api/deals", {**LEAD, "title": "changed"}) == (
        200,
        {"ref": "D-1", "status": "lead"},
    )
    status, state = await call(bot, "GET", "/api/deals/D-1")
    assert status == 200 and state["status"] == "lead" and state["owner"] == "sam"
    assert (state["amount"], state["currency"], state["title"]) == ("1200000.00", "USD", "50 pumps")
    assert "lost_reason" not in state

    (task,) = await dm_count(bot.slack, SAM, 1)
    assert "Complete the opening report of D-1: 50 pumps" in plain_text(task)
    assert bot.slack.channel_messages(FEED) == []  # a lead is not in the feed
    before = len(bot.slack.views_opened)
    await bot.driver.block_action(SAM, button(task, "Open report")["action_id"], message=task)
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="the report modal")
    view = bot.driver.opened_view_for(SAM)
    blocks = {b["block_id"]: b["element"] for b in view["blocks"]}
    assert blocks["title"]["initial_value"] == "50 pumps"
    assert blocks["amount"]["initial_value"] == "1200000"
    assert blocks["industry"]["initial_option"]["value"] == "manufacturing"
    assert blocks["company_size"]["initial_option"]["value"] == "250-999"
    assert blocks["expected_close"]["initial_value"] == "2027-03-31"
    assert blocks["notes"]["initial_value"] == "Asked for a call back"
    customer = blocks["customer"]["initial_option"]
    assert customer["text"]["text"] == "Acme GmbH" and customer["value"].startswith("C-")

    await submit(bot, SAM, view, {"customer": Picked(customer["value"])})

    (post,) = await bot.slack.wait_for(lambda s: s.channel_messages(FEED), what="the feed post")
    assert "New deal D-1: 50 pumps" in plain_text(post) and "Acme GmbH" in plain_text(post)
    (advice,) = await dm_count(bot.slack, LENA, 1)
    assert "Advice wanted on D-1" in plain_text(advice)
    assert (await call(bot, "GET", "/api/deals/D-1"))[1]["status"] == "open"
    await bot.driver.block_action(SAM, button(task, "Open report")["action_id"], message=task)
    (refusal,) = await bot.slack.wait_for(lambda s: s.ephemerals(SAM), what="the refusal")
    assert "already been done" in plain_text(refusal)
    assert bot.slack.errors == []


async def test_racing_calls_with_one_external_id_make_one_deal(bot: SlackBot) -> None:
    lead = {**LEAD, "external_id": "race-1", "customer": "Brand New Ltd"}

    answers = await asyncio.gather(*(call(bot, "POST", "/api/deals", lead) for _ in range(6)))

    assert sorted(status for status, _ in answers) == [200, 200, 200, 200, 200, 201]
    assert {answer["ref"] for _, answer in answers} == {"D-1"}
    with bot.core.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(Deal)) == 1
    (task,) = await dm_count(bot.slack, SAM, 1)
    assert "D-1" in plain_text(task)


async def test_calls_are_checked_before_their_body_is_read(bot: SlackBot) -> None:
    nonsense = b"\xff not json"
    assert (await call(bot, "POST", "/api/deals", raw=nonsense, headers={"Authorization": ""}))[
        0
    ] == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert (await call(bot, "POST", "/api/deals", LEAD, headers=wrong))[0] == 401
    assert (await call(bot, "GET", "/api/deals/D-1", headers={"Authorization": ""}))[0] == 401
    assert (await call(bot, "POST", "/api/deals", raw=b"{not json"))[0] == 400
    assert (await call(bot, "POST", "/api/deals", raw=nonsense))[0] == 400
    assert (await call(bot, "POST", "/api/deals", ["a", "list"]))[0] == 400
    too_big = {**LEAD, "notes": "x" * 70_000}
    assert (await call(bot, "POST", "/api/deals", too_big))[0] == 413
    assert (await call(bot, "GET", "/api/deals/D-99"))[0] == 404
    status, document = await call(bot, "GET", "/api/openapi.json", headers={"Authorization": ""})
    assert status == 200 and document["openapi"].startswith("3.")
    assert set(document["paths"]) == {"/api/deals", "/api/deals/{ref}"}
    with bot.core.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(Deal)) == 0


async def test_each_invalid_field_is_named_in_english(bot: SlackBot) -> None:
    bad = {
        "external_id": "web-1",
        "title": "x" * 201,
        "owner": "nobody",
        "industry": "mining",
        "company_size": "huge",
        "amount": "-5",
        "currency": "XYZ",
        "expected_close": "31/12/2027",
        "colour": "red",
    }

    status, answer = await call(bot, "POST", "/api/deals", bad)

    assert status == 422
    assert set(answer["errors"]) == {
        "customer", "title", "owner", "industry", "company_size", "amount", "currency",
        "expected_close", "colour",
    }  # fmt: skip
    assert answer["errors"]["customer"] == "Customer is required."
    assert "mining" in answer["errors"]["industry"]
    assert "not a field" in answer["errors"]["colour"]
    small = {"external_id": "w", "customer": "A", "title": "T", "amount": "1e3"}
    status, answer = await call(bot, "POST", "/api/deals", small)
    assert status == 422 and set(answer["errors"]) == {"amount", "owner"}


async def test_a_lead_for_a_team_is_assigned_by_its_leader_then_reported_by_the_chosen(
    bot: SlackBot,
) -> None:
    lead = {"external_id": "crm-9", "customer": "Team Lead Co", "title": "Robots",
            "team": "Sample Sales", "amount": "48,000.50"}  # fmt: skip

    assert await call(bot, "POST", "/api/deals", lead) == (201, {"ref": "D-1", "status": "lead"})

    (assign,) = await dm_count(bot.slack, LENA, 1)
    assert "Assign the lead D-1: Robots" in plain_text(assign)
    before = len(bot.slack.views_opened)
    await bot.driver.block_action(LENA, button(assign, "Assign")["action_id"], message=assign)
    await bot.slack.wait_for(lambda s: len(s.views_opened) > before, what="the assign modal")
    view = bot.driver.opened_view_for(LENA)
    owners = [o["value"] for o in view["blocks"][0]["element"]["options"]]
    assert owners == ["kim", "sam"]
    await submit(bot, LENA, view, {"owner": "kim"})
    (task,) = await dm_count(bot.slack, KIM, 1)
    assert "Complete the opening report of D-1: Robots" in plain_text(task)
    assert (await call(bot, "GET", "/api/deals/D-1"))[1]["owner"] == "kim"
    assert bot.slack.errors == []
