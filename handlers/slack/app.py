"""The `/deal` command, buttons, modal submissions and App Home events on a Bolt AsyncApp.

Every listener acknowledges first and works afterwards, except modal submissions: their answer
(inline errors or closing the modal) can only travel in the acknowledgement itself. Nothing a
listener sends afterwards may fail the request: a reply that cannot be sent goes through the
outbox instead.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.domain.core.clock import Clock
from dealbot.domain.core.errors import DomainError
from dealbot.domain.core.views import Person
from dealbot.handlers.core.forms import Choice
from dealbot.handlers.core.i18n import Translator, supported_locale
from dealbot.handlers.core.outcomes import FieldErrors, FormRequest, Outcome
from dealbot.handlers.core.registry import Ask
from dealbot.handlers.core.router import Router, error_reply
from dealbot.handlers.core.state import FrontState
from dealbot.handlers.core.ui import Message, Reply
from dealbot.handlers.slack.app_home import HomePublisher
from dealbot.handlers.slack.blocks import render_all
from dealbot.handlers.slack.modals import (
    ADD_ROW_ACTION,
    CALLBACK_PREFIX,
    ModalState,
    error_response,
    modal_view,
    option_list,
    raw_answers,
    submitted_answers,
)
from dealbot.handlers.slack.transport import delivery_metadata, maybe_sent

log = logging.getLogger(__name__)

PLATFORM = "slack"
COMMAND = "/deal"
JSON = dict[str, Any]
AFTER_ACK_CONCURRENCY = 8


class SlackListeners:
    def __init__(
        self,
        router: Router,
        state: FrontState,
        clock: Clock,
        client: AsyncWebClient,
        home: HomePublisher,
        on_change: Callable[[], None],
    ) -> None:
        self.router = router
        self.state = state
        self.clock = clock
        self.client = client
        self.home = home
        self.on_change = on_change
        self._profile_lookups: dict[str, asyncio.Future[str | None]] = {}
        # Work after the ack waits its turn, so that a burst still gets every ack out at once.
        self._after_ack = asyncio.Semaphore(AFTER_ACK_CONCURRENCY)

    # who is asking
    async def _first_time(self, key: str) -> bool:
        """False for a request already handled, whichever bot process handled it."""
        return await Router.call(self.state.first_time, PLATFORM, key, self.clock.now())

    async def _profile_locale(self, user_id: str) -> str | None:
        lookup = self._profile_lookups.get(user_id)
        if lookup is None:  # one users.info per person, however many requests arrive at once
            lookup = asyncio.ensure_future(self._look_up_locale(user_id))
            self._profile_lookups[user_id] = lookup
        return await asyncio.shield(lookup)

    async def _look_up_locale(self, user_id: str) -> str | None:
        try:
            info = await self.client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            log.info("no profile locale for %s: %s", user_id, error)
            return None
        return supported_locale(str(info["user"].get("locale") or ""))

    async def person(self, user_id: str) -> tuple[Person | None, Translator]:
        """The member behind a Slack user, in their language; None if on no team."""
        profile = await self._profile_locale(user_id)
        people = self.router.people
        try:
            person = await Router.call(lambda: people.arriving(profile, slack_user=user_id))
        except DomainError:
            person = None
        if person is None:
            return None, Translator(profile or "en")
        return person, self.router.ask(person, PLATFORM).t

    # answering
    async def _tell(
        self, respond: AsyncRespond | None, person: Person | None, user: str, reply: Reply, key: str
    ) -> None:
        """Only the person sees it: in place when Slack gave a response URL, else by DM.

        What Slack refuses (rate limits, an outage) goes through the outbox instead, from the
        message that failed on; a DM that may have gone through is looked for before a resend.
        """
        if not reply.messages:
            return
        if respond is not None and respond.response_url is not None:
            blocks, text = render_all(reply.messages)
            try:
                await respond(
                    text=text, blocks=blocks, response_type="ephemeral", replace_original=False
                )
                return
            except Exception as error:
                log.warning("answer to %s not shown (%s); it goes by DM", user, error)
                await self._queue(person, key, reply, maybe_sent=False)
                return
        blocks, text = render_all(reply.messages)
        metadata = (
            delivery_metadata(self.router.reply_key(person, PLATFORM, key)) if person else None
        )
        try:
            await self.client.chat_postMessage(
                channel=user, text=text, blocks=blocks, metadata=metadata
            )
        except Exception as error:
            log.warning("answer to %s not sent (%s); it goes through the outbox", user, error)
            await self._queue(person, key, reply, maybe_sent=maybe_sent(error))

    async def _queue(
        self, person: Person | None, key: str, reply: Reply, *, maybe_sent: bool
    ) -> None:
        if person is None:
            return
        await self.router.queue_reply(person, PLATFORM, key, reply, maybe_sent=maybe_sent)
        self.on_change()

    async def _show(
        self, person: Person, outcome: Outcome, body: JSON, respond: AsyncRespond | None, key: str
    ) -> None:
        user = body_user(body)
        if not isinstance(outcome, FormRequest):
            if outcome.queued:  # charts: on their way to the person's DM through the outbox
                self.on_change()
                outcome = self._pointer(person, body, respond, outcome)
            await self._tell(respond, person, user, outcome, key)
            return
        channel = body.get("channel_id") or (body.get("channel") or {}).get("id")
        ask = self.router.ask(person, PLATFORM)
        try:
            context = await self.router.context(ask, outcome)
            view = modal_view(ModalState.opening(outcome, channel), context)
            await self.client.views_open(trigger_id=body["trigger_id"], view=view)
        except SlackApiError as error:
            if error.response.get("error") not in ("expired_trigger_id", "exchanged_trigger_id"):
                raise
            # Slack gives 3 seconds to open a form; say so rather than nothing at all.
            await self._tell(
                respond, person, user, error_reply(ask.t, ask.t("slack-form-too-late")), key
            )

    def _pointer(
        self, person: Person, body: JSON, respond: AsyncRespond | None, reply: Reply
    ) -> Reply:
        """Where the answer went, said in place when it was asked for in a channel."""
        channel = str(body.get("channel_id") or (body.get("channel") or {}).get("id") or "")
        if reply.messages or respond is None or respond.response_url is None:
            return reply
        if channel.startswith("D"):  # asked in a DM: the answer shows up right there
            return reply
        t = self.router.ask(person, PLATFORM).t
        return Reply(messages=(Message(title=t("slack-sent-to-dm")),), queued=reply.queued)

    # listeners
    async def command(self, ack: AsyncAck, body: JSON, respond: AsyncRespond) -> None:
        await ack()
        async with self._after_ack:
            await self._command_work(body, respond)

    async def _command_work(self, body: JSON, respond: AsyncRespond) -> None:
        user = body_user(body)
        key = f"command:{body['trigger_id']}"
        first, (person, t) = await asyncio.gather(self._first_time(key), self.person(user))
        if not first:
            return
        if person is None:
            await self._tell(respond, None, user, error_reply(t, t("error-not-on-team")), key)
            return
        outcome = await self.router.command(person, command_text(body), PLATFORM)
        await self._show(person, outcome, body, respond, key)
        self.on_change()

    async def action(self, ack: AsyncAck, body: JSON, respond: AsyncRespond) -> None:
        await ack()
        async with self._after_ack:
            await self._action_work(body, respond)

    async def _action_work(self, body: JSON, respond: AsyncRespond) -> None:
        user = body_user(body)
        key = f"action:{body['trigger_id']}"
        first, (person, t) = await asyncio.gather(self._first_time(key), self.person(user))
        if not first:
            return
        if person is None:
            await self._tell(respond, None, user, error_reply(t, t("error-not-on-team")), key)
            return
        clicked = body["actions"][0]
        if clicked.get("action_id") == ADD_ROW_ACTION and body.get("view"):
            await self._add_row(person, body["view"])
            return
        # `advice:2` is the third "advice" button of one message (ids must be unique there).
        action = str(clicked["action_id"]).split(":", 1)[0]
        value = str(clicked.get("value") or "")
        outcome = await self.router.press(person, action, value, PLATFORM)
        await self._show(person, outcome, body, respond, key)

    async def _add_row(self, person: Person, view: JSON) -> None:
        """ "Add item": the same modal with one more row, keeping everything typed so far."""
        try:
            state = ModalState.decode(
                view.get("private_metadata"), self.router.registry.form_declarations
            )
        except ValueError:
            log.warning("an Add item click carried state we did not write")
            return
        typed = {k: v for k, v in raw_answers(view).items() if v}
        shown = replace(state.request, defaults={**state.request.defaults, **typed})
        ask = self.router.ask(person, PLATFORM)
        context = await self.router.context(ask, shown)
        try:
            await self.client.views_update(
                view_id=view["id"], hash=view.get("hash"), view=modal_view(state.grown(), context)
            )
        except SlackApiError as error:  # clicked twice, or the modal closed meanwhile
            log.info("modal %s not grown: %s", view.get("id"), error.response.get("error"))

    async def submission(self, ack: AsyncAck, body: JSON, view: JSON) -> None:
        user = body_user(body)
        person, t = await self.person(user)
        if person is None:
            await ack()
            await self._tell(None, None, user, error_reply(t, t("error-not-on-team")), "")
            return
        ask = self.router.ask(person, PLATFORM)
        try:
            state = ModalState.decode(
                view.get("private_metadata"), self.router.registry.form_declarations
            )
        except ValueError:
            log.warning("a view submission from %s carried state we did not write", user)
            await ack(response_action="clear")
            return
        result = await self._save(ask, state, view)
        if isinstance(result, FieldErrors):
            await ack(**error_response(result, view))
            return
        await ack()
        if result is None:  # the same view sent again: it was saved the first time
            return
        self.on_change()
        await self._tell(None, person, user, result, f"view:{view.get('id')}")
        try:
            await self.home.refresh(person)
        except Exception:
            log.exception("home of %s not refreshed", person.handle)

    async def _save(self, ask: Ask, state: ModalState, view: JSON) -> Reply | FieldErrors | None:
        """Validate and submit; None when this view was already saved (sent twice)."""
        request = state.request
        answers = submitted_answers(state, view)
        context = await self.router.context(ask, request, answers=answers)
        values, errors = await self.router.validate(ask, request, answers, context)
        if errors is not None:
            return errors
        key = f"view:{view.get('id')}"
        if not await self._first_time(key):
            return None
        result = await self.router.submit(ask, request, values)
        if isinstance(result, FieldErrors):  # nothing was saved: let the corrected form through
            await Router.call(self.state.forget, PLATFORM, key)
        return result

    async def options(self, ack: AsyncAck, body: JSON) -> None:
        """What an external_select offers for the letters typed: the person's own team's
        matches, within Slack's limits and its 3 seconds."""
        try:
            choices = await self._options_for(body)
        except Exception:
            log.exception("options for %s could not be found", body.get("block_id"))
            choices = []
        await ack(options=option_list(choices))

    async def _options_for(self, body: JSON) -> list[Choice]:
        person, _ = await self.person(body_user(body))
        if person is None:
            return []
        view = body.get("view") or {}
        try:
            request = ModalState.decode(
                view.get("private_metadata"), self.router.registry.form_declarations
            ).request
        except ValueError:
            log.warning("an options request carried state we did not write")
            return []
        name = str(body.get("block_id") or "")
        if not request.form.has_field(name) or not request.form.field(name).typeahead:
            return []
        ask = self.router.ask(person, PLATFORM)
        return await self.router.matches(ask, request, name, str(body.get("value") or ""))

    async def home_opened(self, body: JSON, event: JSON) -> None:
        if event.get("tab") != "home":
            return
        if not await self._first_time(f"event:{body.get('event_id')}"):
            return
        await self.home.refresh_slack_user(str(event["user"]))


def command_text(body: JSON) -> str:
    """`/deal customer new`, or `/customer new` from a shortcut: the same command."""
    text = str(body.get("text") or "")
    name = str(body.get("command") or COMMAND).lstrip("/").lower()
    return text if name == COMMAND.lstrip("/") else f"{name} {text}".strip()


def body_user(body: JSON) -> str:
    return str(body.get("user_id") or body["user"]["id"])


def register(app: AsyncApp, listeners: SlackListeners) -> None:
    # `/deal` and the manifest's shortcuts to its subcommands (`/customer new` is
    # `/deal customer new`).
    app.command(re.compile(r"^/[a-z][a-z0-9_-]*$"))(listeners.command)
    # Every button goes to the router, which decides what it means and who may press it.
    app.action(re.compile(r".+"))(listeners.action)
    app.view(re.compile("^" + re.escape(CALLBACK_PREFIX)))(listeners.submission)
    app.event("app_home_opened")(listeners.home_opened)
    app.options(re.compile(r".+"))(listeners.options)
