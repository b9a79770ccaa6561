"""A strict stand-in of the Slack Web API for end-to-end tests.

The stand-in is a real aiohttp server on 127.0.0.1; point ``AsyncWebClient(base_url=...)`` at
``SlackStandin.base_url``.  It is deliberately at least as strict as Slack itself (see
``/work/shared/PLATFORM-LIMITS.md``): every ``blocks`` array and every ``view`` is run through
slack_sdk's Block Kit models *and* through the documented limits the SDK does not check, so a test
that passes here should not be rejected by Slack.

Usage::

    async with SlackStandin() as slack:
        client = AsyncWebClient(token=slack.token, base_url=slack.base_url)
        ...
        await slack.wait_for(lambda s: s.dm_messages("U123"))
        assert slack.errors == []

Everything the bot does wrong (invalid blocks, unknown channel, expired trigger, ...) is answered
like Slack answers it *and* recorded in ``slack.errors`` as ``(method, error, detail)``.  Injected
faults (``fail_next``) and rate limiting (``enforce_channel_rate``) are not errors of the bot and
are not recorded there (see ``slack.rate_limited``).

Besides chat, views and response URLs it serves message metadata, ``conversations.history`` /
``conversations.replies`` (with the limits of commercially distributed apps when
``commercially_distributed``), files_upload_v2 (``uploaded_files``), scopes (``scopes``) and
places that went away (``archive_channel``, ``remove_bot_from_channel``, ``delete_channel``).
``hold_responses`` accepts a call but holds (or drops) its answer, for kill-window tests.
Message timestamps follow ``ts_clock`` (epoch seconds) like Slack's.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import copy
import datetime as dt
import hashlib
import itertools
import json
import math
import random
import re
import secrets
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import TracebackType
from typing import Any, Literal, TypeVar
from urllib.parse import parse_qsl

from aiohttp import BodyPartReader, web
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

JSONDict = dict[str, Any]
Surface = Literal["message", "modal", "home"]
T = TypeVar("T")

# --------------------------------------------------------------------------------------------
# Limits (PLATFORM-LIMITS.md and Slack's Block Kit reference)
# --------------------------------------------------------------------------------------------
TRIGGER_TTL_SECONDS = 3.0
MAX_VIEW_STACK = 3  # the root view plus 2 pushed views ("push_limit_reached" after that)
MAX_MESSAGE_BLOCKS = 50
MAX_SURFACE_BLOCKS = 100
MAX_MESSAGE_TEXT = 40_000
RECOMMENDED_MESSAGE_TEXT = 4_000
MAX_VIEW_BYTES = 250_000
MAX_MARKDOWN_BLOCK_CHARS = 12_000
RESPONSE_URL_MAX_USES = 5
MAX_UPLOAD_BYTES = 1024 * 1024 * 1024  # Slack's 1 GB file limit
FILE_ALT_TEXT_MAX = 1000
HISTORY_DEFAULT_LIMIT = 100  # conversations.history
HISTORY_MAX_LIMIT = 999
REPLIES_DEFAULT_LIMIT = 1000  # conversations.replies
REPLIES_MAX_LIMIT = 1000
# Since 29 May 2025, for apps commercially distributed outside the Slack Marketplace:
LIMITED_HISTORY_CALLS_PER_MINUTE = 1
LIMITED_HISTORY_MAX_LIMIT = 15
RESPONSE_URL_TTL_SECONDS = 30 * 60

SECTION_TEXT_MAX = 3000
SECTION_FIELDS_MAX = 10
SECTION_FIELD_TEXT_MAX = 2000
HEADER_TEXT_MAX = 150
ID_MAX = 255  # block_id, action_id, callback_id, external_id
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
URL_MAX = 3000
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150
OPTION_DESCRIPTION_MAX = 75
SELECT_OPTIONS_MAX = 100
SELECT_GROUPS_MAX = 100
OPTION_GROUP_LABEL_MAX = 75
CHOICE_OPTIONS_MAX = 10  # checkboxes, radio buttons
OVERFLOW_OPTIONS_MAX = 5
PLACEHOLDER_MAX = 150
ACTIONS_ELEMENTS_MAX = 25
CONTEXT_ELEMENTS_MAX = 10
INPUT_LABEL_MAX = 2000
INPUT_HINT_MAX = 2000
PLAIN_TEXT_INPUT_MAX = 3000
IMAGE_ALT_TEXT_MAX = 2000
IMAGE_TITLE_MAX = 2000
CONFIRM_TITLE_MAX = 100
CONFIRM_TEXT_MAX = 300
CONFIRM_BUTTON_MAX = 30
VIEW_TITLE_MAX = 24
VIEW_BUTTON_MAX = 24
PRIVATE_METADATA_MAX = 3000

NUMBER_INPUT_BAN = (
    "number_input is banned in this project: Slack's number_input element does not render in "
    "the mobile apps (bolt-python #903); use plain_text_input and validate the number"
)

_SELECTS = frozenset(
    {"static_select", "external_select", "users_select", "conversations_select", "channels_select"}
)
_MULTI_SELECTS = frozenset(f"multi_{name}" for name in _SELECTS)
_OPTION_SELECTS = frozenset({"static_select", "multi_static_select"})
SECTION_ACCESSORIES = frozenset(
    {
        "button",
        "checkboxes",
        "datepicker",
        "image",
        "overflow",
        "radio_buttons",
        "timepicker",
        "workflow_button",
    }
    | _SELECTS
    | _MULTI_SELECTS
)
ACTIONS_ELEMENTS = frozenset(
    {
        "button",
        "checkboxes",
        "datepicker",
        "datetimepicker",
        "overflow",
        "radio_buttons",
        "timepicker",
        "workflow_button",
        "feedback_buttons",
        "icon_button",
    }
    | _SELECTS
    | _MULTI_SELECTS
)
INPUT_ELEMENTS = frozenset(
    {
        "checkboxes",
        "datepicker",
        "datetimepicker",
        "email_text_input",
        "file_input",
        "number_input",
        "plain_text_input",
        "radio_buttons",
        "rich_text_input",
        "timepicker",
        "url_text_input",
    }
    | _SELECTS
    | _MULTI_SELECTS
)
CONTEXT_ELEMENTS = frozenset({"image", "plain_text", "mrkdwn"})

_MODAL_KEYS = frozenset(
    {
        "type",
        "title",
        "blocks",
        "close",
        "submit",
        "private_metadata",
        "callback_id",
        "clear_on_close",
        "notify_on_close",
        "external_id",
        "submit_disabled",
    }
)
_HOME_KEYS = frozenset({"type", "blocks", "private_metadata", "callback_id", "external_id"})

_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")
_DM_ID = re.compile(r"^D[A-Z0-9]{2,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Message metadata: Slack wants an alphanumeric (plus underscore) event type and an object payload.
_EVENT_TYPE = re.compile(r"^[a-zA-Z0-9_]{1,255}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MessageVersion:
    """One earlier state of an edited message (``PostedMessage.history``, oldest first)."""

    text: str | None
    blocks: list[JSONDict] | None
    metadata: JSONDict | None
    method: str  # what replaced this version: chat.update or response_url

    def buttons(self) -> list[tuple[str, str | None, str | None]]:
        return buttons_of(self.blocks)


@dataclass
class PostedMessage:
    """A message the bot got onto Slack (or a user message a test injected).

    ``user`` is only set for ephemeral messages (the one person who sees it); ``author`` is who
    wrote it (the bot user id for bot posts).  ``channel`` is always the conversation id (a post
    to a user id ``U…`` is recorded under that user's DM channel ``D…``; ``requested_channel``
    keeps what the bot passed).  ``method`` is ``chat.postMessage``, ``chat.postEphemeral``,
    ``response_url``, ``command.ack``, ``files.completeUploadExternal`` (file shares; ``files``
    lists their ids) or ``user`` (messages injected by the driver).
    """

    channel: str
    ts: str
    text: str | None
    blocks: list[JSONDict] | None
    thread_ts: str | None = None
    reply_broadcast: bool = False
    user: str | None = None
    method: str = "chat.postMessage"
    mrkdwn: bool | None = None
    requested_channel: str | None = None
    author: str | None = None
    deleted: bool = False
    edits: list[tuple[str | None, list[JSONDict] | None]] = field(default_factory=list)
    #: ``{"event_type": ..., "event_payload": {...}}`` as the bot attached it (or None).
    metadata: JSONDict | None = None
    #: earlier versions (text, blocks and metadata), oldest first; ``edits`` keeps the old shape.
    history: list[MessageVersion] = field(default_factory=list)
    #: ids of the files shared by this message (files.completeUploadExternal).
    files: list[str] = field(default_factory=list)

    def buttons(self) -> list[tuple[str, str | None, str | None]]:
        """The buttons of the current blocks as ``(text, action_id, value)``."""
        return buttons_of(self.blocks)

    def remember_version(self, method: str) -> None:
        """Keep the current content before an edit replaces it."""
        self.edits.append((self.text, self.blocks))
        self.history.append(
            MessageVersion(
                self.text, copy.deepcopy(self.blocks), copy.deepcopy(self.metadata), method
            )
        )

    @property
    def is_ephemeral(self) -> bool:
        return self.user is not None

    @property
    def is_reply(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.ts

    @property
    def visible_in_channel(self) -> bool:
        return (
            not self.deleted
            and not self.is_ephemeral
            and (not self.is_reply or self.reply_broadcast)
        )


@dataclass
class StoredView:
    """A modal or Home tab as Slack holds it (``view`` is what the API returned)."""

    id: str
    owner: str  # user id (or the trigger id when the trigger was minted without a user)
    kind: str  # "modal" or "home"
    view: JSONDict
    is_open: bool = True
    history: list[JSONDict] = field(default_factory=list)


@dataclass
class Trigger:
    id: str
    user_id: str | None
    issued_at: float
    view_id: str | None = None
    used: bool = False


@dataclass
class UploadedFile:
    """A file of the files_upload_v2 flow (getUploadURLExternal, POST, completeUploadExternal).

    ``data`` holds the bytes the client POSTed to ``upload_url`` (``upload_encoding`` says how:
    ``"raw"`` body or ``"multipart"`` form); ``channel``/``thread_ts``/``initial_comment`` are
    set when completeUploadExternal shared it, and ``message`` is that share.
    """

    id: str
    filename: str
    length: int
    upload_url: str
    alt_txt: str | None = None
    snippet_type: str | None = None
    created: int = 0
    data: bytes | None = None
    upload_content_type: str | None = None
    upload_encoding: str | None = None
    title: str | None = None
    completed: bool = False
    channel: str | None = None
    thread_ts: str | None = None
    initial_comment: str | None = None
    message: PostedMessage | None = None

    @property
    def is_png(self) -> bool:
        return bool(self.data and self.data.startswith(b"\x89PNG\r\n\x1a\n"))


@dataclass
class ResponseUrl:
    url: str
    user_id: str | None
    channel_id: str | None
    message_ts: str | None
    issued_at: float
    uses: int = 0
    is_ephemeral: bool = False


@dataclass
class _Fault:
    method: str | None
    status: int
    remaining: int
    retry_after: int | None
    error: str | None


@dataclass
class HeldResponse:
    """An accepted call whose answer the stand-in holds back (``hold_responses``).

    Its effect happened (the message is in the channel, with its metadata); only the HTTP
    answer waits, until ``release()`` or ``release_after`` seconds.  ``abandoned`` turns true
    when the client hung up meanwhile (e.g. the bot process was killed).  With ``disconnect``
    the connection is dropped instead of answered when released.
    """

    method: str
    params: JSONDict
    body: JSONDict
    message: PostedMessage | None
    release_after: float | None
    disconnect: bool = False
    event: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    answered: bool = False
    abandoned: bool = False

    def release(self) -> None:
        self.event.set()


@dataclass
class _Hold:
    method: str
    remaining: int
    release_after: float | None
    disconnect: bool
    channel: str | None = None


@dataclass
class _Bucket:
    tokens: float
    updated: float


class SlackApiFailure(Exception):
    """An answer ``{"ok": false, ...}`` (or an HTTP error) of the stand-in."""

    def __init__(
        self,
        error: str,
        detail: str = "",
        *,
        messages: list[str] | None = None,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        record: bool = True,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{error}: {detail}" if detail else error)
        self.error = error
        self.detail = detail
        self.messages = messages or []
        self.status = status
        self.headers = dict(headers or {})
        self.record = record
        self.extra = dict(extra or {})

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error": self.error, **self.extra}
        if self.messages:
            body["errors"] = list(self.messages)
            body["response_metadata"] = {"messages": [f"[ERROR] {m}" for m in self.messages]}
        elif self.detail:
            body["response_metadata"] = {"messages": [f"[ERROR] {self.detail}"]}
        return body


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------
def _collect_text(node: Any, out: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _collect_text(item, out)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    if kind == "user" and "user_id" in node:
        out.append(f"<@{node['user_id']}>")
    elif kind == "channel" and "channel_id" in node:
        out.append(f"<#{node['channel_id']}>")
    elif kind == "emoji" and "name" in node:
        out.append(f":{node['name']}:")
    elif kind == "link" and "url" in node and "text" not in node:
        out.append(str(node["url"]))
    for key, value in node.items():
        if key == "text" and isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict | list):
            _collect_text(value, out)


def plain_text(message: PostedMessage | Mapping[str, Any] | list[Any] | None) -> str:
    """Flatten a message (its ``text`` and every text inside its blocks) into one string.

    Accepts a ``PostedMessage``, a message/view dict or a list of blocks.
    """
    if message is None:
        return ""
    out: list[str] = []
    if isinstance(message, PostedMessage):
        if message.text:
            out.append(message.text)
        _collect_text(message.blocks or [], out)
    else:
        _collect_text(message, out)
    return "\n".join(out)


def buttons_of(blocks: list[JSONDict] | None) -> list[tuple[str, str | None, str | None]]:
    """Every button in ``blocks`` (actions blocks and section accessories) as
    ``(text, action_id, value)``, in order."""
    found: list[tuple[str, str | None, str | None]] = []
    for block in blocks or []:
        if not isinstance(block, dict):
            continue
        for element in interactive_elements(block):
            if element.get("type") == "button":
                label = element.get("text")
                text = label.get("text", "") if isinstance(label, dict) else ""
                found.append((str(text), element.get("action_id"), element.get("value")))
    return found


def _short_id(seed: str) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    number = int.from_bytes(hashlib.sha1(seed.encode()).digest()[:8], "big")
    chars = []
    for _ in range(5):
        number, rest = divmod(number, len(alphabet))
        chars.append(alphabet[rest])
    return "".join(chars)


def interactive_elements(block: Mapping[str, Any]) -> Iterator[JSONDict]:
    kind = block.get("type")
    if kind == "actions":
        for element in block.get("elements") or []:
            if isinstance(element, dict):
                yield element
    elif kind == "section" and isinstance(block.get("accessory"), dict):
        yield block["accessory"]
    elif kind == "input" and isinstance(block.get("element"), dict):
        yield block["element"]


def with_generated_ids(blocks: list[Any], seed: str) -> list[Any]:
    """A copy of ``blocks`` with missing block_ids/action_ids filled in like Slack does."""
    result = copy.deepcopy(blocks)
    for index, block in enumerate(result):
        if not isinstance(block, dict):
            continue
        if not block.get("block_id"):
            block["block_id"] = _short_id(f"{seed}/block/{index}")
        for position, element in enumerate(interactive_elements(block)):
            if element.get("type") != "image" and not element.get("action_id"):
                element["action_id"] = _short_id(f"{seed}/{block['block_id']}/{position}")
    return result


# --------------------------------------------------------------------------------------------
# Block Kit validation
# --------------------------------------------------------------------------------------------
class PayloadProblems(Exception):
    """Raised by the validators; ``error`` is the Slack error code."""

    def __init__(self, error: str, messages: list[str]) -> None:
        super().__init__(f"{error}: " + "; ".join(messages))
        self.error = error
        self.messages = messages


def _sdk_compare(
    original: Any, rendered: Any, pointer: str, fail: Callable[[str, str], None]
) -> None:
    """Report what slack_sdk silently dropped or changed while parsing ``original``."""
    if isinstance(original, dict):
        if not isinstance(rendered, dict):
            fail(pointer, "must be an object of a known type")
            return
        for key, value in original.items():
            if key not in rendered:
                if value is None:
                    fail(f"{pointer}/{key}", "must not be null")
                elif isinstance(value, list | str | dict) and len(value) == 0:
                    fail(f"{pointer}/{key}", "must not be empty")
                else:
                    fail(f"{pointer}/{key}", f"unsupported field {key!r} (slack_sdk drops it)")
            else:
                _sdk_compare(value, rendered[key], f"{pointer}/{key}", fail)
    elif isinstance(original, list):
        if not isinstance(rendered, list) or len(rendered) != len(original):
            fail(pointer, "some items are not valid Block Kit objects")
            return
        for index, (item, out) in enumerate(zip(original, rendered, strict=True)):
            if out is None and item is not None:
                kind = item.get("type") if isinstance(item, dict) else None
                fail(f"{pointer}/{index}", f"unknown or unsupported element type {kind!r}")
            else:
                _sdk_compare(item, out, f"{pointer}/{index}", fail)
    elif type(original) is not type(rendered) or original != rendered:
        fail(pointer, f"invalid value {original!r}")


class _SurfaceChecker:
    """Checks one surface (a message's blocks, a modal, a Home tab) against Block Kit rules."""

    def __init__(self, surface: Surface) -> None:
        self.surface = surface
        self.problems: list[str] = []
        self.banned = False
        self.block_ids: set[str] = set()
        self.markdown_chars = 0

    def fail(self, pointer: str, message: str) -> None:
        self.problems.append(f"{message} [json-pointer:{pointer}]")

    # -- entry points -------------------------------------------------------------------------
    def check_blocks(self, blocks: Any, pointer: str, max_blocks: int) -> None:
        if not isinstance(blocks, list):
            self.fail(pointer, "blocks must be an array")
            return
        if len(blocks) > max_blocks:
            self.fail(pointer, f"no more than {max_blocks} items allowed (got {len(blocks)})")
        self._scan_number_input(blocks, pointer)
        for index, block in enumerate(blocks):
            self._block(block, f"{pointer}/{index}")

    # -- helpers ------------------------------------------------------------------------------
    def _scan_number_input(self, node: Any, pointer: str) -> None:
        if isinstance(node, list):
            for index, item in enumerate(node):
                self._scan_number_input(item, f"{pointer}/{index}")
        elif isinstance(node, dict):
            if node.get("type") == "number_input":
                self.banned = True
                self.fail(pointer, NUMBER_INPUT_BAN)
            for key, value in node.items():
                self._scan_number_input(value, f"{pointer}/{key}")

    def _string(
        self, value: Any, pointer: str, *, max_len: int, required: bool = False, min_len: int = 0
    ) -> None:
        if value is None:
            if required:
                self.fail(pointer, "is required")
            return
        if not isinstance(value, str):
            self.fail(pointer, "must be a string")
            return
        if len(value) < min_len:
            self.fail(pointer, f"must be at least {min_len} characters")
        if len(value) > max_len:
            self.fail(pointer, f"must be at most {max_len} characters (got {len(value)})")

    def _text(
        self,
        value: Any,
        pointer: str,
        *,
        max_len: int | None,
        plain_only: bool = False,
        required: bool = True,
    ) -> int:
        """Check a text object; return its length."""
        if value is None:
            if required:
                self.fail(pointer, "a text object is required")
            return 0
        if not isinstance(value, dict):
            self.fail(pointer, "must be a text object {type, text}")
            return 0
        kind = value.get("type")
        if kind not in ("plain_text", "mrkdwn"):
            self.fail(f"{pointer}/type", "must be plain_text or mrkdwn")
        elif plain_only and kind != "plain_text":
            self.fail(f"{pointer}/type", "must be plain_text here (mrkdwn is not allowed)")
        if kind == "mrkdwn" and "emoji" in value:
            self.fail(f"{pointer}/emoji", "emoji is only allowed on plain_text")
        text = value.get("text")
        if not isinstance(text, str):
            self.fail(f"{pointer}/text", "must be a string")
            return 0
        if not text:
            self.fail(f"{pointer}/text", "must be more than 0 characters")
        if max_len is not None and len(text) > max_len:
            self.fail(f"{pointer}/text", f"must be at most {max_len} characters (got {len(text)})")
        return len(text)

    def _block_id(self, block: Mapping[str, Any], pointer: str) -> None:
        block_id = block.get("block_id")
        if block_id is None:
            return
        self._string(block_id, f"{pointer}/block_id", max_len=ID_MAX, min_len=1)
        if isinstance(block_id, str):
            if block_id in self.block_ids:
                self.fail(f"{pointer}/block_id", f"duplicate block_id {block_id!r}")
            self.block_ids.add(block_id)

    def _sdk(self, block: Any, pointer: str) -> None:
        try:
            parsed = Block.parse(copy.deepcopy(block))
        except Exception as exc:
            self.fail(pointer, f"slack_sdk cannot parse the block: {exc!r}")
            return
        if parsed is None:
            self.fail(f"{pointer}/type", f"unknown block type {block.get('type')!r}")
            return
        try:
            rendered = parsed.to_dict()
        except Exception as exc:
            self.fail(pointer, f"slack_sdk validation failed: {exc}")
            return
        _sdk_compare(block, rendered, pointer, self.fail)

    # -- blocks -------------------------------------------------------------------------------
    def _block(self, block: Any, pointer: str) -> None:
        if not isinstance(block, dict):
            self.fail(pointer, "a block must be an object")
            return
        kind = block.get("type")
        if not isinstance(kind, str):
            self.fail(f"{pointer}/type", "a block needs a type")
            return
        self._block_id(block, pointer)
        self._sdk(block, pointer)
        action_ids: set[str] = set()
        if kind == "section":
            if block.get("text") is None and not block.get("fields"):
                self.fail(pointer, "a section needs text or fields")
            self._text(
                block.get("text"), f"{pointer}/text", max_len=SECTION_TEXT_MAX, required=False
            )
            fields = block.get("fields")
            if fields is not None:
                if not isinstance(fields, list):
                    self.fail(f"{pointer}/fields", "must be an array")
                else:
                    if len(fields) > SECTION_FIELDS_MAX:
                        self.fail(f"{pointer}/fields", f"no more than {SECTION_FIELDS_MAX} items")
                    for index, item in enumerate(fields):
                        self._text(
                            item, f"{pointer}/fields/{index}", max_len=SECTION_FIELD_TEXT_MAX
                        )
            accessory = block.get("accessory")
            if accessory is not None:
                self._element(accessory, f"{pointer}/accessory", SECTION_ACCESSORIES, action_ids)
        elif kind == "header":
            self._text(
                block.get("text"), f"{pointer}/text", max_len=HEADER_TEXT_MAX, plain_only=True
            )
        elif kind == "actions":
            elements = block.get("elements")
            if not isinstance(elements, list) or not elements:
                self.fail(f"{pointer}/elements", "an actions block needs 1 or more elements")
            else:
                if len(elements) > ACTIONS_ELEMENTS_MAX:
                    self.fail(f"{pointer}/elements", f"no more than {ACTIONS_ELEMENTS_MAX} items")
                for index, element in enumerate(elements):
                    self._element(
                        element, f"{pointer}/elements/{index}", ACTIONS_ELEMENTS, action_ids
                    )
        elif kind == "context":
            elements = block.get("elements")
            if not isinstance(elements, list) or not elements:
                self.fail(f"{pointer}/elements", "a context block needs 1 or more elements")
            else:
                if len(elements) > CONTEXT_ELEMENTS_MAX:
                    self.fail(f"{pointer}/elements", f"no more than {CONTEXT_ELEMENTS_MAX} items")
                for index, element in enumerate(elements):
                    sub = f"{pointer}/elements/{index}"
                    if not isinstance(element, dict) or element.get("type") not in CONTEXT_ELEMENTS:
                        self.fail(sub, "context elements must be text objects or images")
                    elif element.get("type") == "image":
                        self._image(element, sub)
                    else:
                        self._text(element, sub, max_len=None)
        elif kind == "input":
            self._text(
                block.get("label"), f"{pointer}/label", max_len=INPUT_LABEL_MAX, plain_only=True
            )
            self._text(
                block.get("hint"),
                f"{pointer}/hint",
                max_len=INPUT_HINT_MAX,
                plain_only=True,
                required=False,
            )
            element = block.get("element")
            if element is None:
                self.fail(f"{pointer}/element", "an input block needs an element")
            else:
                self._element(element, f"{pointer}/element", INPUT_ELEMENTS, action_ids)
                if (
                    isinstance(element, dict)
                    and element.get("type") == "file_input"
                    and self.surface != "modal"
                ):
                    self.fail(f"{pointer}/element", "file_input is only allowed in modals")
            for flag in ("optional", "dispatch_action"):
                if flag in block and not isinstance(block[flag], bool):
                    self.fail(f"{pointer}/{flag}", "must be a boolean")
        elif kind == "image":
            self._image(block, pointer)
            self._text(
                block.get("title"),
                f"{pointer}/title",
                max_len=IMAGE_TITLE_MAX,
                plain_only=True,
                required=False,
            )
        elif kind == "markdown":
            text = block.get("text")
            self._string(
                text, f"{pointer}/text", max_len=MAX_MARKDOWN_BLOCK_CHARS, required=True, min_len=1
            )
            if isinstance(text, str):
                self.markdown_chars += len(text)

    def _image(self, image: Mapping[str, Any], pointer: str) -> None:
        if image.get("image_url") is None and image.get("slack_file") is None:
            self.fail(pointer, "an image needs image_url or slack_file")
        self._string(image.get("image_url"), f"{pointer}/image_url", max_len=URL_MAX, min_len=1)
        self._string(
            image.get("alt_text"),
            f"{pointer}/alt_text",
            max_len=IMAGE_ALT_TEXT_MAX,
            required=True,
            min_len=1,
        )

    # -- elements -----------------------------------------------------------------------------
    def _element(
        self, element: Any, pointer: str, allowed: frozenset[str], action_ids: set[str]
    ) -> None:
        if not isinstance(element, dict):
            self.fail(pointer, "an element must be an object")
            return
        kind = element.get("type")
        if kind == "number_input":
            return  # reported by _scan_number_input
        if kind not in allowed:
            self.fail(f"{pointer}/type", f"element type {kind!r} is not allowed here")
            return
        action_id = element.get("action_id")
        if action_id is not None:
            self._string(action_id, f"{pointer}/action_id", max_len=ID_MAX, min_len=1)
            if isinstance(action_id, str):
                if action_id in action_ids:
                    self.fail(
                        f"{pointer}/action_id", f"duplicate action_id {action_id!r} in the block"
                    )
                action_ids.add(action_id)
        if "confirm" in element:
            self._confirm(element["confirm"], f"{pointer}/confirm")
        if "placeholder" in element:
            self._text(
                element["placeholder"],
                f"{pointer}/placeholder",
                max_len=PLACEHOLDER_MAX,
                plain_only=True,
            )

        if kind == "button":
            self._text(
                element.get("text"), f"{pointer}/text", max_len=BUTTON_TEXT_MAX, plain_only=True
            )
            self._string(element.get("value"), f"{pointer}/value", max_len=BUTTON_VALUE_MAX)
            self._string(element.get("url"), f"{pointer}/url", max_len=URL_MAX, min_len=1)
            if "style" in element and element["style"] not in ("primary", "danger"):
                self.fail(f"{pointer}/style", "must be primary or danger")
        elif kind == "image":
            self._image(element, pointer)
        elif kind in _SELECTS or kind in _MULTI_SELECTS:
            self._select(element, pointer, kind)
        elif kind == "overflow":
            self._options(
                element.get("options"), f"{pointer}/options", OVERFLOW_OPTIONS_MAX, plain_only=True
            )
        elif kind in ("checkboxes", "radio_buttons"):
            options = self._options(
                element.get("options"), f"{pointer}/options", CHOICE_OPTIONS_MAX, plain_only=False
            )
            self._initial_options(element, pointer, options, multi=kind == "checkboxes")
        elif kind == "plain_text_input":
            min_length = element.get("min_length")
            max_length = element.get("max_length")
            for name, value in (("min_length", min_length), ("max_length", max_length)):
                if value is not None and (
                    not isinstance(value, int)
                    or isinstance(value, bool)
                    or not 0 <= value <= PLAIN_TEXT_INPUT_MAX
                ):
                    self.fail(f"{pointer}/{name}", f"must be an integer 0..{PLAIN_TEXT_INPUT_MAX}")
            limit = max_length if isinstance(max_length, int) else PLAIN_TEXT_INPUT_MAX
            self._string(element.get("initial_value"), f"{pointer}/initial_value", max_len=limit)
        elif kind == "datepicker":
            self._date(element.get("initial_date"), f"{pointer}/initial_date")
        elif kind == "timepicker":
            initial = element.get("initial_time")
            if initial is not None and (not isinstance(initial, str) or not _TIME.match(initial)):
                self.fail(f"{pointer}/initial_time", "must be HH:mm")

    def _date(self, value: Any, pointer: str) -> None:
        if value is None:
            return
        try:
            if not isinstance(value, str) or not _DATE.match(value):
                raise ValueError(value)
            dt.date.fromisoformat(value)
        except ValueError:
            self.fail(pointer, "must be a date YYYY-MM-DD")

    def _confirm(self, confirm: Any, pointer: str) -> None:
        if not isinstance(confirm, dict):
            self.fail(pointer, "must be a confirmation dialog object")
            return
        self._text(
            confirm.get("title"), f"{pointer}/title", max_len=CONFIRM_TITLE_MAX, plain_only=True
        )
        self._text(confirm.get("text"), f"{pointer}/text", max_len=CONFIRM_TEXT_MAX)
        self._text(
            confirm.get("confirm"),
            f"{pointer}/confirm",
            max_len=CONFIRM_BUTTON_MAX,
            plain_only=True,
        )
        self._text(
            confirm.get("deny"), f"{pointer}/deny", max_len=CONFIRM_BUTTON_MAX, plain_only=True
        )
        if "style" in confirm and confirm["style"] not in ("primary", "danger"):
            self.fail(f"{pointer}/style", "must be primary or danger")

    def _option(self, option: Any, pointer: str, *, plain_only: bool) -> bool:
        if not isinstance(option, dict):
            self.fail(pointer, "an option must be an object")
            return False
        self._text(
            option.get("text"), f"{pointer}/text", max_len=OPTION_TEXT_MAX, plain_only=plain_only
        )
        self._string(
            option.get("value"),
            f"{pointer}/value",
            max_len=OPTION_VALUE_MAX,
            required=True,
            min_len=1,
        )
        self._text(
            option.get("description"),
            f"{pointer}/description",
            max_len=OPTION_DESCRIPTION_MAX,
            plain_only=plain_only,
            required=False,
        )
        self._string(option.get("url"), f"{pointer}/url", max_len=URL_MAX, min_len=1)
        return True

    def _options(
        self, options: Any, pointer: str, max_items: int, *, plain_only: bool
    ) -> list[JSONDict]:
        if not isinstance(options, list) or not options:
            self.fail(pointer, "1 or more options are required")
            return []
        if len(options) > max_items:
            self.fail(pointer, f"no more than {max_items} options allowed (got {len(options)})")
        valid = []
        for index, option in enumerate(options):
            if self._option(option, f"{pointer}/{index}", plain_only=plain_only):
                valid.append(option)
        return valid

    def _select(self, element: Mapping[str, Any], pointer: str, kind: str) -> None:
        options: list[JSONDict] = []
        if kind in _OPTION_SELECTS:
            has_options = "options" in element
            has_groups = "option_groups" in element
            if has_options == has_groups:
                self.fail(pointer, "a static select needs exactly one of options or option_groups")
            if has_options:
                options = self._options(
                    element["options"], f"{pointer}/options", SELECT_OPTIONS_MAX, plain_only=True
                )
            if has_groups:
                groups = element["option_groups"]
                if not isinstance(groups, list) or not groups:
                    self.fail(f"{pointer}/option_groups", "1 or more option groups are required")
                else:
                    if len(groups) > SELECT_GROUPS_MAX:
                        self.fail(
                            f"{pointer}/option_groups", f"no more than {SELECT_GROUPS_MAX} groups"
                        )
                    for index, group in enumerate(groups):
                        sub = f"{pointer}/option_groups/{index}"
                        if not isinstance(group, dict):
                            self.fail(sub, "an option group must be an object")
                            continue
                        self._text(
                            group.get("label"),
                            f"{sub}/label",
                            max_len=OPTION_GROUP_LABEL_MAX,
                            plain_only=True,
                        )
                        options += self._options(
                            group.get("options"),
                            f"{sub}/options",
                            SELECT_OPTIONS_MAX,
                            plain_only=True,
                        )
            self._initial_options(element, pointer, options, multi=kind.startswith("multi_"))
        if kind in ("external_select", "multi_external_select"):
            self._external_select(element, pointer, multi=kind.startswith("multi_"))
        if kind.startswith("multi_") and "max_selected_items" in element:
            value = element["max_selected_items"]
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                self.fail(f"{pointer}/max_selected_items", "must be an integer >= 1")

    def _external_select(self, element: Mapping[str, Any], pointer: str, *, multi: bool) -> None:
        """Options come from the app's options URL; initial ones must be valid options."""
        min_length = element.get("min_query_length")
        if min_length is not None and (
            not isinstance(min_length, int) or isinstance(min_length, bool) or min_length < 0
        ):
            self.fail(f"{pointer}/min_query_length", "must be an integer >= 0")
        single, many = element.get("initial_option"), element.get("initial_options")
        if multi:
            if single is not None:
                self.fail(f"{pointer}/initial_option", "multi-select elements use initial_options")
            if many is not None:
                if not isinstance(many, list) or not many:
                    self.fail(f"{pointer}/initial_options", "must be a non-empty array")
                else:
                    for index, option in enumerate(many):
                        self._option(option, f"{pointer}/initial_options/{index}", plain_only=True)
        else:
            if many is not None:
                self.fail(f"{pointer}/initial_options", "single selects use initial_option")
            if single is not None:
                self._option(single, f"{pointer}/initial_option", plain_only=True)

    def _initial_options(
        self, element: Mapping[str, Any], pointer: str, options: list[JSONDict], *, multi: bool
    ) -> None:
        def known(option: Any) -> bool:
            return any(_same_option(option, candidate) for candidate in options)

        if multi:
            initial = element.get("initial_options")
            if initial is None:
                pass
            elif not isinstance(initial, list) or not initial:
                self.fail(f"{pointer}/initial_options", "must be a non-empty array")
            else:
                for index, option in enumerate(initial):
                    if not known(option):
                        self.fail(
                            f"{pointer}/initial_options/{index}",
                            "must exactly match one of the options",
                        )
            if "initial_option" in element:
                self.fail(f"{pointer}/initial_option", "multi-select elements use initial_options")
        else:
            initial = element.get("initial_option")
            if initial is not None and not known(initial):
                self.fail(f"{pointer}/initial_option", "must exactly match one of the options")


def _same_option(first: Any, second: Any) -> bool:
    if not isinstance(first, dict) or not isinstance(second, dict):
        return False
    first_text = first.get("text")
    second_text = second.get("text")
    if not isinstance(first_text, dict) or not isinstance(second_text, dict):
        return False
    return bool(
        first.get("value") == second.get("value")
        and first_text.get("text") == second_text.get("text")
        and first_text.get("type") == second_text.get("type")
    )


def validate_message_blocks(blocks: Any, *, pointer: str = "/blocks") -> None:
    """Raise ``PayloadProblems`` unless ``blocks`` would be accepted in a message."""
    checker = _SurfaceChecker("message")
    checker.check_blocks(blocks, pointer, MAX_MESSAGE_BLOCKS)
    if checker.problems:
        raise PayloadProblems("invalid_blocks", checker.problems)
    if checker.markdown_chars > MAX_MARKDOWN_BLOCK_CHARS:
        raise PayloadProblems(
            "msg_blocks_too_long",
            [f"markdown blocks may hold {MAX_MARKDOWN_BLOCK_CHARS} characters in total"],
        )


def validate_options_response(body: Any) -> list[JSONDict]:
    """Check an options-load answer (block_suggestion) like Slack; return all its options.

    ``{"options": [...]}`` or ``{"option_groups": [{"label", "options"}]}``, at most 100 of
    each; option text plain_text up to 75 characters, value up to 150.  Raises
    ``PayloadProblems("invalid_options", ...)``.
    """
    checker = _SurfaceChecker("modal")
    found: list[JSONDict] = []
    if not isinstance(body, dict):
        raise PayloadProblems("invalid_options", [f"the answer must be a JSON object: {body!r}"])
    if ("options" in body) == ("option_groups" in body):
        checker.fail("", "answer with exactly one of options or option_groups")
    for key in body:
        if key not in ("options", "option_groups"):
            checker.fail(f"/{key}", f"unsupported field {key!r}")

    def options_at(items: Any, pointer: str, *, allow_empty: bool) -> None:
        if not isinstance(items, list) or (not items and not allow_empty):
            checker.fail(pointer, "must be a non-empty array" if not allow_empty else "an array")
            return
        if len(items) > SELECT_OPTIONS_MAX:
            checker.fail(pointer, f"no more than {SELECT_OPTIONS_MAX} options (got {len(items)})")
        for index, option in enumerate(items):
            if checker._option(option, f"{pointer}/{index}", plain_only=True):
                found.append(option)

    if "options" in body:
        options_at(body["options"], "/options", allow_empty=True)  # no match is a valid answer
    if "option_groups" in body:
        groups = body["option_groups"]
        if not isinstance(groups, list):
            checker.fail("/option_groups", "must be an array")
        else:
            if len(groups) > SELECT_GROUPS_MAX:
                checker.fail("/option_groups", f"no more than {SELECT_GROUPS_MAX} groups")
            for index, group in enumerate(groups):
                pointer = f"/option_groups/{index}"
                if not isinstance(group, dict):
                    checker.fail(pointer, "an option group must be an object")
                    continue
                checker._text(
                    group.get("label"),
                    f"{pointer}/label",
                    max_len=OPTION_GROUP_LABEL_MAX,
                    plain_only=True,
                )
                options_at(group.get("options"), f"{pointer}/options", allow_empty=False)
    if checker.problems:
        raise PayloadProblems("invalid_options", checker.problems)
    return found


def validate_view(view: Any, *, kind: str, pointer: str = "/view") -> None:
    """Raise ``PayloadProblems`` unless ``view`` is a valid view of ``kind`` ("modal"/"home")."""
    if not isinstance(view, dict):
        raise PayloadProblems(
            "invalid_arguments", [f"a view must be an object [json-pointer:{pointer}]"]
        )
    size = len(json.dumps(view, separators=(",", ":"), ensure_ascii=False).encode())
    if size > MAX_VIEW_BYTES:
        raise PayloadProblems(
            "view_too_large", [f"the view is {size} bytes, the limit is {MAX_VIEW_BYTES}"]
        )
    surface: Surface = "home" if kind == "home" else "modal"
    checker = _SurfaceChecker(surface)
    if view.get("type") != kind:
        checker.fail(
            f"{pointer}/type", f"must be {kind!r} for this method (got {view.get('type')!r})"
        )
    allowed = _HOME_KEYS if kind == "home" else _MODAL_KEYS
    for key in view:
        if key not in allowed:
            checker.fail(f"{pointer}/{key}", f"unsupported view field {key!r}")
    # The view-level validators of slack_sdk; the blocks are checked one by one below, so a
    # placeholder block stands in for them here (View() wants 1..100 blocks).
    fields = {k: copy.deepcopy(v) for k, v in view.items() if k in allowed and k != "blocks"}
    try:
        View(**fields, blocks=[{"type": "divider"}]).to_dict()
    except Exception as exc:
        checker.fail(pointer, f"slack_sdk view validation failed: {exc}")
    blocks = view.get("blocks")
    if blocks is None:
        checker.fail(f"{pointer}/blocks", "blocks are required")
    else:
        checker.check_blocks(blocks, f"{pointer}/blocks", MAX_SURFACE_BLOCKS)
    if kind == "modal":
        checker._text(
            view.get("title"), f"{pointer}/title", max_len=VIEW_TITLE_MAX, plain_only=True
        )
        for name in ("submit", "close"):
            checker._text(
                view.get(name),
                f"{pointer}/{name}",
                max_len=VIEW_BUTTON_MAX,
                plain_only=True,
                required=False,
            )
        has_inputs = isinstance(blocks, list) and any(
            isinstance(b, dict) and b.get("type") == "input" for b in blocks
        )
        if has_inputs and view.get("submit") is None:
            checker.fail(f"{pointer}/submit", "a modal with input blocks needs a submit button")
        for flag in ("clear_on_close", "notify_on_close", "submit_disabled"):
            if flag in view and not isinstance(view[flag], bool):
                checker.fail(f"{pointer}/{flag}", "must be a boolean")
    checker._string(
        view.get("private_metadata"), f"{pointer}/private_metadata", max_len=PRIVATE_METADATA_MAX
    )
    checker._string(view.get("callback_id"), f"{pointer}/callback_id", max_len=ID_MAX)
    checker._string(view.get("external_id"), f"{pointer}/external_id", max_len=ID_MAX)
    if checker.problems:
        raise PayloadProblems(
            "invalid_blocks" if checker.banned else "invalid_arguments", checker.problems
        )


# --------------------------------------------------------------------------------------------
# Parameter helpers
# --------------------------------------------------------------------------------------------
def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return False


def _opt_str(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SlackApiFailure("invalid_arguments", f"{name} must be a string")
    return value


def _json_param(params: Mapping[str, Any], name: str, error: str) -> Any:
    """Decode a parameter that may arrive as JSON text (form/query) or as JSON (JSON body)."""
    value = params.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as exc:
            raise SlackApiFailure(error, f"{name} is not valid JSON: {exc}") from None
    return value


def _limit_param(params: Mapping[str, Any], default: int) -> int:
    value = params.get("limit")
    if value is None or value == "":
        return default
    try:
        limit = int(str(value))
    except ValueError:
        raise SlackApiFailure(
            "invalid_arguments", f"limit must be a number, not {value!r}"
        ) from None
    if limit < 0:
        raise SlackApiFailure("invalid_arguments", "limit must not be negative")
    return limit or default


def _ts_param(params: Mapping[str, Any], name: str, error: str) -> Decimal | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        stamp = Decimal(str(value))
    except InvalidOperation:
        raise SlackApiFailure(error, f"{name} must be a timestamp, not {value!r}") from None
    if not stamp.is_finite() or stamp < 0:
        raise SlackApiFailure(error, f"{name} must be a timestamp, not {value!r}")
    return stamp


def _in_window(ts: str, oldest: Decimal | None, latest: Decimal | None, *, inclusive: bool) -> bool:
    """Slack's timeline window: strictly between oldest and latest unless ``inclusive``."""
    stamp = Decimal(ts)
    if oldest is not None and (stamp < oldest or (stamp == oldest and not inclusive)):
        return False
    return not (latest is not None and (stamp > latest or (stamp == latest and not inclusive)))


def _cursor_for(ts: str) -> str:
    # Slack's cursors look like base64("next_ts:1512085861000543").
    return base64.b64encode(f"next_ts:{ts.replace('.', '')}".encode()).decode()


def _cursor_param(params: Mapping[str, Any]) -> Decimal | None:
    cursor = params.get("cursor")
    if cursor is None or cursor == "":
        return None
    try:
        decoded = base64.b64decode(str(cursor), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise SlackApiFailure("invalid_cursor", f"cannot use cursor {cursor!r}") from None
    prefix, _, digits = decoded.partition(":")
    if prefix != "next_ts" or not digits.isdigit() or len(digits) <= 6:
        raise SlackApiFailure("invalid_cursor", f"cannot use cursor {cursor!r}")
    return Decimal(f"{digits[:-6]}.{digits[-6:]}")


def _metadata_param(params: Mapping[str, Any]) -> JSONDict | None:
    """Message metadata as Slack validates it (a JSON string in forms, an object in JSON)."""
    value = params.get("metadata")
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            detail = f"metadata is not JSON: {exc}"
            raise SlackApiFailure("invalid_metadata_format", detail) from None
    if not isinstance(value, dict):
        raise SlackApiFailure("invalid_metadata_format", "metadata must be a JSON object")
    unknown = sorted(set(value) - {"event_type", "event_payload"})
    if unknown:
        raise SlackApiFailure("invalid_metadata_schema", f"unknown metadata fields {unknown}")
    event_type = value.get("event_type")
    if not isinstance(event_type, str) or not _EVENT_TYPE.match(event_type):
        raise SlackApiFailure(
            "invalid_metadata_schema",
            f"event_type must be 1-255 characters of [a-zA-Z0-9_], got {event_type!r}",
        )
    if not isinstance(value.get("event_payload"), dict):
        raise SlackApiFailure("invalid_metadata_schema", "event_payload must be a JSON object")
    return copy.deepcopy(value)


# --------------------------------------------------------------------------------------------
# The stand-in
# --------------------------------------------------------------------------------------------
Handler = Callable[[JSONDict], JSONDict]


class SlackStandin:
    """A strict, recording stand-in of the Slack Web API (see module docstring)."""

    def __init__(
        self,
        *,
        token: str = "xoxb-dealbot-test-token",
        team_id: str = "T0DEALBOT",
        team_domain: str = "dealbot-test",
        bot_user_id: str = "U0DEALBOT",
        bot_id: str = "B0DEALBOT",
        app_id: str = "A0DEALBOT",
        known_users_only: bool = False,
        scopes: Iterable[str] | None = None,
        commercially_distributed: bool = False,
    ) -> None:
        self.token = token
        self.team_id = team_id
        self.team_domain = team_domain
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.verification_token = "dealbot-verification-token"
        #: when True, DMs/posts/users.info for users not in ``users`` fail like unknown users.
        self.known_users_only = known_users_only
        #: replaceable clock (seconds, monotonic) used for triggers, response_urls and rate limits.
        self.clock: Callable[[], float] = time.monotonic
        #: replaceable wall clock (epoch seconds) that message timestamps are made from.
        self.ts_clock: Callable[[], float] = time.time
        #: user id -> fields merged over the default users.info ``user`` ({"locale": "ja-JP"}).
        self.users: dict[str, JSONDict] = {}
        #: channel id -> name (used by the driver for channel_name fields).
        self.channel_names: dict[str, str] = {}
        #: when set, chat.postMessage to a C…/G… channel outside it fails with not_in_channel.
        self.member_channels: set[str] | None = None
        #: the bot token's scopes; None grants every scope (no ``missing_scope`` answers).
        self.scopes: set[str] | None = set(scopes) if scopes is not None else None
        #: the app is commercially distributed outside the Slack Marketplace: since 29 May 2025
        #: conversations.history/replies then allow 1 call a minute and at most 15 messages.
        self.commercially_distributed = commercially_distributed

        self.messages: list[PostedMessage] = []
        self.user_messages: list[PostedMessage] = []
        self.calls: list[tuple[str, JSONDict]] = []
        self.errors: list[tuple[str, str, str]] = []
        self.warnings: list[tuple[str, str, str]] = []
        self.rate_limited: list[tuple[str, str]] = []  # (method, channel)
        self.views_opened: list[tuple[str, JSONDict]] = []
        self.views_pushed: list[tuple[str, JSONDict]] = []
        self.views_updated: list[tuple[str, JSONDict]] = []
        self.home_views: dict[str, JSONDict] = {}
        self.views: dict[str, StoredView] = {}

        self._triggers: dict[str, Trigger] = {}
        self._response_urls: dict[str, ResponseUrl] = {}
        self._dm_by_user: dict[str, str] = {}
        self._user_by_dm: dict[str, str] = {}
        self._mpims: dict[frozenset[str], str] = {}
        self._stacks: dict[str, list[str]] = {}
        self._last_view: dict[str, str] = {}
        self._home_view_ids: dict[str, str] = {}
        self._faults: list[_Fault] = []
        self._random_faults: tuple[frozenset[str], float, tuple[int, ...], random.Random] | None = (
            None
        )
        self._holds: list[_Hold] = []
        #: calls whose answers were held back, in arrival order (``hold_responses``).
        self.held: list[HeldResponse] = []
        self._archived: set[str] = set()
        self._removed_from: set[str] = set()
        self._deleted_channels: set[str] = set()
        self._history_calls: dict[str, list[float]] = {}
        #: files by id (files.getUploadURLExternal creates them)
        self.files: dict[str, UploadedFile] = {}
        self._uploads: dict[str, str] = {}  # upload key -> file id
        self._rate: tuple[float, int] | None = None
        self._buckets: dict[str, _Bucket] = {}
        self._counter = itertools.count(1)
        self._last_ts_micros = 0
        self._cond = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._methods: dict[str, Handler] = {
            "api.test": lambda params: {"args": {k: v for k, v in params.items() if k != "token"}},
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.getPermalink": self._chat_get_permalink,
            "conversations.open": self._conversations_open,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "users.info": self._users_info,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
            "files.info": self._files_info,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
        }

    # -- lifecycle ----------------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/hooks/{path:.*}", self._handle_response_url)
        app.router.add_post("/upload/v1/{key}", self._handle_upload)
        app.router.add_get("/files-pri/{team_file}/{name}", self._handle_file_download)
        # handler_cancellation: a held answer notices when its client hangs up.
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self._port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def close(self) -> None:
        self.release_held()  # or the server's shutdown would wait for them
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SlackStandin:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def root_url(self) -> str:
        if self._port is None:
            raise RuntimeError("SlackStandin is not started (use `async with SlackStandin()`)")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """The Web API base URL for ``AsyncWebClient(base_url=...)`` (ends with ``/api/``)."""
        return f"{self.root_url}/api/"

    # -- configuration ------------------------------------------------------------------------
    def add_user(
        self,
        user_id: str,
        *,
        locale: str = "en-US",
        name: str | None = None,
        real_name: str | None = None,
        tz: str = "America/Los_Angeles",
        tz_offset: int = -28800,
        **extra: Any,
    ) -> None:
        """Register a user for users.info (unknown users get ``user_not_found``)."""
        self.users[user_id] = {
            "locale": locale,
            "name": name or user_id.lower(),
            "real_name": real_name or (name or user_id.lower()).title(),
            "tz": tz,
            "tz_offset": tz_offset,
            **extra,
        }

    def fail_next(
        self,
        method: str | None,
        status: int,
        count: int = 1,
        retry_after: int | None = None,
        *,
        error: str | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` (any method if None) with HTTP ``status``.

        429 answers carry ``Retry-After`` (default 1) and ``{"ok": false, "error": "ratelimited"}``.
        Other statuses answer an HTML error page like Slack's edge does, or the JSON
        ``{"ok": false, "error": error}`` when ``error`` is given.  ``method`` may also be
        ``"response_url"`` for posts to response URLs and ``"upload_url"`` for the byte
        uploads of files_upload_v2.
        """
        if count < 1:
            raise ValueError("count must be >= 1")
        self._faults.append(_Fault(method, status, count, retry_after, error))

    def fail_randomly(
        self,
        methods: Iterable[str],
        rate: float,
        statuses: Sequence[int] = (429, 500, 503),
        *,
        seed: int = 7,
    ) -> None:
        """From now on, answer about `rate` of the calls of `methods` with one of `statuses`
        (429 with Retry-After 1), chosen by a seeded random generator so runs repeat."""
        self._random_faults = (frozenset(methods), rate, tuple(statuses), random.Random(seed))

    def hold_responses(
        self,
        method: str = "chat.postMessage",
        count: int = 1,
        *,
        release_after: float | None = None,
        disconnect: bool = False,
        channel: str | None = None,
    ) -> None:
        """Accept the next ``count`` successful calls of ``method`` but hold their answers.

        ``channel`` holds only calls to that channel (as the call named it).

        The call takes effect at once (a posted message is in the channel, with its metadata)
        while the HTTP answer is held until ``release_held()``/``HeldResponse.release()``, or
        sent after ``release_after`` seconds: the window between Slack accepting a post and
        the bot learning its ts, for kill-and-restart tests.  See ``wait_for_held``.

        With ``disconnect`` the connection is dropped instead of answered (at once unless
        ``release_after``/a release is awaited): slack_sdk's default retry handler then sends
        the same call again, so an accepted post is posted twice.
        """
        if count < 1:
            raise ValueError("count must be >= 1")
        if disconnect and release_after is None:
            release_after = 0.0
        self._holds.append(_Hold(method, count, release_after, disconnect, channel))

    def release_held(self) -> None:
        """Send every held answer now."""
        for held in self.held:
            held.release()

    async def wait_for_held(self, count: int = 1, timeout: float = 10.0) -> HeldResponse:
        """Wait until ``count`` held calls arrived; return the ``count``-th."""
        await self.wait_for(lambda s: len(s.held) >= count, timeout, what=f"{count} held call(s)")
        return self.held[count - 1]

    def _take_hold(self, method: str, params: JSONDict) -> _Hold | None:
        for hold in self._holds:
            if hold.method == method and hold.channel in (None, params.get("channel")):
                hold.remaining -= 1
                if hold.remaining <= 0:
                    self._holds.remove(hold)
                return hold
        return None

    async def _held_answer(
        self, request: web.Request, method: str, params: JSONDict, body: JSONDict, hold: _Hold
    ) -> web.Response:
        message = None
        if isinstance(body.get("channel"), str) and isinstance(body.get("ts"), str):
            message = self.find_message(body["channel"], body["ts"])
        held = HeldResponse(method, params, body, message, hold.release_after, hold.disconnect)
        self.held.append(held)
        await self.notify()
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(held.event.wait(), hold.release_after)
        except asyncio.CancelledError:
            held.abandoned = True  # the client hung up before its answer came
            raise
        if hold.disconnect:
            if request.transport is not None:
                request.transport.abort()  # no answer at all: the client sees a dropped line
            raise asyncio.CancelledError
        held.answered = True
        return web.json_response(body)

    def enforce_channel_rate(self, per_second: float = 1.0, burst: int = 3) -> None:
        """Rate-limit chat.postMessage per channel with a token bucket (429 + Retry-After)."""
        if per_second <= 0 or burst < 1:
            raise ValueError("per_second must be > 0 and burst >= 1")
        self._rate = (per_second, burst)
        self._buckets.clear()

    def disable_channel_rate(self) -> None:
        self._rate = None
        self._buckets.clear()

    # -- places that went away (permanent errors) ---------------------------------------------
    def _place(self, channel: str) -> str:
        if not _CHANNEL_ID.match(channel):
            raise ValueError(f"{channel!r} is not a channel id (C… or G…); DMs cannot go away")
        return channel

    def archive_channel(self, channel: str) -> None:
        """Archive ``channel``: posts, updates and uploads there answer ``is_archived``
        (reading its history still works, as on Slack)."""
        self._archived.add(self._place(channel))

    def remove_bot_from_channel(self, channel: str) -> None:
        """Someone removed the bot from ``channel``: everything there answers ``not_in_channel``."""
        self._removed_from.add(self._place(channel))

    def delete_channel(self, channel: str) -> None:
        """Delete ``channel``: every method answers ``channel_not_found`` for it."""
        self._deleted_channels.add(self._place(channel))

    def _check_place(self, channel: str, *, writing: bool) -> None:
        """The errors of a channel that is gone, that the bot left, or that is archived."""
        if channel in self._deleted_channels:
            raise SlackApiFailure("channel_not_found", f"{channel} was deleted")
        outside = self.member_channels is not None and channel not in self.member_channels
        if channel in self._removed_from or (_CHANNEL_ID.match(channel) and outside):
            raise SlackApiFailure("not_in_channel", f"the bot is not a member of {channel}")
        if writing and channel in self._archived:
            raise SlackApiFailure("is_archived", f"{channel} is archived")

    # -- scopes -------------------------------------------------------------------------------
    def _require_scope(self, *needed: str) -> None:
        """``missing_scope`` (with Slack's ``needed``/``provided``) unless one of ``needed`` is
        granted; nothing is checked while ``scopes`` is None."""
        if self.scopes is None or any(scope in self.scopes for scope in needed):
            return
        raise SlackApiFailure(
            "missing_scope",
            f"needs {' or '.join(needed)}",
            extra={"needed": ",".join(needed), "provided": ",".join(sorted(self.scopes))},
        )

    def _history_scope(self, channel: str) -> str:
        if channel.startswith("D"):
            return "im:history"
        if channel in self._mpims.values():
            return "mpim:history"
        return "groups:history" if channel.startswith("G") else "channels:history"

    # -- ids, triggers, response urls ---------------------------------------------------------
    def _next_ts(self) -> str:
        # Like Slack, a ts is the epoch time of the post (so a bot may read history back with
        # ``oldest`` = a time it noted before posting), made unique and increasing.
        micros = max(int(self.ts_clock() * 1_000_000), self._last_ts_micros + 1)
        self._last_ts_micros = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def new_ts(self) -> str:
        """A fresh message timestamp (unique, increasing)."""
        return self._next_ts()

    def new_trigger_id(self, user_id: str | None = None, *, view_id: str | None = None) -> str:
        """Mint a trigger id as Slack does on an interaction; it is valid for 3 s, once."""
        number = next(self._counter)
        trigger_id = f"{number}.{1000 + number}.{secrets.token_hex(16)}"
        self._triggers[trigger_id] = Trigger(trigger_id, user_id, self.clock(), view_id)
        return trigger_id

    def new_response_url(
        self,
        *,
        user_id: str | None,
        channel_id: str | None,
        message_ts: str | None = None,
        kind: str = "commands",
        is_ephemeral: bool = False,
    ) -> str:
        """Mint a response_url served by the stand-in (5 uses within 30 minutes)."""
        number = next(self._counter)
        url = f"{self.root_url}/hooks/{kind}/{self.team_id}/{number}/{secrets.token_hex(12)}"
        self._response_urls[url] = ResponseUrl(
            url, user_id, channel_id, message_ts, self.clock(), is_ephemeral=is_ephemeral
        )
        return url

    def dm_channel(self, user_id: str) -> str:
        """The (stable) DM channel id of ``user_id`` as conversations.open returns it."""
        channel = self._dm_by_user.get(user_id)
        if channel is None:
            channel = f"D{len(self._dm_by_user) + 1:09d}"
            self._dm_by_user[user_id] = channel
            self._user_by_dm[channel] = user_id
        return channel

    # -- queries ------------------------------------------------------------------------------
    def _conversation(self, channel: str) -> str:
        return self.dm_channel(channel) if _USER_ID.match(channel) else channel

    def channel_messages(self, channel: str) -> list[PostedMessage]:
        """What everybody sees in ``channel``: top-level posts and broadcast replies (bot posts)."""
        channel = self._conversation(channel)
        return [m for m in self.messages if m.channel == channel and m.visible_in_channel]

    def thread(self, channel: str, thread_ts: str) -> list[PostedMessage]:
        """Replies (not the parent) in a thread, in order."""
        channel = self._conversation(channel)
        replies = [
            m
            for m in self.messages
            if m.channel == channel
            and m.thread_ts == thread_ts
            and m.is_reply
            and not m.is_ephemeral
            and not m.deleted
        ]
        return sorted(replies, key=lambda m: float(m.ts))

    def dm_messages(self, user_id: str) -> list[PostedMessage]:
        """Everything the bot posted into the DM with ``user_id`` (via D… or the user id)."""
        channel = self._dm_by_user.get(user_id)
        return [
            m
            for m in self.messages
            if channel is not None and m.channel == channel and not m.is_ephemeral and not m.deleted
        ]

    def uploaded_files(self, channel: str, *, thread_ts: str | None = None) -> list[UploadedFile]:
        """Files shared into ``channel`` (a user id means the DM), oldest first; with
        ``thread_ts`` only those shared into that thread."""
        channel = self._conversation(channel)
        return [
            f
            for f in self.files.values()
            if f.completed
            and f.channel == channel
            and f.message is not None
            and not f.message.deleted
            and (thread_ts is None or f.thread_ts == thread_ts)
        ]

    def ephemerals(self, user_id: str) -> list[PostedMessage]:
        return [m for m in self.messages if m.user == user_id and not m.deleted]

    def find_message(self, channel: str, ts: str) -> PostedMessage | None:
        channel = self._conversation(channel)
        for message in (*self.messages, *self.user_messages):
            if message.channel == channel and message.ts == ts and not message.is_ephemeral:
                return message
        return None

    def latest_view(self, user_id: str) -> JSONDict | None:
        """The open view the bot last opened/pushed/updated for ``user_id``."""
        view_id = self._last_view.get(user_id)
        stack = self._stacks.get(user_id, [])
        if view_id not in stack:
            view_id = stack[-1] if stack else None
        return copy.deepcopy(self.views[view_id].view) if view_id else None

    def view_stack(self, user_id: str) -> list[JSONDict]:
        """The open modals of ``user_id``, root first."""
        return [copy.deepcopy(self.views[v].view) for v in self._stacks.get(user_id, [])]

    def summary(self, limit: int = 40) -> str:
        lines = [f"messages ({len(self.messages)}):"]
        for m in self.messages[-limit:]:
            where = m.channel + (f" thread={m.thread_ts}" if m.is_reply else "")
            who = f" to={m.user}" if m.user else ""
            text = plain_text(m).replace("\n", " | ")
            flags = " [deleted]" if m.deleted else ""
            if m.files:
                flags += f" [files {', '.join(self.files[f].filename for f in m.files)}]"
            if m.metadata:
                flags += f" [metadata {m.metadata.get('event_type')}]"
            lines.append(f"  [{m.method}] {where}{who} ts={m.ts}{flags}: {text[:200]}")
        lines.append(f"errors ({len(self.errors)}):")
        lines += [f"  {method}: {error} — {detail[:300]}" for method, error, detail in self.errors]
        lines.append(f"open views: { {u: len(s) for u, s in self._stacks.items() if s} }")
        lines.append("calls: " + ", ".join(method for method, _ in self.calls[-limit:]))
        return "\n".join(lines)

    async def wait_for(
        self, predicate: Callable[[SlackStandin], T], timeout: float = 10.0, what: str | None = None
    ) -> T:
        """Wait until ``predicate(self)`` is truthy (checked on each recorded call); return it."""
        async with self._cond:
            try:
                return await asyncio.wait_for(self._cond.wait_for(lambda: predicate(self)), timeout)
            except TimeoutError:
                label = what or getattr(predicate, "__name__", "predicate")
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {label}\n{self.summary()}"
                ) from None

    async def notify(self) -> None:
        """Wake up ``wait_for`` callers (done after every call; for external recorders)."""
        async with self._cond:
            self._cond.notify_all()

    def record_error(self, source: str, error: str, detail: str) -> None:
        self.errors.append((source, error, detail))

    # -- HTTP plumbing ------------------------------------------------------------------------
    async def _read_params(self, request: web.Request) -> tuple[JSONDict, str | None]:
        params: JSONDict = dict(request.query)
        raw = await request.read()
        body_token: str | None = params.pop("token", None)
        if raw:
            if request.content_type == "application/json":
                try:
                    body = json.loads(raw)
                except ValueError as exc:
                    raise SlackApiFailure("invalid_json", str(exc)) from None
                if not isinstance(body, dict):
                    raise SlackApiFailure("invalid_json", "the JSON body must be an object")
                params.update(body)
                if "token" in body:
                    raise SlackApiFailure(
                        "invalid_arguments", "a token may not be sent inside a JSON body"
                    )
            elif request.content_type in ("application/x-www-form-urlencoded", ""):
                form = dict(parse_qsl(raw.decode(), keep_blank_values=True))
                body_token = form.pop("token", body_token)
                params.update(form)
            else:
                raise SlackApiFailure(
                    "invalid_form_data", f"unsupported content type {request.content_type}"
                )
        header = request.headers.get("Authorization")
        if header:
            scheme, _, value = header.partition(" ")
            return params, value.strip() if scheme.lower() == "bearer" else ""
        return params, body_token

    def _take_fault(self, method: str) -> _Fault | None:
        if self._random_faults is not None:
            methods, rate, statuses, chance = self._random_faults
            if method in methods and chance.random() < rate:
                return _Fault(method, chance.choice(statuses), 1, 1, None)
        for fault in self._faults:
            if fault.method is None or fault.method == method:
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    @staticmethod
    def _fault_response(fault: _Fault) -> web.Response:
        if fault.status == 429:
            return web.json_response(
                {"ok": False, "error": "ratelimited"},
                status=429,
                headers={
                    "Retry-After": str(fault.retry_after if fault.retry_after is not None else 1)
                },
            )
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
        if fault.error is not None:
            return web.json_response(
                {"ok": False, "error": fault.error}, status=fault.status, headers=headers
            )
        return web.Response(
            text=f"<html><body><h1>{fault.status}</h1><p>Slack is unavailable.</p></body></html>",
            status=fault.status,
            content_type="text/html",
            headers=headers,
        )

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        try:
            try:
                params, token = await self._read_params(request)
            except SlackApiFailure:
                self.calls.append((method, {}))
                raise
            self.calls.append((method, params))
            fault = self._take_fault(method)
            if fault is not None:
                return self._fault_response(fault)
            if not token:
                raise SlackApiFailure("not_authed", "no token (Authorization: Bearer …) was sent")
            if token != self.token:
                raise SlackApiFailure("invalid_auth", f"unexpected token {token[:12]}…")
            handler = self._methods.get(method)
            if handler is None:
                raise SlackApiFailure("unknown_method", f"the stand-in does not implement {method}")
            body = {"ok": True, **handler(params)}
            hold = self._take_hold(method, params)
            if hold is not None:
                return await self._held_answer(request, method, params, body, hold)
            return web.json_response(body)
        except SlackApiFailure as failure:
            if failure.record:
                self.errors.append(
                    (method, failure.error, failure.detail or "; ".join(failure.messages))
                )
            return web.json_response(failure.body(), status=failure.status, headers=failure.headers)
        finally:
            await self.notify()

    # -- message helpers ----------------------------------------------------------------------
    def _check_user(self, user_id: str | None, error: str = "user_not_found") -> str:
        if not user_id or not _USER_ID.match(user_id):
            raise SlackApiFailure(error, f"not a user id: {user_id!r}")
        if self.known_users_only and user_id not in self.users:
            raise SlackApiFailure(error, f"unknown user {user_id} (known_users_only)")
        return user_id

    def _resolve_channel(self, channel: str | None, *, allow_user: bool) -> str:
        if not channel:
            raise SlackApiFailure("channel_not_found", "channel is required")
        if _CHANNEL_ID.match(channel):
            return channel
        if _DM_ID.match(channel):
            if channel not in self._user_by_dm:
                raise SlackApiFailure(
                    "channel_not_found", f"unknown DM channel {channel} (use conversations.open)"
                )
            return channel
        if _USER_ID.match(channel):
            if not allow_user:
                raise SlackApiFailure(
                    "channel_not_found", f"{channel} is a user id; pass the DM channel id D…"
                )
            return self.dm_channel(self._check_user(channel, "channel_not_found"))
        raise SlackApiFailure(
            "channel_not_found", f"{channel!r} is not a channel id (the stand-in only accepts ids)"
        )

    def _content(
        self, params: Mapping[str, Any], method: str, *, require: bool = True
    ) -> tuple[str | None, list[JSONDict] | None, bool]:
        """Validated (text, blocks, has_attachments)."""
        text = params.get("text")
        if text is not None and not isinstance(text, str):
            raise SlackApiFailure("invalid_arguments", "text must be a string")
        blocks = _json_param(params, "blocks", "invalid_blocks_format")
        attachments = _json_param(params, "attachments", "invalid_attachments")
        markdown_text = params.get("markdown_text")
        if blocks is not None:
            try:
                validate_message_blocks(blocks)
            except PayloadProblems as problems:
                raise SlackApiFailure(problems.error, messages=problems.messages) from None
        if attachments is not None and not isinstance(attachments, list):
            raise SlackApiFailure("invalid_attachments", "attachments must be an array")
        if text is not None and len(text) > MAX_MESSAGE_TEXT:
            raise SlackApiFailure(
                "msg_too_long", f"text has {len(text)} characters (max {MAX_MESSAGE_TEXT})"
            )
        if text is not None and len(text) > RECOMMENDED_MESSAGE_TEXT:
            self.warnings.append(
                (method, "long_text", f"text has {len(text)} characters; keep under 4000")
            )
        has_content = bool(text) or bool(blocks) or bool(attachments) or bool(markdown_text)
        if require and not has_content:
            raise SlackApiFailure("no_text", "a message needs text or blocks")
        if blocks and not text:
            self.warnings.append(
                (
                    method,
                    "missing_text",
                    "blocks without a text fallback (notifications show nothing)",
                )
            )
        if markdown_text is not None and not isinstance(markdown_text, str):
            raise SlackApiFailure("invalid_arguments", "markdown_text must be a string")
        return (text if text is not None else markdown_text), blocks, bool(attachments)

    def _check_thread(self, channel: str, thread_ts: str) -> None:
        parent = self.find_message(channel, thread_ts)
        if parent is None or parent.deleted:
            raise SlackApiFailure(
                "thread_not_found", f"no message {thread_ts} in {channel} to reply to"
            )
        if parent.is_reply:
            raise SlackApiFailure(
                "thread_not_found",
                f"{thread_ts} is itself a reply; use the parent's ts {parent.thread_ts}",
            )

    def _take_rate_token(self, method: str, channel: str) -> None:
        if self._rate is None:
            return
        per_second, burst = self._rate
        now = self.clock()
        bucket = self._buckets.setdefault(channel, _Bucket(float(burst), now))
        bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.updated) * per_second)
        bucket.updated = now
        if bucket.tokens < 1.0:
            retry_after = max(1, math.ceil((1.0 - bucket.tokens) / per_second))
            self.rate_limited.append((method, channel))
            raise SlackApiFailure(
                "ratelimited", status=429, headers={"Retry-After": str(retry_after)}, record=False
            )
        bucket.tokens -= 1.0

    def _message_payload(self, message: PostedMessage, *, with_metadata: bool = False) -> JSONDict:
        payload: JSONDict = {
            "type": "message",
            "text": message.text or "",
            "ts": message.ts,
            "team": self.team_id,
        }
        if message.author == self.bot_user_id:
            payload.update({"user": self.bot_user_id, "bot_id": self.bot_id, "app_id": self.app_id})
        elif message.author:
            payload["user"] = message.author
        if message.blocks:
            payload["blocks"] = with_generated_ids(
                message.blocks, f"{message.channel}/{message.ts}"
            )
        if message.thread_ts:
            payload["thread_ts"] = message.thread_ts
        if with_metadata and message.metadata is not None:
            payload["metadata"] = copy.deepcopy(message.metadata)
        return payload

    def message_payload(self, message: PostedMessage) -> JSONDict:
        """The message as Slack sends it back in interaction payloads."""
        return self._message_payload(message)

    def _record(self, message: PostedMessage) -> PostedMessage:
        self.messages.append(message)
        return message

    def record_user_message(
        self,
        user_id: str,
        channel: str,
        text: str,
        *,
        ts: str | None = None,
        thread_ts: str | None = None,
    ) -> PostedMessage:
        """Register a message written by a person (so the bot may reply in its thread)."""
        message = PostedMessage(
            channel=self._conversation(channel),
            ts=ts or self._next_ts(),
            text=text,
            blocks=None,
            thread_ts=thread_ts,
            method="user",
            author=user_id,
        )
        self.user_messages.append(message)
        return message

    # -- Web API methods ----------------------------------------------------------------------
    def _auth_test(self, params: JSONDict) -> JSONDict:
        return {
            "url": f"https://{self.team_domain}.slack.com/",
            "team": "Dealbot Test",
            "user": "dealbot",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _chat_post_message(self, params: JSONDict) -> JSONDict:
        self._require_scope("chat:write")
        requested = _opt_str(params, "channel")
        channel = self._resolve_channel(requested, allow_user=True)
        self._check_place(channel, writing=True)
        text, blocks, _ = self._content(params, "chat.postMessage")
        metadata = _metadata_param(params)
        thread_ts = _opt_str(params, "thread_ts")
        if thread_ts is not None:
            self._check_thread(channel, thread_ts)
        self._take_rate_token("chat.postMessage", channel)
        message = self._record(
            PostedMessage(
                channel=channel,
                ts=self._next_ts(),
                text=text,
                blocks=blocks,
                thread_ts=thread_ts,
                reply_broadcast=thread_ts is not None and _as_bool(params.get("reply_broadcast")),
                method="chat.postMessage",
                mrkdwn=_as_bool(params["mrkdwn"]) if "mrkdwn" in params else None,
                requested_channel=requested,
                author=self.bot_user_id,
                metadata=metadata,
            )
        )
        return {
            "channel": channel,
            "ts": message.ts,
            "message": self._message_payload(message, with_metadata=True),
        }

    def _chat_post_ephemeral(self, params: JSONDict) -> JSONDict:
        self._require_scope("chat:write")
        requested = _opt_str(params, "channel")
        channel = self._resolve_channel(requested, allow_user=True)
        self._check_place(channel, writing=True)
        user = self._check_user(_opt_str(params, "user"), "user_not_in_channel")
        text, blocks, _ = self._content(params, "chat.postEphemeral")
        thread_ts = _opt_str(params, "thread_ts")
        message = self._record(
            PostedMessage(
                channel=channel,
                ts=self._next_ts(),
                text=text,
                blocks=blocks,
                thread_ts=thread_ts,
                user=user,
                method="chat.postEphemeral",
                requested_channel=requested,
                author=self.bot_user_id,
            )
        )
        return {"message_ts": message.ts}

    def _own_message(self, params: JSONDict, ts_name: str, *, writing: bool) -> PostedMessage:
        channel = self._resolve_channel(_opt_str(params, "channel"), allow_user=False)
        self._check_place(channel, writing=writing)
        ts = _opt_str(params, ts_name)
        message = self.find_message(channel, ts or "")
        if message is None or message.deleted:
            raise SlackApiFailure("message_not_found", f"no message {ts} in {channel}")
        return message

    def _chat_update(self, params: JSONDict) -> JSONDict:
        self._require_scope("chat:write")
        message = self._own_message(params, "ts", writing=True)
        if message.author != self.bot_user_id:
            raise SlackApiFailure("cant_update_message", "the bot can only update its own messages")
        text, blocks, _ = self._content(params, "chat.update")
        metadata = _metadata_param(params)
        message.remember_version("chat.update")
        message.text = text
        if blocks is not None:
            message.blocks = blocks
        if metadata is not None:  # like Slack: an update without metadata keeps it
            message.metadata = metadata
        return {
            "channel": message.channel,
            "ts": message.ts,
            "text": message.text or "",
            "message": self._message_payload(message, with_metadata=True),
        }

    def _chat_delete(self, params: JSONDict) -> JSONDict:
        self._require_scope("chat:write")
        message = self._own_message(params, "ts", writing=True)
        if message.author != self.bot_user_id:
            raise SlackApiFailure("cant_delete_message", "the bot can only delete its own messages")
        message.deleted = True
        return {"channel": message.channel, "ts": message.ts}

    def _chat_get_permalink(self, params: JSONDict) -> JSONDict:
        message = self._own_message(params, "message_ts", writing=False)
        stamp = message.ts.replace(".", "")
        link = f"https://{self.team_domain}.slack.com/archives/{message.channel}/p{stamp}"
        return {"channel": message.channel, "permalink": link}

    def _conversations_open(self, params: JSONDict) -> JSONDict:
        users_param = _opt_str(params, "users")
        channel_param = _opt_str(params, "channel")
        if users_param is None:
            if channel_param is None:
                raise SlackApiFailure("users_list_not_supplied", "pass users (or channel)")
            channel = self._resolve_channel(channel_param, allow_user=False)
            return {"channel": {"id": channel}, "no_op": True, "already_open": True}
        users = [u.strip() for u in users_param.split(",") if u.strip()]
        if not users or len(users) > 8:
            raise SlackApiFailure("invalid_arguments", "users must list 1 to 8 user ids")
        for user in users:
            self._check_user(user)
        self._require_scope("im:write" if len(users) == 1 else "mpim:write")
        if len(users) == 1:
            existed = users[0] in self._dm_by_user
            channel = self.dm_channel(users[0])
            body: JSONDict = {"channel": {"id": channel}}
            if _as_bool(params.get("return_im")):
                body["channel"].update({"is_im": True, "user": users[0], "created": 1_700_000_000})
            if existed:
                body.update({"no_op": True, "already_open": True})
            return body
        key = frozenset(users)
        existed = key in self._mpims
        channel = self._mpims.setdefault(key, f"G{len(self._mpims) + 1:09d}")
        body = {"channel": {"id": channel}}
        if existed:
            body.update({"no_op": True, "already_open": True})
        return body

    # -- files (files_upload_v2) ---------------------------------------------------------------
    def _files_get_upload_url(self, params: JSONDict) -> JSONDict:
        self._require_scope("files:write")
        filename = _opt_str(params, "filename")
        raw_length = params.get("length")
        if filename is None or raw_length in (None, ""):
            raise SlackApiFailure("missing_argument", "filename and length are required")
        try:
            length = int(str(raw_length))
        except ValueError:
            raise SlackApiFailure(
                "invalid_arguments", f"length {raw_length!r} is no number"
            ) from None
        if length <= 0:  # slack_sdk sends length 0 for empty content
            raise SlackApiFailure("missing_argument", "length must be at least 1 byte")
        if length > MAX_UPLOAD_BYTES:
            raise SlackApiFailure("file_upload_size_restricted", f"{length} bytes is over 1 GB")
        alt_txt = _opt_str(params, "alt_txt")
        if alt_txt is not None and len(alt_txt) > FILE_ALT_TEXT_MAX:
            raise SlackApiFailure("alt_txt_too_large", f"alt_txt is over {FILE_ALT_TEXT_MAX}")
        file_id = f"F{next(self._counter):010d}"
        key = secrets.token_urlsafe(24)
        upload = UploadedFile(
            id=file_id,
            filename=filename,
            length=length,
            upload_url=f"{self.root_url}/upload/v1/{key}",
            alt_txt=alt_txt,
            snippet_type=_opt_str(params, "snippet_type"),
            created=int(time.time()),
        )
        self.files[file_id] = upload
        self._uploads[key] = file_id
        return {"upload_url": upload.upload_url, "file_id": file_id}

    async def _handle_upload(self, request: web.Request) -> web.Response:
        """The upload URL: takes the bytes as a raw body or as a multipart form's file part."""
        self.calls.append(("upload_url", {"path": request.path}))
        try:
            fault = self._take_fault("upload_url")
            if fault is not None:
                return self._fault_response(fault)
            file_id = self._uploads.get(request.match_info["key"])
            upload = self.files.get(file_id or "")
            if upload is None or upload.completed:
                raise SlackApiFailure(
                    "invalid_upload_url", "unknown or used upload URL", status=404
                )
            if request.content_type.startswith("multipart/"):
                data = await self._multipart_file(request)
                encoding = "multipart"
            else:
                data = await request.read()
                encoding = "raw"
            if len(data) != upload.length:
                raise SlackApiFailure(
                    "length_mismatch",
                    f"{upload.filename}: got {len(data)} bytes, getUploadURLExternal said "
                    f"{upload.length}",
                    status=400,
                )
            upload.data = data
            upload.upload_content_type = request.content_type
            upload.upload_encoding = encoding
            return web.Response(text=f"OK - {len(data)}", content_type="text/plain")
        except SlackApiFailure as failure:
            if failure.record:
                self.errors.append(("upload_url", failure.error, failure.detail))
            return web.Response(
                text=failure.error, status=failure.status, content_type="text/plain"
            )
        finally:
            await self.notify()

    @staticmethod
    async def _multipart_file(request: web.Request) -> bytes:
        reader = await request.multipart()
        while True:
            part = await reader.next()
            if part is None:
                raise SlackApiFailure(
                    "no_file_data", "the multipart form holds no file", status=400
                )
            if isinstance(part, BodyPartReader) and part.filename is not None:
                return bytes(await part.read(decode=True))

    async def _handle_file_download(self, request: web.Request) -> web.Response:
        """``url_private``: the bytes, for a request with the bot token."""
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        team_file = request.match_info["team_file"]
        upload = self.files.get(team_file.rpartition("-")[2])
        if scheme.lower() != "bearer" or token != self.token:
            return web.Response(status=302, headers={"Location": f"{self.root_url}/signin"})
        if upload is None or upload.data is None or not upload.completed:
            return web.Response(status=404, text="file not found", content_type="text/plain")
        return web.Response(body=upload.data, content_type="application/octet-stream")

    def _file_object(self, upload: UploadedFile, *, shares: bool) -> JSONDict:
        """A file object; shares only once Slack processed the share (files.info, history)."""
        name = upload.filename
        private = f"{self.root_url}/files-pri/{self.team_id}-{upload.id}/{name}"
        body: JSONDict = {
            "id": upload.id,
            "created": upload.created,
            "timestamp": upload.created,
            "name": name,
            "title": upload.title or name,
            "mimetype": "",
            "filetype": "",
            "pretty_type": "",
            "user": self.bot_user_id,
            "user_team": self.team_id,
            "editable": False,
            "size": upload.length,
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": False,
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": private,
            "url_private_download": f"{private}?download=1",
            "media_display_type": "unknown",
            "permalink": f"https://{self.team_domain}.slack.com/files/{self.bot_user_id}/"
            f"{upload.id}/{name}",
            "comments_count": 0,
            "is_starred": False,
            "shares": {},
            "channels": [],
            "groups": [],
            "ims": [],
            "has_more_shares": False,
            "has_rich_preview": False,
            "file_access": "visible",
        }
        if upload.alt_txt is not None:
            body["alt_txt"] = upload.alt_txt
        if shares and upload.channel is not None and upload.message is not None:
            if upload.data is not None and upload.is_png:
                body.update({"mimetype": "image/png", "filetype": "png", "pretty_type": "PNG"})
            channel = upload.channel
            kind = "public" if channel.startswith("C") else "private"
            share: JSONDict = {
                "ts": upload.message.ts,
                "channel_name": self.channel_names.get(channel, channel.lower()),
                "team_id": self.team_id,
                "share_user_id": self.bot_user_id,
                "source": "UNKNOWN",
                "reply_users": [],
                "reply_users_count": 0,
                "reply_count": 0,
            }
            if upload.thread_ts is not None:
                share["thread_ts"] = upload.thread_ts
            body["shares"] = {kind: {channel: [share]}}
            listing = (
                "ims" if channel.startswith("D") else ("channels" if kind == "public" else "groups")
            )
            body[listing] = [channel]
        return body

    def _files_complete_upload(self, params: JSONDict) -> JSONDict:
        self._require_scope("files:write")
        entries = _json_param(params, "files", "invalid_arguments")
        if not isinstance(entries, list) or not entries:
            raise SlackApiFailure("invalid_arguments", "files must be a non-empty array")
        uploads: list[tuple[UploadedFile, str | None]] = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise SlackApiFailure("invalid_arguments", "each file needs an id")
            upload = self.files.get(entry["id"])
            if upload is None:
                raise SlackApiFailure("file_not_found", f"unknown file id {entry['id']}")
            if upload.completed:
                raise SlackApiFailure("file_not_found", f"{upload.id} was already completed")
            if upload.data is None:
                raise SlackApiFailure(
                    "file_not_found", f"{upload.id}: no bytes were posted to its upload_url"
                )
            title = entry.get("title")
            if title is not None and not isinstance(title, str):
                raise SlackApiFailure("invalid_arguments", "a file title must be a string")
            uploads.append((upload, title))
        targets: list[str] = []
        channel_id = _opt_str(params, "channel_id")
        if channel_id is not None:
            targets.append(self._resolve_channel(channel_id, allow_user=False))
        for item in (_opt_str(params, "channels") or "").split(","):
            if item.strip():
                targets.append(self._resolve_channel(item.strip(), allow_user=True))
        thread_ts = _opt_str(params, "thread_ts")
        if thread_ts is not None and len(targets) != 1:
            raise SlackApiFailure("invalid_arguments", "thread_ts needs exactly one channel")
        for target in targets:
            self._check_place(target, writing=True)
            if thread_ts is not None:
                self._check_thread(target, thread_ts)
        comment = params.get("initial_comment")
        if comment is not None and not isinstance(comment, str):
            raise SlackApiFailure("invalid_arguments", "initial_comment must be a string")
        if comment is not None and len(comment) > MAX_MESSAGE_TEXT:
            raise SlackApiFailure("msg_too_long", f"initial_comment has {len(comment)} characters")
        for upload, title in uploads:
            upload.completed = True
            upload.title = title or upload.filename
            upload.initial_comment = comment or None
        for target in targets:
            # One message shares every file; Slack files it asynchronously, so the answer
            # below has no shares yet (read them with files.info).
            message = self._record(
                PostedMessage(
                    channel=target,
                    ts=self._next_ts(),
                    text=comment or "",
                    blocks=None,
                    thread_ts=thread_ts,
                    method="files.completeUploadExternal",
                    requested_channel=channel_id,
                    author=self.bot_user_id,
                    files=[upload.id for upload, _ in uploads],
                )
            )
            for upload, _ in uploads:
                if upload.channel is None:
                    upload.channel, upload.thread_ts, upload.message = target, thread_ts, message
        return {"files": [self._file_object(upload, shares=False) for upload, _ in uploads]}

    def _files_info(self, params: JSONDict) -> JSONDict:
        self._require_scope("files:read")
        upload = self.files.get(_opt_str(params, "file") or "")
        if upload is None or not upload.completed:
            raise SlackApiFailure("file_not_found", f"unknown file {params.get('file')!r}")
        return {
            "file": self._file_object(upload, shares=True),
            "comments": [],
            "response_metadata": {"next_cursor": ""},
        }

    # -- reading history back -----------------------------------------------------------------
    def _take_history_call(self, method: str, channel: str) -> None:
        """1 call a minute per method for commercially distributed non-Marketplace apps."""
        now = self.clock()
        window = [t for t in self._history_calls.get(method, []) if now - t < 60.0]
        if len(window) >= LIMITED_HISTORY_CALLS_PER_MINUTE:
            retry_after = max(1, math.ceil(60.0 - (now - window[0])))
            self.rate_limited.append((method, channel))
            raise SlackApiFailure(
                "ratelimited",
                f"{method} allows {LIMITED_HISTORY_CALLS_PER_MINUTE} call a minute for "
                "commercially distributed apps outside the Marketplace",
                status=429,
                headers={"Retry-After": str(retry_after)},
                record=False,
            )
        window.append(now)
        self._history_calls[method] = window

    def _read_guard(self, method: str, params: JSONDict) -> tuple[str, int]:
        """The channel to read and the page size, with Slack's errors and limits."""
        default, maximum = (
            (HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT)
            if method == "conversations.history"
            else (REPLIES_DEFAULT_LIMIT, REPLIES_MAX_LIMIT)
        )
        if self.commercially_distributed:
            self._take_history_call(method, str(params.get("channel", "")))
            maximum = LIMITED_HISTORY_MAX_LIMIT
        channel = self._resolve_channel(_opt_str(params, "channel"), allow_user=False)
        self._require_scope(self._history_scope(channel))
        self._check_place(channel, writing=False)
        limit = _limit_param(params, default)
        return channel, min(limit, maximum)

    def _timeline(self, channel: str) -> list[PostedMessage]:
        """Every message anybody sees in ``channel`` (bot and user messages, threads too)."""
        return [
            m
            for m in (*self.messages, *self.user_messages)
            if m.channel == channel and not m.deleted and not m.is_ephemeral
        ]

    def _read_payload(
        self, message: PostedMessage, timeline: list[PostedMessage], *, with_metadata: bool
    ) -> JSONDict:
        payload = self._message_payload(message, with_metadata=with_metadata)
        if message.is_reply:
            parent = next((m for m in timeline if m.ts == message.thread_ts), None)
            if parent is not None and parent.author:
                payload["parent_user_id"] = parent.author
        else:
            replies = sorted(
                (m for m in timeline if m.is_reply and m.thread_ts == message.ts),
                key=lambda m: Decimal(m.ts),
            )
            if replies:
                users = sorted({r.author for r in replies if r.author})
                payload.update(
                    {
                        "thread_ts": message.ts,
                        "reply_count": len(replies),
                        "reply_users_count": len(users),
                        "reply_users": users,
                        "latest_reply": replies[-1].ts,
                    }
                )
        if message.files:
            payload["upload"] = True
            payload["files"] = [
                self._file_object(self.files[f], shares=True) for f in message.files
            ]
        return payload

    def _conversations_history(self, params: JSONDict) -> JSONDict:
        channel, limit = self._read_guard("conversations.history", params)
        oldest = _ts_param(params, "oldest", "invalid_ts_oldest")
        latest = _ts_param(params, "latest", "invalid_ts_latest")
        inclusive = _as_bool(params.get("inclusive"))
        with_metadata = _as_bool(params.get("include_all_metadata"))
        timeline = self._timeline(channel)
        visible = [
            m
            for m in timeline
            if (not m.is_reply or m.reply_broadcast)
            and _in_window(m.ts, oldest, latest, inclusive=inclusive)
        ]
        visible.sort(key=lambda m: Decimal(m.ts), reverse=True)  # newest first, like Slack
        start = _cursor_param(params)
        if start is not None:
            visible = [m for m in visible if Decimal(m.ts) <= start]
        page, rest = visible[:limit], visible[limit:]
        body: JSONDict = {
            "messages": [
                self._read_payload(m, timeline, with_metadata=with_metadata) for m in page
            ],
            "has_more": bool(rest),
            "pin_count": 0,
            "channel_actions_ts": None,
            "channel_actions_count": 0,
        }
        if rest:
            body["response_metadata"] = {"next_cursor": _cursor_for(rest[0].ts)}
        return body

    def _conversations_replies(self, params: JSONDict) -> JSONDict:
        channel, limit = self._read_guard("conversations.replies", params)
        ts = _opt_str(params, "ts")
        if ts is None:
            raise SlackApiFailure("invalid_arguments", "ts is required")
        oldest = _ts_param(params, "oldest", "invalid_ts_oldest")
        latest = _ts_param(params, "latest", "invalid_ts_latest")
        inclusive = _as_bool(params.get("inclusive"))
        with_metadata = _as_bool(params.get("include_all_metadata"))
        timeline = self._timeline(channel)
        target = next((m for m in timeline if m.ts == ts), None)
        if target is not None and target.is_reply:  # a reply's ts gives its whole thread
            target = next((m for m in timeline if m.ts == target.thread_ts), None)
        if target is None:
            raise SlackApiFailure("thread_not_found", f"no message {ts} in {channel}")
        replies = sorted(
            (
                m
                for m in timeline
                if m.is_reply
                and m.thread_ts == target.ts
                and _in_window(m.ts, oldest, latest, inclusive=inclusive)
            ),
            key=lambda m: Decimal(m.ts),
        )
        start = _cursor_param(params)
        # The parent comes first (on the first page), then the replies oldest first.
        items = (
            [target, *replies] if start is None else [m for m in replies if Decimal(m.ts) >= start]
        )
        page, rest = items[:limit], items[limit:]
        body: JSONDict = {
            "messages": [
                self._read_payload(m, timeline, with_metadata=with_metadata) for m in page
            ],
            "has_more": bool(rest),
        }
        if rest:
            body["response_metadata"] = {"next_cursor": _cursor_for(rest[0].ts)}
        return body

    def _users_info(self, params: JSONDict) -> JSONDict:
        self._require_scope("users:read")
        user_id = _opt_str(params, "user")
        if user_id is None or user_id not in self.users:
            raise SlackApiFailure(
                "user_not_found", f"unknown user {user_id!r} (register it in slack.users)"
            )
        fields = dict(self.users[user_id])
        locale = fields.pop("locale", "en-US")
        name = fields.get("name", user_id.lower())
        user: JSONDict = {
            "id": user_id,
            "team_id": self.team_id,
            "name": name,
            "deleted": False,
            "real_name": fields.get("real_name", name),
            "tz": "America/Los_Angeles",
            "tz_label": "Pacific Standard Time",
            "tz_offset": -28800,
            "is_admin": False,
            "is_owner": False,
            "is_bot": False,
            "is_app_user": False,
            "updated": 1_700_000_000,
            "profile": {
                "real_name": fields.get("real_name", name),
                "display_name": fields.get("display_name", name),
                "team": self.team_id,
            },
        }
        user.update(fields)
        if _as_bool(params.get("include_locale")):
            user["locale"] = locale
        return {"user": user}

    # -- views --------------------------------------------------------------------------------
    def _take_trigger(self, params: JSONDict) -> Trigger:
        trigger_id = _opt_str(params, "trigger_id") or _opt_str(params, "interactivity_pointer")
        trigger = self._triggers.get(trigger_id or "")
        if trigger is None:
            raise SlackApiFailure("invalid_trigger_id", f"unknown trigger_id {trigger_id!r}")
        if trigger.used:
            raise SlackApiFailure(
                "exchanged_trigger_id", f"trigger_id {trigger_id} was already used"
            )
        age = self.clock() - trigger.issued_at
        if age > TRIGGER_TTL_SECONDS:
            raise SlackApiFailure("expired_trigger_id", f"trigger_id is {age:.2f}s old (limit 3s)")
        return trigger

    def _view_param(self, params: JSONDict, kind: str) -> JSONDict:
        view = _json_param(params, "view", "invalid_arguments")
        if view is None:
            raise SlackApiFailure("invalid_arguments", "view is required")
        try:
            validate_view(view, kind=kind)
        except PayloadProblems as problems:
            raise SlackApiFailure(problems.error, messages=problems.messages) from None
        return dict(view)

    def _check_external_id(self, view: Mapping[str, Any], except_view: str | None = None) -> None:
        external_id = view.get("external_id")
        if not external_id:
            return
        for stored in self.views.values():
            if stored.id != except_view and stored.view.get("external_id") == external_id:
                raise SlackApiFailure(
                    "duplicate_external_id", f"external_id {external_id!r} is in use"
                )

    def _materialize(
        self,
        view: JSONDict,
        view_id: str,
        *,
        root_view_id: str | None,
        previous_view_id: str | None,
    ) -> JSONDict:
        stored: JSONDict = {
            "id": view_id,
            "team_id": self.team_id,
            "type": view["type"],
            "blocks": with_generated_ids(view.get("blocks", []), view_id),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "root_view_id": root_view_id or view_id,
            "previous_view_id": previous_view_id,
            "app_id": self.app_id,
            "external_id": view.get("external_id", ""),
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        if view["type"] == "modal":
            stored.update(
                {
                    "title": copy.deepcopy(view["title"]),
                    "close": copy.deepcopy(view.get("close")),
                    "submit": copy.deepcopy(view.get("submit")),
                    "submit_disabled": bool(view.get("submit_disabled", False)),
                }
            )
        return stored

    def _new_view(self, view: JSONDict, owner: str, *, previous: StoredView | None) -> StoredView:
        view_id = f"V{next(self._counter):09d}"
        root = previous.view["root_view_id"] if previous else None
        stored = StoredView(
            view_id,
            owner,
            view["type"],
            self._materialize(
                view, view_id, root_view_id=root, previous_view_id=previous.id if previous else None
            ),
        )
        self.views[view_id] = stored
        if stored.kind == "modal":
            self._last_view[owner] = view_id
        return stored

    def _views_open(self, params: JSONDict) -> JSONDict:
        trigger = self._take_trigger(params)
        view = self._view_param(params, "modal")
        self._check_external_id(view)
        trigger.used = True
        owner = trigger.user_id or trigger.id
        for old in self._stacks.get(owner, []):
            self.views[old].is_open = False
        stored = self._new_view(view, owner, previous=None)
        self._stacks[owner] = [stored.id]
        self.views_opened.append((owner, copy.deepcopy(stored.view)))
        return {"view": copy.deepcopy(stored.view)}

    def push_view(self, owner: str, view: JSONDict) -> StoredView:
        """Push ``view`` (already validated) onto ``owner``'s modal stack."""
        stack = self._stacks.get(owner, [])
        if not stack:
            raise SlackApiFailure("not_found", f"views.push needs an open modal for {owner}")
        if len(stack) >= MAX_VIEW_STACK:
            raise SlackApiFailure(
                "push_limit_reached",
                f"a modal holds at most {MAX_VIEW_STACK} views (root + 2 pushed)",
            )
        self._check_external_id(view)
        stored = self._new_view(view, owner, previous=self.views[stack[-1]])
        stack.append(stored.id)
        self.views_pushed.append((owner, copy.deepcopy(stored.view)))
        return stored

    def _views_push(self, params: JSONDict) -> JSONDict:
        trigger = self._take_trigger(params)
        view = self._view_param(params, "modal")
        owner = trigger.user_id or trigger.id
        stored = self.push_view(owner, view)
        trigger.used = True
        return {"view": copy.deepcopy(stored.view)}

    def replace_view(self, view_id: str, view: JSONDict) -> StoredView:
        """Replace the content of an open view (already validated), with a new hash."""
        stored = self.views.get(view_id)
        if stored is None or not stored.is_open:
            raise SlackApiFailure("not_found", f"view {view_id} is not open")
        self._check_external_id(view, except_view=view_id)
        stored.history.append(stored.view)
        old = stored.view
        stored.view = self._materialize(
            view,
            view_id,
            root_view_id=old["root_view_id"],
            previous_view_id=old["previous_view_id"],
        )
        if stored.kind == "modal":
            self._last_view[stored.owner] = view_id
        self.views_updated.append((stored.owner, copy.deepcopy(stored.view)))
        return stored

    def _views_update(self, params: JSONDict) -> JSONDict:
        view_id = _opt_str(params, "view_id")
        external_id = _opt_str(params, "external_id")
        if (view_id is None) == (external_id is None):
            raise SlackApiFailure("invalid_arguments", "pass exactly one of view_id or external_id")
        stored = self.views.get(view_id or "")
        if external_id is not None:
            stored = next(
                (v for v in self.views.values() if v.view.get("external_id") == external_id), None
            )
        if stored is None or not stored.is_open:
            raise SlackApiFailure("not_found", f"no open view {view_id or external_id}")
        hash_ = _opt_str(params, "hash")
        if hash_ is not None and hash_ != stored.view["hash"]:
            raise SlackApiFailure("hash_conflict", "the view changed since that hash was issued")
        view = self._view_param(params, stored.kind)
        stored = self.replace_view(stored.id, view)
        return {"view": copy.deepcopy(stored.view)}

    def _views_publish(self, params: JSONDict) -> JSONDict:
        user_id = self._check_user(_opt_str(params, "user_id"))
        view = self._view_param(params, "home")
        hash_ = _opt_str(params, "hash")
        view_id = self._home_view_ids.get(user_id)
        if view_id is None:
            self._check_external_id(view)
            stored = self._new_view(view, user_id, previous=None)
            self._home_view_ids[user_id] = stored.id
        else:
            stored = self.views[view_id]
            if hash_ is not None and hash_ != stored.view["hash"]:
                raise SlackApiFailure(
                    "hash_conflict", "the Home tab changed since that hash was issued"
                )
            stored = self.replace_view(view_id, view)
        self.home_views[user_id] = copy.deepcopy(stored.view)
        return {"view": copy.deepcopy(stored.view)}

    def close_view(self, view_id: str, *, clear: bool = False) -> None:
        """Close a modal (after a submission was acknowledged); ``clear`` closes the whole stack."""
        stored = self.views.get(view_id)
        if stored is None:
            return
        stack = self._stacks.get(stored.owner, [])
        if clear or view_id == (stack[0] if stack else None):
            doomed = list(stack)
            stack.clear()
        else:
            doomed = [view_id]
            if view_id in stack:
                stack.remove(view_id)
        for closed in doomed:
            self.views[closed].is_open = False

    # -- response_url -------------------------------------------------------------------------
    async def _handle_response_url(self, request: web.Request) -> web.Response:
        url = f"{self.root_url}{request.path}"
        raw = await request.read()
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = {}
        self.calls.append(("response_url", body if isinstance(body, dict) else {}))
        try:
            fault = self._take_fault("response_url")
            if fault is not None:
                return self._fault_response(fault)
            target = self._response_urls.get(url)
            if target is None:
                raise SlackApiFailure("invalid_url", f"unknown response_url {url}", status=404)
            if self.clock() - target.issued_at > RESPONSE_URL_TTL_SECONDS:
                raise SlackApiFailure(
                    "expired_url", "response_url is older than 30 minutes", status=404
                )
            if target.uses >= RESPONSE_URL_MAX_USES:
                raise SlackApiFailure("used_url", "a response_url may be used 5 times", status=404)
            if request.content_type != "application/json" or not isinstance(body, dict):
                raise SlackApiFailure("invalid_payload", "post a JSON object", status=400)
            self._respond(target, body)
            target.uses += 1
            return web.Response(text="ok", content_type="text/html")
        except SlackApiFailure as failure:
            if failure.record:
                self.errors.append(
                    ("response_url", failure.error, failure.detail or "; ".join(failure.messages))
                )
            return web.Response(text=failure.error, status=failure.status, content_type="text/html")
        finally:
            await self.notify()

    def _respond(self, target: ResponseUrl, body: JSONDict) -> None:
        original = next(
            (
                m
                for m in self.messages
                if target.message_ts is not None
                and m.ts == target.message_ts
                and m.channel == self._conversation(target.channel_id or "")
                and not m.deleted
            ),
            None,
        )
        if _as_bool(body.get("delete_original")):
            if original is None or original.author != self.bot_user_id:
                raise SlackApiFailure("message_not_found", "nothing to delete", status=404)
            original.deleted = True
            return
        try:
            text, blocks, _ = self._content(body, "response_url")
        except SlackApiFailure as failure:
            failure.status = 400 if failure.status == 200 else failure.status
            raise
        if _as_bool(body.get("replace_original")) and original is not None:
            original.remember_version("response_url")
            original.text, original.blocks = text, blocks
            return
        self.record_reply(
            user_id=target.user_id,
            channel_id=target.channel_id,
            text=text,
            blocks=blocks,
            in_channel=body.get("response_type") == "in_channel",
            thread_ts=_opt_str(body, "thread_ts"),
            method="response_url",
        )

    def record_ack_message(
        self, *, user_id: str, channel_id: str, body: JSONDict | str
    ) -> PostedMessage | None:
        """Show a slash command's ack body like Slack does (or record why it cannot)."""
        payload: JSONDict = {"text": body} if isinstance(body, str) else body
        try:
            text, blocks, _ = self._content(payload, "command.ack")
        except SlackApiFailure as failure:
            detail = failure.detail or "; ".join(failure.messages)
            self.errors.append(("command.ack", failure.error, detail))
            return None
        return self.record_reply(
            user_id=user_id,
            channel_id=channel_id,
            text=text,
            blocks=blocks,
            in_channel=payload.get("response_type") == "in_channel",
            method="command.ack",
        )

    def record_reply(
        self,
        *,
        user_id: str | None,
        channel_id: str | None,
        text: str | None,
        blocks: list[JSONDict] | None,
        in_channel: bool,
        method: str,
        thread_ts: str | None = None,
    ) -> PostedMessage:
        """Record a message Slack shows because of an ack body or a response_url post."""
        return self._record(
            PostedMessage(
                channel=self._conversation(channel_id or (user_id or "")),
                ts=self._next_ts(),
                text=text,
                blocks=blocks,
                thread_ts=thread_ts,
                user=None if in_channel else user_id,
                method=method,
                author=self.bot_user_id,
            )
        )


__all__ = [
    "HeldResponse",
    "MessageVersion",
    "PayloadProblems",
    "PostedMessage",
    "ResponseUrl",
    "SlackApiFailure",
    "SlackStandin",
    "StoredView",
    "Trigger",
    "UploadedFile",
    "buttons_of",
    "interactive_elements",
    "plain_text",
    "validate_message_blocks",
    "validate_options_response",
    "validate_view",
    "with_generated_ids",
]
