"""The App Home tab: the person's open deals and the tasks waiting for them."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.domain.errors import DomainError
from dealbot.domain.views import AdviceTaskView, DealCard, Person
from dealbot.handlers import messages
from dealbot.handlers.conversation import Conversations
from dealbot.handlers.i18n import Translator
from dealbot.handlers.slack.blocks import MORE, button, clip, escape, mrkdwn_section
from dealbot.handlers.ui import Button

log = logging.getLogger(__name__)

JSON = dict[str, Any]

MAX_HOME_BLOCKS = 100
HEADER_MAX = 150
# Each list keeps room for the other one and both headers.
MAX_ROWS = 45


def _header(text: str) -> JSON:
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, HEADER_MAX)}}


def _rows(rows: list[JSON], t: Translator) -> list[JSON]:
    if not rows:
        return [mrkdwn_section(escape(t("list-empty")))]
    if len(rows) > MAX_ROWS:
        return [*rows[: MAX_ROWS - 1], mrkdwn_section(MORE)]
    return rows


def home_view(t: Translator, deals: list[DealCard], tasks: list[AdviceTaskView]) -> JSON:
    deal_rows = [mrkdwn_section(escape(messages.deal_line(t, card))) for card in deals]
    task_rows = []
    for task in tasks:
        text = escape(t("slack-home-advice-task", ref=task.deal.ref, title=task.deal.title))
        action = Button(t("button-give-advice"), messages.ADVICE_ACTION, str(task.task_id), True)
        task_rows.append({**mrkdwn_section(text), "accessory": button(action)})
    blocks = [
        _header(t("slack-home-my-deals")),
        *_rows(deal_rows, t),
        {"type": "divider"},
        _header(t("slack-home-waiting")),
        *_rows(task_rows, t),
    ]
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


class HomePublisher:
    """Draws and publishes a person's Home tab whenever what it shows may have changed."""

    def __init__(self, client: AsyncWebClient, conversations: Conversations) -> None:
        self.client = client
        self.conversations = conversations

    async def refresh(self, person: Person) -> None:
        if person.slack_user is None:
            return
        desk = self.conversations.desk
        deals = await asyncio.to_thread(desk.my_open_deals, person.id)
        tasks = await asyncio.to_thread(desk.waiting_tasks, person.id)
        view = home_view(Translator(person.locale), deals, tasks)
        try:
            await self.client.views_publish(user_id=person.slack_user, view=view)
        except SlackApiError as error:  # a stale Home tab must never fail the work behind it
            log.warning("home of %s not published: %s", person.handle, error)

    async def refresh_slack_user(self, slack_user: str) -> None:
        try:
            person = await self.conversations.person(slack_user=slack_user)
        except DomainError:
            log.info("no member for %s; no home to refresh", slack_user)
            return
        await self.refresh(person)
