"""The `/deal` command, buttons, modal submissions and App Home events on a Bolt AsyncApp.

Every listener acknowledges first and works afterwards, except modal submissions: their answer
(inline errors or closing the modal) can only travel in the acknowledgement itself.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.domain.errors import DomainError
from dealbot.domain.views import Person
from dealbot.handlers import messages
from dealbot.handlers.conversation import Conversations, FieldErrors, FormRequest, Outcome
from dealbot.handlers.i18n import Translator, supported_locale
from dealbot.handlers.slack.app_home import HomePublisher
from dealbot.handlers.slack.blocks import render_all
from dealbot.handlers.slack.modals import (
    CALLBACK_PREFIX,
    ModalState,
    error_response,
    modal_view,
    raw_answers,
)
from dealbot.handlers.ui import Reply

log = logging.getLogger(__name__)

PLATFORM = "slack"
COMMAND = "/deal"
JSON = dict[str, Any]
AFTER_ACK_CONCURRENCY = 8


class SlackListeners:
    def __init__(
        self,
        conversations: Conversations,
        client: AsyncWebClient,
        home: HomePublisher,
        on_change: Callable[[], None],
    ) -> None:
        self.conversations = conversations
        self.client = client
        self.home = home
        self.on_change = on_change
        self._profile_lookups: dict[str, asyncio.Future[str | None]] = {}
        # Work after the ack waits its turn, so that a burst still gets every ack out at once.
        self._after_ack = asyncio.Semaphore(AFTER_ACK_CONCURRENCY)

    # who is asking
    async def _first_time(self, key: str) -> bool:
        """False for a request already handled, whichever bot process handled it."""
        return await asyncio.to_thread(self.conversations.desk.first_time, PLATFORM, key)

    async def _profile_locale(self, user_id: str) -> tuple[str | None, bool]:
        """The language of the Slack profile, and whether this call looked it up."""
        lookup = self._profile_lookups.get(user_id)
        fresh = lookup is None
        if lookup is None:  # one users.info per person, however many requests arrive at once
            lookup = asyncio.ensure_future(self._look_up_locale(user_id))
            self._profile_lookups[user_id] = lookup
        return await asyncio.shield(lookup), fresh

    async def _look_up_locale(self, user_id: str) -> str | None:
        try:
            info = await self.client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            log.info("no profile locale for %s: %s", user_id, error)
            return None
        return supported_locale(str(info["user"].get("locale") or ""))

    async def person(self, user_id: str) -> tuple[Person | None, Translator]:
        """The member behind a Slack user, in their language; None if on no team."""
        profile, fresh = await self._profile_locale(user_id)
        try:
            person = await self.conversations.person(slack_user=user_id)
        except DomainError:
            return None, Translator(profile or "en")
        if fresh and profile:
            await asyncio.to_thread(self.conversations.desk.note_profile_locale, person.id, profile)
            person = await self.conversations.person(slack_user=user_id)
        return person, Translator(person.locale)

    # answering
    async def _open_form(
        self, person: Person, request: FormRequest, trigger_id: str, channel: str | None
    ) -> None:
        context = await self.conversations.form_context(person, request)
        view = modal_view(ModalState(request, channel), context)
        await self.client.views_open(trigger_id=trigger_id, view=view)

    async def _dm(self, user_id: str, reply: Reply) -> None:
        if not reply.messages:
            return
        blocks, text = render_all(reply.messages)
        await self.client.chat_postMessage(channel=user_id, text=text, blocks=blocks)

    async def _tell(self, respond: AsyncRespond | None, user_id: str, reply: Reply) -> None:
        """Only the person sees it: in place when Slack gave a response URL, else by DM."""
        if respond is None or respond.response_url is None:
            await self._dm(user_id, reply)
            return
        blocks, text = render_all(reply.messages)
        await respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)

    async def _not_on_team(self, t: Translator, respond: AsyncRespond | None, user: str) -> None:
        await self._tell(respond, user, Reply.of(messages.error(t, t("error-not-on-team"))))

    async def _show(
        self,
        person: Person,
        outcome: Outcome,
        body: JSON,
        respond: AsyncRespond | None,
    ) -> None:
        if isinstance(outcome, FormRequest):
            channel = body.get("channel_id") or (body.get("channel") or {}).get("id")
            try:
                await self._open_form(person, outcome, body["trigger_id"], channel)
            except SlackApiError as error:
                if error.response.get("error") != "expired_trigger_id":
                    raise
                # Slack gives 3 seconds to open a form; say so rather than nothing at all.
                t = Translator(person.locale)
                reply = Reply.of(messages.error(t, t("slack-form-too-late")))
                await self._tell(respond, body_user(body), reply)
        else:
            await self._tell(respond, body_user(body), outcome)

    # listeners
    async def command(self, ack: AsyncAck, body: JSON, respond: AsyncRespond) -> None:
        await ack()
        async with self._after_ack:
            await self._command_work(body, respond)

    async def _command_work(self, body: JSON, respond: AsyncRespond) -> None:
        user = body_user(body)
        first, (person, t) = await asyncio.gather(
            self._first_time(f"command:{body['trigger_id']}"), self.person(user)
        )
        if not first:
            return
        if person is None:
            await self._not_on_team(t, respond, user)
            return
        outcome = await self.conversations.command(person, str(body.get("text") or ""))
        await self._show(person, outcome, body, respond)
        self.on_change()

    async def action(self, ack: AsyncAck, body: JSON, respond: AsyncRespond) -> None:
        await ack()
        async with self._after_ack:
            await self._action_work(body, respond)

    async def _action_work(self, body: JSON, respond: AsyncRespond) -> None:
        user = body_user(body)
        first, (person, t) = await asyncio.gather(
            self._first_time(f"action:{body['trigger_id']}"), self.person(user)
        )
        if not first:
            return
        if person is None:
            await self._not_on_team(t, respond, user)
            return
        clicked = body["actions"][0]
        # `advice:2` is the third "advice" button of one message (ids must be unique there).
        action = str(clicked["action_id"]).split(":", 1)[0]
        outcome = await self.conversations.press(person, action, str(clicked.get("value") or ""))
        await self._show(person, outcome, body, respond)

    async def submission(self, ack: AsyncAck, body: JSON, view: JSON) -> None:
        if not await self._first_time(f"view:{body['trigger_id']}"):
            await ack()
            return
        user = body_user(body)
        person, t = await self.person(user)
        if person is None:
            await ack()
            await self._not_on_team(t, None, user)
            return
        request = ModalState.decode(view["private_metadata"]).request
        context = await self.conversations.form_context(person, request)
        values, errors = self.conversations.validate(request, raw_answers(view), context)
        result: Reply | FieldErrors = errors or await self.conversations.submit(
            person, request, values
        )
        if isinstance(result, FieldErrors):
            await ack(**error_response(result, view))
            return
        await ack()
        self.on_change()
        await self._dm(user, result)
        await self.home.refresh(person)

    async def home_opened(self, body: JSON, event: JSON) -> None:
        if event.get("tab") != "home":
            return
        if not await self._first_time(f"event:{body.get('event_id')}"):
            return
        await self.home.refresh_slack_user(str(event["user"]))


def body_user(body: JSON) -> str:
    return str(body.get("user_id") or body["user"]["id"])


def register(app: AsyncApp, listeners: SlackListeners) -> None:
    app.command(COMMAND)(listeners.command)
    # Every button goes to the neutral press(), which decides what it means and who may.
    app.action(re.compile(r".+"))(listeners.action)
    app.view(re.compile("^" + re.escape(CALLBACK_PREFIX)))(listeners.submission)
    app.event("app_home_opened")(listeners.home_opened)
