"""Plays Slack's side towards the bot: signed slash commands, interactions and events.

``SlackDriver`` posts to the bot's ``/slack/events`` endpoint exactly like Slack does (body
encodings, ``X-Slack-Signature``/``X-Slack-Request-Timestamp``, retry headers), minting trigger ids
and response URLs from the ``SlackStandin`` so that what the bot does with them is checked there.

Things a real user could not do raise ``AssertionError`` (clicking a button that is not in the
message, submitting a modal with an empty required input, ...).  Things Slack would reject in the
bot's answers (acknowledging after 3 s, invalid ``response_action`` views, errors for unknown
blocks, invalid blocks in an ack) are recorded in ``standin.errors``.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple
from urllib.parse import urlencode

import aiohttp
from multidict import CIMultiDict

from support.standins.slack_api import (
    JSONDict,
    PayloadProblems,
    PostedMessage,
    SlackApiFailure,
    SlackStandin,
    interactive_elements,
    validate_options_response,
    validate_view,
    with_generated_ids,
)

ACK_TIMEOUT_SECONDS = 3.0
DEFAULT_MIN_QUERY_LENGTH = 3  # Slack asks an options URL once this many characters are typed
_EXTERNAL_SELECTS = ("external_select", "multi_external_select")
_MISSING: Any = object()


class DriverResponse(NamedTuple):
    """The bot's HTTP answer; ``body`` is parsed JSON when the bot answered JSON, else text."""

    status: int
    headers: CIMultiDict[str]
    body: Any

    @property
    def json(self) -> JSONDict:
        if not isinstance(self.body, dict):
            raise AssertionError(f"expected a JSON object, got {self.body!r}")
        return self.body


def _plain(text: str) -> JSONDict:
    return {"type": "plain_text", "text": text, "emoji": True}


