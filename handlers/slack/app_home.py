"""The App Home tab: each capability's overview section (open deals, what waits for you)."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.views import Person
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import HomeRow
from dealbot.handlers.core.router import Router
from dealbot.handlers.slack.blocks import MORE, button, literal, text_section

log = logging.getLogger(__name__)

JSON = dict[str, Any]

PLATFORM = "slack"
MAX_HOME_BLOCKS = 100
HEADER_MAX = 150


def _header(text: str) -> JSON:
    return {"type": "header", "text": literal(text, HEADER_MAX)}


def _row(row: HomeRow) -> JSON:
    block = text_section(row.text)
    if row.button is not None:
        block["accessory"] = button(row.button)
    return block


def home_view(t: Translator, sections: list[tuple[str, list[HomeRow]]]) -> JSON:
    """Every section with a header; each keeps room for the others within Slack's 100 blocks."""
    room = MAX_HOME_BLOCKS // max(1, len(sections)) - 2
    blocks: list[JSON] = []
    for index, (title, rows) in enumerate(sections):
        if index:
            blocks.append({"type": "divider"})
        blocks.append(_header(title))
        drawn = [_row(r) for r in rows] or [text_section(t("list-empty"))]
        if len(drawn) > room:
            drawn = [*drawn[: room - 1], text_section(MORE)]
        blocks.extend(drawn)
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


class HomePublisher:
    """Draws and publishes a person's Home tab whenever what it shows may have changed."""

    def __init__(self, client: AsyncWebClient, router: Router) -> None:
        self.client = client
        self.router = router

    async def refresh(self, person: Person) -> None:
        if person.slack_user is None:
            return
        ask = self.router.ask(person, PLATFORM)
        sections = [
            (ask.t(title_key), await rows(ask))
            for title_key, rows in self.router.registry.home.items()
        ]
        try:
            await self.client.views_publish(
                user_id=person.slack_user, view=home_view(ask.t, sections)
            )
        except SlackApiError as error:  # a stale Home tab must never fail the work behind it
            log.warning("home of %s not published: %s", person.handle, error)

    async def refresh_slack_user(self, slack_user: str) -> None:
        try:
            person = await self.router.person(slack_user=slack_user)
        except DomainError:
            log.info("no member for %s; no home to refresh", slack_user)
            return
        await self.refresh(person)
