"""Refusals: forged or stale requests, clicks by the wrong person, Slack's retries."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import aiohttp
import pytest

from support.slack_bot import FEED, KIM, LENA, SAM, SlackBot
from support.slack_flow import dm_count, open_deal
from support.standins.slack_api import plain_text


async def test_a_bad_signature_is_refused_and_changes_nothing(bot: SlackBot) -> None:
    answer = await bot.driver.slash_command(SAM, "/deal", "new", signature="v0=" + "0" * 64)
    assert answer.status == 401
    stale = await bot.driver.slash_command(SAM, "/deal", "new", timestamp=int(time.time()) - 600)
    assert stale.status == 401
    assert bot.slack.views_opened == [] and bot.slack.messages == []


async def test_a_click_by_someone_else_is_refused_and_the_task_stays_open(
    bot: SlackBot,
) -> None:
    await open_deal(bot, SAM)
    (task,) = await dm_count(bot.slack, LENA, 1)

    await bot.driver.block_action(KIM, "advice", message=task)
    (refusal,) = await bot.slack.wait_for(lambda s: s.ephemerals(KIM), what="the refusal")
    assert "Only the leader asked for advice on D-1 can give it." in plain_text(refusal)
    assert bot.slack.views_opened == [] or all(user != KIM for user, _ in bot.slack.views_opened)
    lena = bot.core.desks.people.person(slack_user=LENA)
    assert [t.deal.ref for t in bot.core.desks.deals.waiting_tasks(lena.id)] == ["D-1"]
    assert bot.slack.errors == []


async def test_a_retried_event_is_handled_once(bot: SlackBot) -> None:
    def publishes(user: str) -> int:
        return sum(
            1
            for method, params in bot.slack.calls
            if method == "views.publish" and params.get("user_id") == user
        )

    await bot.driver.app_home_opened(SAM, event_id="Ev0SAMHOME1")
    await bot.slack.wait_for(lambda s: publishes(SAM) == 1, what="Sam's home")
    for retry in (1, 2, 3):
        answer = await bot.driver.app_home_opened(SAM, event_id="Ev0SAMHOME1", retry_num=retry)
        assert answer.status == 200
    # A later event for someone else is handled after the retries were looked at.
    await bot.driver.app_home_opened(KIM, event_id="Ev0KIMHOME1")
    await bot.slack.wait_for(lambda s: publishes(KIM) == 1, what="Kim's home")
    assert publishes(SAM) == 1


async def test_a_retried_command_opens_one_deal_form(bot: SlackBot) -> None:
    slack = bot.slack
    fields = {
        "token": slack.verification_token,
        "team_id": slack.team_id,
        "channel_id": FEED,
        "user_id": SAM,
        "command": "/deal",
        "text": "new",
        "response_url": slack.new_response_url(user_id=SAM, channel_id=FEED),
        "trigger_id": slack.new_trigger_id(SAM),
    }
    body = urlencode(fields).encode()
    form = "application/x-www-form-urlencoded"
    first = await bot.driver.post(body, form, kind="slash_command")
    assert first.status == 200
    await slack.wait_for(lambda s: len(s.views_opened) == 1, what="the form")
    retried = await bot.driver.post(
        body, form, kind="slash_command", headers={"X-Slack-Retry-Num": "1"}
    )
    assert retried.status == 200
    await bot.driver.slash_command(KIM, "/deal", "new")
    await slack.wait_for(lambda s: any(u == KIM for u, _ in s.views_opened), what="Kim's form")
    assert [user for user, _ in slack.views_opened].count(SAM) == 1
    assert slack.errors == []


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"\xff\xfe not utf-8", {"Content-Type": "application/json"}),
        (b'{"type": "url_verification"', {"Content-Type": "application/json"}),
        (b"payload=%7Bbroken", {"Content-Type": "application/x-www-form-urlencoded"}),
        (b"", {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=abc"}),
    ],
)
async def test_unsigned_malformed_requests_are_refused_before_they_are_read(
    bot: SlackBot, body: bytes, headers: dict[str, str]
) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{bot.url}/slack/events", data=body, headers=headers) as response,
    ):
        assert response.status == 401
    assert bot.slack.messages == [] and bot.slack.views_opened == []