def sign(signing_secret: str, timestamp: str, body: bytes) -> str:
    """Slack's request signature: ``v0=`` + HMAC-SHA256(secret, ``v0:{ts}:{body}``)."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(signing_secret.encode(), base, hashlib.sha256).hexdigest()


# --------------------------------------------------------------------------------------------
# Input values, as Slack reports them in state.values and in block_actions
# --------------------------------------------------------------------------------------------
def _options_of(element: Mapping[str, Any]) -> list[JSONDict]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options += group.get("options") or []
    return options


def _pick_option(
    element: Mapping[str, Any],
    wanted: Any,
    where: str,
    offered: Sequence[JSONDict] | None = None,
) -> JSONDict:
    if isinstance(wanted, dict):
        return wanted
    if element.get("type") in _EXTERNAL_SELECTS:
        # The user can only pick what the app's options URL offered (or the initial value).
        candidates = [*(offered or []), *_initial_of(element)]
        for option in candidates:
            if option.get("value") == wanted:
                return copy.deepcopy(option)
        raise AssertionError(
            f"{where}: the app offered no option with value {wanted!r} "
            f"(offered: {[o.get('value') for o in candidates]}); "
            "let the user type first with driver.block_suggestion(...)"
        )
    for option in _options_of(element):
        if option.get("value") == wanted:
            return copy.deepcopy(option)
    values = [o.get("value") for o in _options_of(element)]
    raise AssertionError(f"{where}: no option with value {wanted!r} (options: {values})")


def _initial_of(element: Mapping[str, Any]) -> list[JSONDict]:
    single = element.get("initial_option")
    return [single] if isinstance(single, dict) else list(element.get("initial_options") or [])


def _check_text_input(element: Mapping[str, Any], value: Any, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise AssertionError(f"{where}: a text input holds a string, not {value!r}")
    max_length = element.get("max_length")
    min_length = element.get("min_length")
    if isinstance(max_length, int) and len(value) > max_length:
        raise AssertionError(f"{where}: Slack limits this input to {max_length} characters")
    if isinstance(min_length, int) and 0 < len(value) < min_length:
        raise AssertionError(f"{where}: Slack requires at least {min_length} characters")


def state_value(
    element: Mapping[str, Any],
    provided: Any = _MISSING,
    where: str = "",
    *,
    offered: Sequence[JSONDict] | None = None,
) -> JSONDict:
    """The ``state.values[block_id][action_id]`` entry Slack reports for ``element``.

    ``provided`` is what the user entered, in simple form: a string for text inputs, dates
    (``YYYY-MM-DD``), times and single selects (the option *value*), a list for multi-selects and
    checkboxes, a user/channel id for user/conversation selects.  A dict whose ``type`` equals
    the element type is passed through as is.  Without ``provided`` the element's initial value
    is reported, as Slack does.  For ``external_select`` the value must be one of ``offered``
    (the options the app answered to ``block_suggestion``) or the initial option.
    """
    kind = str(element.get("type"))
    if isinstance(provided, dict) and provided.get("type") == kind:
        return dict(provided)
    given = provided is not _MISSING
    result: JSONDict = {"type": kind}
    if kind in ("plain_text_input", "email_text_input", "url_text_input", "number_input"):
        value = provided if given else element.get("initial_value")
        if kind == "plain_text_input":
            _check_text_input(element, value, where)
        elif value is not None and not isinstance(value, str):
            raise AssertionError(f"{where}: a text input holds a string, not {value!r}")
        result["value"] = value
    elif kind in ("static_select", "external_select", "radio_buttons", "overflow"):
        if given:
            result["selected_option"] = (
                None if provided is None else _pick_option(element, provided, where, offered)
            )
        else:
            result["selected_option"] = copy.deepcopy(element.get("initial_option"))
    elif kind in ("multi_static_select", "multi_external_select", "checkboxes"):
        if given:
            result["selected_options"] = [
                _pick_option(element, v, where, offered) for v in provided or []
            ]
        else:
            result["selected_options"] = copy.deepcopy(element.get("initial_options") or [])
    elif kind == "users_select":
        result["selected_user"] = provided if given else element.get("initial_user")
    elif kind == "multi_users_select":
        result["selected_users"] = (
            list(provided or []) if given else element.get("initial_users", [])
        )
    elif kind == "conversations_select":
        result["selected_conversation"] = provided if given else element.get("initial_conversation")
    elif kind == "multi_conversations_select":
        initial = element.get("initial_conversations", [])
        result["selected_conversations"] = list(provided or []) if given else initial
    elif kind == "channels_select":
        result["selected_channel"] = provided if given else element.get("initial_channel")
    elif kind == "multi_channels_select":
        initial = element.get("initial_channels", [])
        result["selected_channels"] = list(provided or []) if given else initial
    elif kind == "datepicker":
        value = provided if given else element.get("initial_date")
        if value is not None:
            try:
                time.strptime(str(value), "%Y-%m-%d")
            except ValueError:
                raise AssertionError(
                    f"{where}: a datepicker holds YYYY-MM-DD, not {value!r}"
                ) from None
        result["selected_date"] = value
    elif kind == "timepicker":
        result["selected_time"] = provided if given else element.get("initial_time")
        if "timezone" in element:
            result["timezone"] = element["timezone"]
    elif kind == "datetimepicker":
        result["selected_date_time"] = provided if given else element.get("initial_date_time")
    elif kind == "rich_text_input":
        value = provided if given else element.get("initial_value")
        if isinstance(value, str):
            value = {
                "type": "rich_text",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": value}]}
                ],
            }
        result["rich_text_value"] = value
    elif kind == "file_input":
        result["files"] = list(provided or []) if given else []
    else:
        result["value"] = provided if given else None
    return result


def _is_empty(entry: Mapping[str, Any]) -> bool:
    values = [v for k, v in entry.items() if k not in ("type", "timezone")]
    return all(v is None or v == [] or v == "" for v in values)


def build_state_values(
    view: Mapping[str, Any],
    values: Mapping[str, Mapping[str, Any]] | None,
    *,
    submitting: bool = True,
    offered: Mapping[tuple[str, str], Sequence[JSONDict]] | None = None,
) -> JSONDict:
    """``view.state.values``: every input block, plus the given values.

    When ``submitting``, empty required inputs raise ``AssertionError`` (Slack's client does not
    let the user submit them).  ``offered`` maps ``(block_id, action_id)`` of external selects
    to the options the app offered.
    """
    values = values or {}
    state: JSONDict = {}
    seen: set[tuple[str, str]] = set()
    for block in view.get("blocks") or []:
        block_id = block.get("block_id")
        for element in interactive_elements(block):
            action_id = element.get("action_id")
            if not block_id or not action_id:
                continue
            where = f"block {block_id!r} / action {action_id!r}"
            provided = values.get(block_id, {}).get(action_id, _MISSING)
            if block.get("type") != "input" and provided is _MISSING:
                continue
            entry = state_value(
                element, provided, where, offered=(offered or {}).get((block_id, action_id))
            )
            required = block.get("type") == "input" and not block.get("optional", False)
            if submitting and required and _is_empty(entry):
                raise AssertionError(
                    f"Slack would not let the user submit: required input {where} is empty"
                )
            state.setdefault(block_id, {})[action_id] = entry
            seen.add((block_id, action_id))
    for block_id, actions in values.items():
        for action_id in actions:
            if (block_id, action_id) not in seen:
                raise AssertionError(
                    f"the view has no element {block_id!r}/{action_id!r}; "
                    f"it has {sorted(seen) or 'no inputs'}"
                )
    return state


# --------------------------------------------------------------------------------------------
# The driver
# --------------------------------------------------------------------------------------------
class SlackDriver:
    """Sends Slack's requests to the bot (see module docstring)."""

    def __init__(
        self,
        base_url_of_bot: str,
        signing_secret: str,
        standin: SlackStandin,
        *,
        path: str = "/slack/events",
        ack_timeout: float = ACK_TIMEOUT_SECONDS,
    ) -> None:
        base = base_url_of_bot.rstrip("/")
        self.url = base if base.endswith(path) else base + path
        self.signing_secret = signing_secret
        self.standin = standin
        self.ack_timeout = ack_timeout
        self.last_user_message: PostedMessage | None = None
        #: seconds the bot took to answer the last request
        self.last_elapsed = 0.0
        #: (view_id, block_id, action_id) -> the options the app last offered there
        self.offered_options: dict[tuple[str, str, str], list[JSONDict]] = {}

    # -- transport ----------------------------------------------------------------------------
    async def post(
        self,
        body: bytes,
        content_type: str,
        *,
        kind: str,
        headers: Mapping[str, str] | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResponse:
        """POST a signed body; ``timestamp``/``signature`` override the computed ones."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        request_headers = {
            "Content-Type": content_type,
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature or sign(self.signing_secret, stamp, body),
            **(headers or {}),
        }
        started = time.monotonic()
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=body, headers=request_headers) as response,
        ):
            text = await response.text()
            elapsed = time.monotonic() - started
            parsed: Any = text
            if response.content_type == "application/json" and text:
                parsed = json.loads(text)
            result = DriverResponse(response.status, CIMultiDict(response.headers), parsed)
        self.last_elapsed = elapsed
        if elapsed > self.ack_timeout:
            self.standin.record_error(
                kind, "ack_timeout", f"the bot answered after {elapsed:.2f}s (Slack gives up at 3s)"
            )
        return result

    async def _post_form(self, fields: Mapping[str, str], kind: str, **sign: Any) -> DriverResponse:
        return await self.post(
            urlencode(fields).encode(), "application/x-www-form-urlencoded", kind=kind, **sign
        )

    async def _post_payload(self, payload: JSONDict, kind: str, **sign: Any) -> DriverResponse:
        return await self._post_form({"payload": json.dumps(payload)}, kind, **sign)

    # -- helpers ------------------------------------------------------------------------------
    def _user(self, user_id: str) -> JSONDict:
        name = str(self.standin.users.get(user_id, {}).get("name", user_id.lower()))
        return {"id": user_id, "username": name, "name": name, "team_id": self.standin.team_id}

    def _channel(self, channel_id: str) -> JSONDict:
        name = self.standin.channel_names.get(channel_id)
        if name is None:
            name = "directmessage" if channel_id.startswith("D") else channel_id.lower()
        return {"id": channel_id, "name": name}

    def _team(self) -> JSONDict:
        return {"id": self.standin.team_id, "domain": self.standin.team_domain}

    def _offered_in(self, view_id: Any) -> dict[tuple[str, str], list[JSONDict]]:
        return {
            (block_id, action_id): options
            for (view, block_id, action_id), options in self.offered_options.items()
            if view == view_id
        }

    def opened_view_for(self, user_id: str) -> JSONDict:
        """The modal the bot most recently opened/pushed/updated for ``user_id`` (still open)."""
        view = self.standin.latest_view(user_id)
        if view is None:
            raise AssertionError(f"no open modal for {user_id}\n{self.standin.summary()}")
        return view

    # -- slash commands -----------------------------------------------------------------------
    async def slash_command(
        self,
        user_id: str,
        command: str,
        text: str = "",
        channel_id: str = "C0GENERAL",
        team_id: str | None = None,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResponse:
        """Run ``/command text`` as ``user_id``; a non-empty ack body is shown like Slack does."""
        if not command.startswith("/"):
            raise ValueError("a slash command starts with '/'")
        standin = self.standin
        fields = {
            "token": standin.verification_token,
            "team_id": team_id or standin.team_id,
            "team_domain": standin.team_domain,
            "channel_id": channel_id,
            "channel_name": self._channel(channel_id)["name"],
            "user_id": user_id,
            "user_name": self._user(user_id)["name"],
            "command": command,
            "text": text,
            "api_app_id": standin.app_id,
            "is_enterprise_install": "false",
            "response_url": standin.new_response_url(user_id=user_id, channel_id=channel_id),
            "trigger_id": standin.new_trigger_id(user_id),
        }
        response = await self._post_form(
            fields, "slash_command", timestamp=timestamp, signature=signature
        )
        if response.status == 200 and response.body not in ("", None):
            body = response.body
            if isinstance(body, dict | str):
                standin.record_ack_message(user_id=user_id, channel_id=channel_id, body=body)
            else:
                standin.record_error("command.ack", "invalid_response", f"unexpected ack {body!r}")
            await standin.notify()
        return response

    # -- block actions ------------------------------------------------------------------------
    def _find_element(
        self, blocks: list[Any], action_id: str, block_id: str | None
    ) -> tuple[JSONDict, JSONDict]:
        available = []
        for block in blocks:
            if not isinstance(block, dict):
                continue
            for element in interactive_elements(block):
                available.append((block.get("block_id"), element.get("action_id")))
                if element.get("action_id") == action_id and block_id in (
                    None,
                    block.get("block_id"),
                ):
                    return block, element
        raise AssertionError(
            f"no element with action_id {action_id!r}"
            + (f" in block {block_id!r}" if block_id else "")
            + f"; clickable elements: {available}"
        )

    async def block_action(
        self,
        user_id: str,
        action_id: str,
        value: Any = None,
        *,
        block_id: str | None = None,
        message: PostedMessage | JSONDict | None = None,
        container: JSONDict | None = None,
        channel_id: str | None = None,
        view: JSONDict | None = None,
        values: Mapping[str, Mapping[str, Any]] | None = None,
        action: JSONDict | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResponse:
        """Click/select ``action_id`` in ``message`` (or in the modal ``view``).

        With a message or view the element must exist there; the action is built from it
        (a button's ``value`` must match the button's).  ``value`` is the option value for
        selects, the date for datepickers, etc.  ``action`` overrides fields of the action.
        """
        standin = self.standin
        action_ts = f"{time.time():.6f}"
        payload: JSONDict = {
            "type": "block_actions",
            "user": self._user(user_id),
            "api_app_id": standin.app_id,
            "token": standin.verification_token,
            "team": self._team(),
            "enterprise": None,
            "is_enterprise_install": False,
        }
        blocks: list[Any] | None = None
        if view is not None:
            current = standin.views.get(str(view.get("id")))
            if current is not None and not current.is_open:
                raise AssertionError(
                    f"view {view.get('id')} is closed; the user cannot click in it"
                )
            shown = copy.deepcopy(current.view if current is not None else view)
            offered = self._offered_in(shown.get("id"))
            shown["state"] = {
                "values": build_state_values(shown, values, submitting=False, offered=offered)
            }
            blocks = shown.get("blocks") or []
            payload["container"] = container or {"type": "view", "view_id": shown.get("id")}
            payload["view"] = shown
            payload["trigger_id"] = standin.new_trigger_id(user_id, view_id=shown.get("id"))
            payload["state"] = shown["state"]
        else:
            ephemeral = False
            message_ts: str | None = None
            thread_ts: str | None = None
            if isinstance(message, PostedMessage):
                ephemeral = message.is_ephemeral
                channel_id = channel_id or message.channel
                message_ts = message.ts
                thread_ts = message.thread_ts if message.is_reply else None
                seed = f"{message.channel}/{message.ts}"
                blocks = with_generated_ids(message.blocks or [], seed)
                if not ephemeral:
                    payload["message"] = standin.message_payload(message)
            elif message is not None:
                message_ts = message.get("ts")
                blocks = with_generated_ids(
                    message.get("blocks") or [], f"{channel_id}/{message_ts}"
                )
                payload["message"] = {**message, "blocks": blocks}
            if channel_id is None:
                raise ValueError("block_action needs a message, a view or a channel_id")
            payload["channel"] = self._channel(channel_id)
            default_container: JSONDict = {
                "type": "message",
                "message_ts": message_ts,
                "channel_id": channel_id,
                "is_ephemeral": ephemeral,
            }
            if thread_ts:
                default_container["thread_ts"] = thread_ts
            payload["container"] = container or default_container
            payload["trigger_id"] = standin.new_trigger_id(user_id)
            payload["state"] = {"values": {}}
            payload["response_url"] = standin.new_response_url(
                user_id=user_id,
                channel_id=channel_id,
                message_ts=message_ts,
                kind="actions",
                is_ephemeral=ephemeral,
            )
        payload["actions"] = [
            self._action(
                blocks,
                action_id,
                value,
                block_id,
                action_ts,
                offered=self._offered_in(view.get("id")) if view is not None else None,
            )
            | (action or {})
        ]
        return await self._post_payload(
            payload, "block_actions", timestamp=timestamp, signature=signature
        )

    def _action(
        self,
        blocks: list[Any] | None,
        action_id: str,
        value: Any,
        block_id: str | None,
        action_ts: str,
        *,
        offered: Mapping[tuple[str, str], Sequence[JSONDict]] | None = None,
    ) -> JSONDict:
        if blocks is None:
            return {
                "type": "button",
                "action_id": action_id,
                "block_id": block_id or "block",
                "text": _plain(action_id),
                "value": value,
                "action_ts": action_ts,
            }
        block, element = self._find_element(blocks, action_id, block_id)
        result: JSONDict = {
            "type": element.get("type"),
            "action_id": action_id,
            "block_id": block.get("block_id"),
            "action_ts": action_ts,
        }
        where = f"action {action_id!r}"
        if element.get("type") == "button":
            if value is not None and value != element.get("value"):
                raise AssertionError(
                    f"{where}: the button's value is {element.get('value')!r}, not {value!r}"
                )
            result["text"] = copy.deepcopy(element.get("text"))
            if element.get("value") is not None:
                result["value"] = element["value"]
            if "style" in element:
                result["style"] = element["style"]
        else:
            entry = state_value(
                element,
                value if value is not None else _MISSING,
                where,
                offered=(offered or {}).get((str(block.get("block_id")), action_id)),
            )
            entry.pop("type", None)
            result.update(entry)
            if "placeholder" in element:
                result["placeholder"] = copy.deepcopy(element["placeholder"])
        return result

    async def modal_action(
        self,
        user_id: str,
        action_id: str,
        value: Any = None,
        *,
        block_id: str | None = None,
        values: Mapping[str, Mapping[str, Any]] | None = None,
        **kwargs: Any,
    ) -> DriverResponse:
        """Click/select ``action_id`` in the modal open for ``user_id`` (its current version).

        ``values`` are what the user typed into the inputs so far (sent as ``view.state``).
        """
        return await self.block_action(
            user_id,
            action_id,
            value,
            block_id=block_id,
            view=self.opened_view_for(user_id),
            values=values,
            **kwargs,
        )

    # -- options for external selects -------------------------------------------------------
    async def block_suggestion(
        self,
        user_id: str,
        action_id: str,
        value: str = "",
        *,
        view: JSONDict | None = None,
        block_id: str | None = None,
        values: Mapping[str, Mapping[str, Any]] | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResponse:
        """The user types ``value`` into the ``external_select`` ``action_id`` of a modal.

        Slack asks the app's options URL only once ``min_query_length`` (default 3) characters
        are typed; fewer raise ``AssertionError``.  The answer must come within 3 s and be
        ``{"options": [...]}`` or ``{"option_groups": [...]}`` (<= 100, text <= 75, value <=
        150); otherwise the user sees no options and the problem is recorded in
        ``standin.errors`` as ``("block_suggestion", error, detail)``.  Valid options are kept
        in ``offered_options`` so the user may pick one in ``view_submission``/``block_action``.
        """
        standin = self.standin
        view = view if view is not None else self.opened_view_for(user_id)
        current = standin.views.get(str(view.get("id")))
        if current is not None and not current.is_open:
            raise AssertionError(f"view {current.id} is closed; the user cannot type in it")
        shown = copy.deepcopy(current.view if current is not None else view)
        block, element = self._find_element(shown.get("blocks") or [], action_id, block_id)
        if element.get("type") not in _EXTERNAL_SELECTS:
            raise AssertionError(
                f"{action_id!r} is a {element.get('type')}; only external selects load options"
            )
        min_length = element.get("min_query_length", DEFAULT_MIN_QUERY_LENGTH)
        if isinstance(min_length, int) and len(value) < min_length:
            raise AssertionError(
                f"Slack asks for options only after {min_length} characters (got {value!r})"
            )
        offered = self._offered_in(shown.get("id"))
        shown["state"] = {
            "values": build_state_values(shown, values, submitting=False, offered=offered)
        }
        payload: JSONDict = {
            "type": "block_suggestion",
            "user": self._user(user_id),
            "container": {"type": "view", "view_id": shown.get("id")},
            "api_app_id": standin.app_id,
            "token": standin.verification_token,
            "action_id": action_id,
            "block_id": block.get("block_id"),
            "value": value,
            "team": self._team(),
            "enterprise": None,
            "is_enterprise_install": False,
            "view": shown,
        }
        response = await self._post_payload(
            payload, "block_suggestion", timestamp=timestamp, signature=signature
        )
        key = (str(shown.get("id")), str(block.get("block_id")), action_id)
        self.offered_options.pop(key, None)
        if response.status != 200:
            standin.record_error(
                "block_suggestion", "http_error", f"the options URL answered {response.status}"
            )
        elif self.last_elapsed <= self.ack_timeout:  # late answers were recorded by post()
            try:
                self.offered_options[key] = validate_options_response(response.body)
            except PayloadProblems as problems:
                standin.record_error(
                    "block_suggestion", problems.error, "; ".join(problems.messages)
                )
        await standin.notify()
        return response

    # -- modals -------------------------------------------------------------------------------
    async def view_submission(
        self,
        user_id: str,
        view: JSONDict,
        values: Mapping[str, Mapping[str, Any]] | None = None,
        *,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResponse:
        """Submit the modal ``view`` with ``values`` (block_id -> action_id -> value).

        The bot's answer is applied like Slack does: an empty 200 closes the view;
        ``response_action`` ``errors``/``update``/``push``/``clear`` are checked and applied
        (invalid ones are recorded in ``standin.errors``).  Returns the answer, JSON parsed.
        """
        standin = self.standin
        stored = standin.views.get(str(view.get("id")))
        if stored is not None:
            if not stored.is_open:
                raise AssertionError(f"view {stored.id} is not open; the user cannot submit it")
            if stored.kind != "modal":
                raise AssertionError("only modals can be submitted")
            shown = copy.deepcopy(stored.view)
        else:
            shown = copy.deepcopy(view)
            shown.setdefault("id", "V_UNKNOWN")
        if shown.get("submit") is None:
            raise AssertionError("the modal has no submit button")
        offered = self._offered_in(shown.get("id"))
        shown["state"] = {"values": build_state_values(shown, values, offered=offered)}
        payload: JSONDict = {
            "type": "view_submission",
            "team": self._team(),
            "user": self._user(user_id),
            "api_app_id": standin.app_id,
            "token": standin.verification_token,
            "trigger_id": standin.new_trigger_id(user_id, view_id=shown["id"]),
            "view": shown,
            "response_urls": [],
            "enterprise": None,
            "is_enterprise_install": False,
        }
        response = await self._post_payload(
            payload, "view_submission", timestamp=timestamp, signature=signature
        )
        if response.status == 200 and stored is not None:
            self._apply_submission_answer(stored.id, stored.owner, shown, response.body)
            await standin.notify()
        return response

    def _apply_submission_answer(
        self, view_id: str, owner: str, shown: JSONDict, body: Any
    ) -> None:
        standin = self.standin
        source = "view_submission"
        if body in ("", None):
            standin.close_view(view_id)
            return
        if not isinstance(body, dict) or "response_action" not in body:
            standin.record_error(
                source, "invalid_response", f"Slack cannot use the answer {body!r}"
            )
            return
        action = body["response_action"]
        try:
            if action == "errors":
                self._check_errors(shown, body.get("errors"))
            elif action in ("update", "push"):
                new_view = body.get("view")
                try:
                    validate_view(new_view, kind="modal")
                except PayloadProblems as problems:
                    raise SlackApiFailure(problems.error, messages=problems.messages) from None
                assert isinstance(new_view, dict)
                if action == "update":
                    standin.replace_view(view_id, new_view)
                else:
                    standin.push_view(owner, new_view)
            elif action == "clear":
                standin.close_view(view_id, clear=True)
            else:
                raise SlackApiFailure(
                    "invalid_response_action", f"unknown response_action {action!r}"
                )
        except SlackApiFailure as failure:
            detail = failure.detail or "; ".join(failure.messages)
            standin.record_error(f"{source}.{action}", failure.error, detail)

    @staticmethod
    def _check_errors(shown: Mapping[str, Any], errors: Any) -> None:
        if not isinstance(errors, dict) or not errors:
            raise SlackApiFailure("invalid_errors", "errors must be a non-empty object")
        inputs = {b.get("block_id") for b in shown.get("blocks") or [] if b.get("type") == "input"}
        for block_id, text in errors.items():
            if block_id not in inputs:
                raise SlackApiFailure(
                    "invalid_errors",
                    f"errors names {block_id!r}, which is not an input block of the view "
                    f"(input blocks: {sorted(i for i in inputs if i)})",
                )
            if not isinstance(text, str) or not text:
                raise SlackApiFailure("invalid_errors", f"the error for {block_id!r} must be text")

    async def view_closed(
        self, user_id: str, view: JSONDict, *, is_cleared: bool = False
    ) -> DriverResponse:
        """The user closes the modal (Slack only tells the bot when ``notify_on_close``)."""
        standin = self.standin
        stored = standin.views.get(str(view.get("id")))
        shown = copy.deepcopy(stored.view if stored is not None else view)
        if stored is not None:
            standin.close_view(stored.id, clear=is_cleared)
        if not shown.get("notify_on_close"):
            raise AssertionError("Slack sends view_closed only for views with notify_on_close")
        payload: JSONDict = {
            "type": "view_closed",
            "team": self._team(),
            "user": self._user(user_id),
            "api_app_id": standin.app_id,
            "token": standin.verification_token,
            "view": shown,
            "is_cleared": is_cleared,
            "enterprise": None,
            "is_enterprise_install": False,
        }
        return await self._post_payload(payload, "view_closed")

    # -- Events API ---------------------------------------------------------------------------
    async def event(
        self,
        payload_event: JSONDict,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
        *,
        event_id: str | None = None,
        timestamp: int | None = None,
        signature: str | None = None,
    ) -> DriverResponse:
        """Deliver an Events API event (``event_callback`` envelope, JSON).

        Pass the same ``event_id`` with ``retry_num`` 1..3 to simulate Slack's retries.
        """
        standin = self.standin
        envelope = {
            "token": standin.verification_token,
            "team_id": standin.team_id,
            "api_app_id": standin.app_id,
            "event": payload_event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": standin.team_id,
                    "user_id": standin.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"4-{uuid.uuid4().hex}",
        }
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        return await self.post(
            json.dumps(envelope).encode(),
            "application/json",
            kind=f"event:{payload_event.get('type')}",
            headers=headers,
            timestamp=timestamp,
            signature=signature,
        )

    async def app_home_opened(self, user_id: str, **kwargs: Any) -> DriverResponse:
        standin = self.standin
        event: JSONDict = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": standin.dm_channel(user_id),
            "tab": "home",
            "event_ts": f"{time.time():.6f}",
        }
        if user_id in standin.home_views:
            event["view"] = copy.deepcopy(standin.home_views[user_id])
        return await self.event(event, **kwargs)

    async def message(
        self,
        user_id: str,
        text: str,
        channel_id: str | None = None,
        *,
        thread_ts: str | None = None,
        **kwargs: Any,
    ) -> DriverResponse:
        """``user_id`` writes ``text`` (in the DM with the bot unless ``channel_id``).

        The message is registered in the stand-in (``driver.last_user_message``) so the bot can
        reply in its thread.
        """
        standin = self.standin
        channel = channel_id or standin.dm_channel(user_id)
        posted = standin.record_user_message(user_id, channel, text, thread_ts=thread_ts)
        self.last_user_message = posted
        event: JSONDict = {
            "type": "message",
            "channel": posted.channel,
            "user": user_id,
            "text": text,
            "ts": posted.ts,
            "event_ts": posted.ts,
            "team": standin.team_id,
            "client_msg_id": str(uuid.uuid4()),
            "channel_type": "im" if posted.channel.startswith("D") else "channel",
            "blocks": [
                {
                    "type": "rich_text",
                    "block_id": posted.ts.replace(".", "")[-5:],
                    "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                    ],
                }
            ],
        }
        if thread_ts is not None:
            event["thread_ts"] = thread_ts
        return await self.event(event, **kwargs)

    async def app_mention(
        self, user_id: str, text: str, channel_id: str = "C0GENERAL", **kwargs: Any
    ) -> DriverResponse:
        """``user_id`` mentions the bot in ``channel_id`` (``<@bot>`` is prefixed if missing)."""
        standin = self.standin
        mention = f"<@{standin.bot_user_id}>"
        if mention not in text:
            text = f"{mention} {text}"
        posted = standin.record_user_message(user_id, channel_id, text)
        self.last_user_message = posted
        event = {
            "type": "app_mention",
            "user": user_id,
            "text": text,
            "ts": posted.ts,
            "channel": channel_id,
            "event_ts": posted.ts,
            "team": standin.team_id,
            "client_msg_id": str(uuid.uuid4()),
        }
        return await self.event(event, **kwargs)


__all__ = ["DriverResponse", "SlackDriver", "build_state_values", "sign", "state_value"]
