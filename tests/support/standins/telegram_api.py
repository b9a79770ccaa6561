"""A strict stand-in of the Telegram Bot API for end-to-end tests of python-telegram-bot.

The server speaks the Bot API over HTTP on 127.0.0.1 (an OS-chosen port) so that a real
``telegram.Bot`` or a polling ``telegram.ext.Application`` can talk to it unchanged::

    async with TelegramStandin() as tg:
        app = (
            ApplicationBuilder()
            .token(tg.token)
            .base_url(tg.base_url)
            .base_file_url(tg.base_file_url)
            .build()
        )
        ...
        tg.send_private(42, "/start")
        await tg.wait_for(lambda: tg.last_message(42) is not None)

It is deliberately strict: formatted text is parsed like Telegram's own parser (ported from
TDLib's ``parse_html``/``parse_markdown_v2``/``parse_markdown`` and ``fix_formatted_text``),
limits are enforced after entity parsing, keyboards are validated, users who never started the
bot cannot be messaged, and group privacy mode filters what the bot receives.  Where the real
platform is lenient in a way that hides bugs (a bare ``&`` or ``>`` in HTML, an ``&`` inside an
attribute), the stand-in is *stricter* and answers 400: text that passes here also passes on
Telegram.

Photos (``sendPhoto``, checked like Telegram and kept as bytes on ``SentMessage.photo``), edits
of text, captions and keyboards, groups upgraded to supergroups (``migrate_group``) or that
removed the bot (``remove_bot_from_group``), webhook delivery (``forward_webhook``,
``redeliver``) and answers held back after a send was accepted (``hold_responses``) are
served too.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import hashlib
import itertools
import json
import re
import socket
import struct
import time
import zlib
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
from aiohttp import web

__all__ = [
    "ApiError",
    "Call",
    "HeldResponse",
    "MessageVersion",
    "SentMessage",
    "TelegramStandin",
    "WebhookDelivery",
    "decode_png",
    "image_info",
    "make_png",
    "parse_formatted_text",
]

JSONDict = dict[str, Any]
T = TypeVar("T")

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_BUTTONS_PER_ROW = 8
MAX_BUTTONS_TOTAL = 100
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_COMMANDS = 100
MAX_CAPTION_LENGTH = 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_WIDTH_PLUS_HEIGHT = 10_000
MAX_PHOTO_RATIO = 20
PHOTO_THUMBNAIL_SIDES = (90, 320, 800)  # the smaller sizes Telegram makes of a photo
MAX_PHOTO_SIDE = 1280  # the largest size Telegram keeps (it re-encodes bigger photos)
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)
NGINX_504 = NGINX_502.replace("502 Bad Gateway", "504 Gateway Time-out")

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "message_reaction",
        "message_reaction_count",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)
# Telegram's default when allowed_updates was never given (or given as an empty list).
# The account Telegram shows as the sender of messages "from the group" (e.g. after an upgrade).
GROUP_ANONYMOUS_BOT: JSONDict = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
DEFAULT_GROUP_ADMIN = 1000  # who removes the bot from a group when a test does not say
_BOT_ADMIN_RIGHTS: JSONDict = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}
DEFAULT_UPDATE_TYPES = UPDATE_TYPES - {"chat_member", "message_reaction", "message_reaction_count"}
SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)

# How the Bot API decodes form fields (every form value arrives as a string).
_INT_PARAMS = frozenset(
    {
        "message_id",
        "offset",
        "limit",
        "user_id",
        "cache_time",
        "message_thread_id",
        "max_connections",
        "reply_to_message_id",
    }
)
_FLOAT_PARAMS = frozenset({"timeout"})
_BOOL_PARAMS = frozenset(
    {
        "show_caption_above_media",
        "has_spoiler",
        "disable_notification",
        "protect_content",
        "allow_sending_without_reply",
        "show_alert",
        "drop_pending_updates",
        "disable_web_page_preview",
        "allow_paid_broadcast",
    }
)
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "reply_parameters",
        "link_preview_options",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
    }
)


# --------------------------------------------------------------------------------------------
# Errors and records
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """A Bot API error reply: ``{"ok": false, "error_code": status, "description": ...}``."""

    def __init__(
        self, status: int, description: str, parameters: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = dict(parameters) if parameters else None

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class EntityParseError(ValueError):
    """Formatted text that Telegram's entity parser refuses."""


def _bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _forbidden(description: str) -> ApiError:
    return ApiError(403, f"Forbidden: {description}")


@dataclass
class Call:
    """One HTTP call the bot made (accepted or rejected)."""

    method: str
    params: JSONDict
    status: int
    response: Any  # the JSON body (dict), or the raw text for non-JSON replies
    at: float

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def abandoned(self) -> bool:
        """The client hung up before the answer (e.g. PTB cancelling a long poll on stop)."""
        return self.status == 499

    @property
    def description(self) -> str | None:
        if isinstance(self.response, dict):
            description = self.response.get("description")
            return str(description) if description is not None else None
        if self.ok:
            return None
        title = re.search(r"<title>(.*?)</title>", str(self.response))
        return title.group(1) if title else str(self.response)


@dataclass(frozen=True)
class MessageVersion:
    """A previous state of an edited bot message."""

    text: str
    plain: str
    parse_mode: str | None
    reply_markup: JSONDict | None
    entities: list[JSONDict]
    date: int


@dataclass
class SentMessage:
    """A message the bot sent and Telegram accepted (edits update it in place)."""

    chat_id: int
    message_id: int
    text: str  # the text parameter as the bot sent it (markup included)
    plain: str  # what the user sees: entities parsed, tags removed, trimmed like Telegram
    parse_mode: str | None
    reply_to_message_id: int | None
    reply_markup: JSONDict | None  # as sent, e.g. {"inline_keyboard": [[...]]}
    entities: list[JSONDict] = field(default_factory=list)
    disable_notification: bool = False
    link_preview_options: JSONDict | None = None
    date: int = 0
    edit_date: int | None = None
    deleted: bool = False
    history: list[MessageVersion] = field(default_factory=list)  # earlier versions, oldest first
    #: for photos (sendPhoto): the image bytes as the bot uploaded them, and their size; then
    #: ``text``/``plain``/``entities`` hold the caption ("" when there is none).
    photo: bytes | None = None
    photo_width: int = 0
    photo_height: int = 0
    photo_file_id: str | None = None

    @property
    def edited(self) -> bool:
        return bool(self.history)

    @property
    def is_photo(self) -> bool:
        return self.photo is not None

    @property
    def caption(self) -> str | None:
        """The visible caption of a photo (None for text messages)."""
        return self.plain if self.is_photo else None

    def buttons(self) -> list[tuple[str, str | None]]:
        """Inline buttons row by row as ``(text, callback_data)``; url buttons give ``None``."""
        keyboard = (self.reply_markup or {}).get("inline_keyboard") or []
        return [
            (str(button.get("text", "")), button.get("callback_data"))
            for row in keyboard
            for button in row
            if isinstance(button, dict)
        ]


@dataclass
class _User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    def json(self) -> JSONDict:
        data: JSONDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass
class _Chat:
    id: int
    type: str  # private | group | supergroup
    title: str | None = None
    username: str | None = None
    bot_member: bool = True
    bot_is_admin: bool = False
    kicked: bool = False
    migrated_to: int | None = None  # a basic group upgraded to this supergroup

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")


@dataclass
class _Fault:
    method: str | None  # lower-cased method name, None = any method
    status: int
    remaining: int
    retry_after: int | None
    description: str | None


@dataclass(frozen=True)
class WebhookDelivery:
    """One POST of an update to the webhook (``forward_webhook``)."""

    update_id: int
    attempt: int  # 1 for the first try of this update, 2 for its first retry, ...
    status: int | None  # the HTTP status, None when the connection failed or timed out
    error: str | None  # what Telegram reports in getWebhookInfo.last_error_message
    redelivery: bool  # sent again by ``redeliver`` after it had been accepted
    at: float

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class HeldResponse:
    """An accepted call whose answer the stand-in holds back (``hold_responses``).

    The call took effect (the message is in the chat); only the HTTP answer waits, until
    ``release()`` or ``release_after`` seconds.  ``abandoned`` turns true when the client hung
    up meanwhile (PTB timed out, or the bot process was killed).  With ``disconnect`` the
    connection is dropped instead of answered.
    """

    method: str
    params: JSONDict
    body: JSONDict
    message: SentMessage | None
    release_after: float | None
    disconnect: bool = False
    event: asyncio.Event = field(default_factory=asyncio.Event, repr=False)
    answered: bool = False
    abandoned: bool = False

    def release(self) -> None:
        self.event.set()


@dataclass
class _Hold:
    method: str  # lower-cased
    remaining: int
    release_after: float | None
    disconnect: bool


@dataclass
class _StoredPhoto:
    data: bytes
    kind: str  # png | jpeg
    width: int
    height: int
    unique_id: str


@dataclass
class _CallbackQuery:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created: float
    answer: JSONDict | None = None


@dataclass
class _RateLimits:
    per_chat_per_second: int
    per_group_per_minute: int
    overall_per_second: int
    methods: frozenset[str]
    per_chat: dict[int, deque[float]] = field(default_factory=dict)
    per_group: dict[int, deque[float]] = field(default_factory=dict)
    overall: deque[float] = field(default_factory=deque)


# --------------------------------------------------------------------------------------------
# Formatted text: ports of TDLib's parse_html / parse_markdown_v2 / parse_markdown
# --------------------------------------------------------------------------------------------


def _u16(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ch > "\uffff")


def _width(ch: str) -> int:
    """UTF-16 code units of one character: the parsers' per-character step."""
    return 2 if ch > "\uffff" else 1


def _is_space(ch: str) -> bool:
    # TDLib's is_space(); "\0" doubles as the end-of-text sentinel.
    return ch in " \t\r\n\0\v\f"


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class _Cursor:
    """Character access with TDLib's NUL sentinel past the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)

    def __call__(self, i: int) -> str:
        return self.text[i] if 0 <= i < self.n else "\0"

    def byte_offset(self, i: int) -> int:
        return len(self.text[:i].encode("utf-8"))


_HTML_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#x([0-9a-fA-F]{1,7}));")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SIMPLE_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}


def _decode_html_entity(cur: _Cursor, i: int) -> tuple[str, int]:
    """Decode the entity at ``i`` (which holds ``&``); strict: anything else is an error."""
    match = _HTML_ENTITY.match(cur.text, i)
    if match is None:
        raise EntityParseError(
            f"Unescaped '&' at byte offset {cur.byte_offset(i)}: write it as &amp; "
            "(only &lt; &gt; &amp; &quot; and numeric entities are supported)"
        )
    named, decimal, hexadecimal = match.groups()
    if named:
        return _NAMED_ENTITIES[named], match.end()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise EntityParseError(
            f"Invalid character reference {match.group(0)} at byte offset {cur.byte_offset(i)}"
        )
    return chr(code), match.end()


def _checked_link(url: str) -> str | None:
    """Rough port of LinkManager::get_checked_link: a normalised URL, or None if invalid."""
    url = url.strip()
    if not url or any(ch.isspace() for ch in url):
        return None
    scheme_match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
    if scheme_match:
        scheme = scheme_match.group(1).lower()
        if scheme in ("tg", "ton"):
            return url
        if scheme not in ("http", "https", "ftp"):
            return None
        rest = url[scheme_match.end() :]
        if not rest.startswith("//"):
            return None
        rest = rest[2:]
    else:
        rest = url
        url = "http://" + url
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1]
    host = re.sub(r":\d{1,5}$", "", host)
    if re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", host):
        return url
    labels = host.split(".")
    if len(labels) < 2 or not all(labels):
        return None
    if not all(re.fullmatch(r"[\w-]+", label) for label in labels):
        return None
    tld = labels[-1]
    if not (tld.isalpha() and len(tld) >= 2) and not tld.lower().startswith("xn--"):
        return None
    return url


def _link_user_id(url: str) -> int | None:
    match = re.fullmatch(r"tg://user\?id=(\d+)", url.strip(), flags=re.IGNORECASE)
    return int(match.group(1)) if match else None


def _link_entity(offset: int, length: int, url: str) -> JSONDict | None:
    user_id = _link_user_id(url)
    if user_id is not None:
        return {
            "type": "text_mention",
            "offset": offset,
            "length": length,
            "user": {"id": user_id, "is_bot": False, "first_name": "User"},
        }
    checked = _checked_link(url)
    if checked is None:
        return None  # Telegram silently drops links it cannot use
    return {"type": "text_link", "offset": offset, "length": length, "url": checked}


def _sort_entities(entities: list[JSONDict]) -> list[JSONDict]:
    return sorted(entities, key=lambda e: (e["offset"], -e["length"]))


@dataclass
class _OpenTag:
    name: str
    argument: str
    utf16_offset: int
    out_len: int
    source_pos: int
    expandable: bool = False


def _parse_html(text: str) -> tuple[str, list[JSONDict]]:
    cur = _Cursor(text)
    out: list[str] = []
    entities: list[JSONDict] = []
    stack: list[_OpenTag] = []
    utf16 = 0
    i = 0
    while i < cur.n:
        ch = text[i]
        if ch == "&":
            decoded, i = _decode_html_entity(cur, i)
            out.append(decoded)
            utf16 += _u16(decoded)
            continue
        if ch == ">":
            raise EntityParseError(
                f"Unescaped '>' at byte offset {cur.byte_offset(i)}: write it as &gt;"
            )
        if ch != "<":
            out.append(ch)
            utf16 += _width(ch)
            i += 1
            continue

        begin = i
        i += 1
        if cur(i) != "/":
            # start tag
            while not _is_space(cur(i)) and cur(i) != ">":
                i += 1
            if i >= cur.n:
                raise EntityParseError(
                    f"Unclosed start tag at byte offset {cur.byte_offset(begin)}"
                )
            tag = text[begin + 1 : i].lower()
            if tag not in _HTML_TAGS:
                raise EntityParseError(
                    f'Unsupported start tag "{tag}" at byte offset {cur.byte_offset(begin)}'
                )
            argument = ""
            expandable = False
            while cur(i) != ">":
                while i < cur.n and _is_space(cur(i)):
                    i += 1
                if cur(i) == ">":
                    break
                attr_begin = i
                while not _is_space(cur(i)) and cur(i) not in "=>":
                    i += 1
                attr_name = text[attr_begin:i].lower()
                if not attr_name:
                    raise EntityParseError(
                        f'Empty attribute name in the tag "{tag}" at byte offset '
                        f"{cur.byte_offset(begin)}"
                    )
                while i < cur.n and _is_space(cur(i)):
                    i += 1
                if cur(i) != "=":
                    if tag == "blockquote" and attr_name == "expandable":
                        expandable = True
                        continue
                    raise EntityParseError(
                        "Expected equal sign in declaration of an attribute of the tag "
                        f'"{tag}" at byte offset {cur.byte_offset(begin)}'
                    )
                i += 1
                while i < cur.n and _is_space(cur(i)):
                    i += 1
                if i >= cur.n:
                    raise EntityParseError(
                        f'Unclosed start tag "{tag}" at byte offset {cur.byte_offset(begin)}'
                    )
                if cur(i) not in "'\"":
                    token_begin = i
                    while _is_ascii_alnum(cur(i)) or cur(i) in ".-":
                        i += 1
                    value = text[token_begin:i].lower()
                    if not _is_space(cur(i)) and cur(i) != ">":
                        raise EntityParseError(
                            f"Unexpected end of name token at byte offset "
                            f"{cur.byte_offset(token_begin)}"
                        )
                else:
                    quote = cur(i)
                    i += 1
                    buf: list[str] = []
                    while i < cur.n and cur(i) != quote:
                        if cur(i) == "&":
                            decoded, i = _decode_html_entity(cur, i)
                            buf.append(decoded)
                            continue
                        buf.append(cur(i))
                        i += 1
                    if cur(i) == quote:
                        i += 1
                    value = "".join(buf)
                if i >= cur.n:
                    raise EntityParseError(
                        f"Unclosed start tag at byte offset {cur.byte_offset(begin)}"
                    )
                if tag == "a" and attr_name == "href":
                    argument = value
                elif tag == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
            if tag == "span" and argument != "spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset '
                    f"{cur.byte_offset(begin)}"
                )
            stack.append(_OpenTag(tag, argument, utf16, len(out), begin, expandable))
            i += 1  # skip '>'
            continue

        # end tag
        if not stack:
            raise EntityParseError(f"Unexpected end tag at byte offset {cur.byte_offset(begin)}")
        while not _is_space(cur(i)) and cur(i) != ">":
            i += 1
        end_name = text[begin + 2 : i].lower()
        while i < cur.n and _is_space(cur(i)):
            i += 1
        if cur(i) != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {cur.byte_offset(begin)}")
        i += 1
        top = stack.pop()
        if end_name and end_name != top.name:
            raise EntityParseError(
                f"Unmatched end tag at byte offset {cur.byte_offset(begin)}, "
                f'expected "</{top.name}>", found "</{end_name}>"'
            )
        if utf16 <= top.utf16_offset:
            continue
        offset, length = top.utf16_offset, utf16 - top.utf16_offset
        if top.name in _SIMPLE_HTML_TAGS:
            entities.append(
                {"type": _SIMPLE_HTML_TAGS[top.name], "offset": offset, "length": length}
            )
        elif top.name == "tg-emoji":
            if not top.argument.isdigit() or int(top.argument) == 0:
                raise EntityParseError("Invalid custom emoji identifier specified")
            entities.append(
                {
                    "type": "custom_emoji",
                    "offset": offset,
                    "length": length,
                    "custom_emoji_id": top.argument,
                }
            )
        elif top.name == "a":
            url = top.argument or "".join(out[top.out_len :])
            link = _link_entity(offset, length, url)
            if link is not None:
                entities.append(link)
        elif top.name == "pre":
            last = entities[-1] if entities else None
            if (
                last is not None
                and last["type"] == "code"
                and last["offset"] == offset
                and last["length"] == length
                and last.get("language")
            ):
                last["type"] = "pre"
            else:
                entities.append({"type": "pre", "offset": offset, "length": length})
        elif top.name == "code":
            last = entities[-1] if entities else None
            if (
                last is not None
                and last["type"] == "pre"
                and last["offset"] == offset
                and last["length"] == length
                and top.argument
            ):
                last["language"] = top.argument
            else:
                entity: JSONDict = {"type": "code", "offset": offset, "length": length}
                if top.argument:
                    entity["language"] = top.argument
                entities.append(entity)
        elif top.name == "blockquote":
            kind = "expandable_blockquote" if top.expandable else "blockquote"
            entities.append({"type": kind, "offset": offset, "length": length})
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    return "".join(out), _sort_entities(entities)


_MD2_TYPE_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
    "blockquote": "BlockQuote",
}


def _reserved_error(ch: str) -> EntityParseError:
    return EntityParseError(
        f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
    )


def _read_md_url(cur: _Cursor, i: int) -> tuple[str, int]:
    """Read a ``(...)`` URL body starting at ``i`` (after the parenthesis); returns (url, i)."""
    buf: list[str] = []
    while i < cur.n and cur(i) != ")":
        if cur(i) == "\\" and 0 < ord(cur(i + 1)) <= 126 and i + 1 < cur.n:
            buf.append(cur(i + 1))
            i += 2
            continue
        buf.append(cur(i))
        i += 1
    return "".join(buf), i


def _parse_markdown_v2(text: str) -> tuple[str, list[JSONDict]]:
    cur = _Cursor(text)
    out: list[str] = []
    entities: list[JSONDict] = []
    stack: list[_OpenTag] = []  # name = entity type, source_pos = byte position of the marker
    have_blockquote = False
    utf16 = 0
    i = 0
    while i < cur.n:
        ch = text[i]
        nxt = cur(i + 1)
        if ch == "\\" and i + 1 < cur.n and 0 < ord(nxt) <= 126:
            out.append(nxt)
            utf16 += 1
            i += 2
            continue
        reserved = "_*[]()~`>#+-=|{}.!\n"
        if stack and stack[-1].name in ("code", "pre"):
            reserved = "`"
        if ch not in reserved:
            out.append(ch)
            utf16 += _width(ch)
            i += 1
            continue

        is_end = False
        if stack:
            top_type = stack[-1].name
            if have_blockquote and ch == "\n" and (i + 1 == cur.n or nxt != ">"):
                is_end = True
            else:
                is_end = {
                    "bold": ch == "*",
                    "italic": ch == "_" and nxt != "_",
                    "code": ch == "`",
                    "pre": ch == "`" and nxt == "`" and cur(i + 2) == "`",
                    "text_link": ch == "]",
                    "underline": ch == "_" and nxt == "_",
                    "strikethrough": ch == "~",
                    "spoiler": ch == "|" and nxt == "|",
                    "custom_emoji": ch == "]",
                    "blockquote": False,
                }[top_type]

        if not is_end:
            start = i
            argument = ""
            kind: str | None
            if ch == "_":
                if nxt == "_":
                    kind = "underline"
                    i += 1
                else:
                    kind = "italic"
            elif ch == "*":
                kind = "bold"
            elif ch == "~":
                kind = "strikethrough"
            elif ch == "|":
                if nxt != "|":
                    raise _reserved_error(ch)
                i += 1
                kind = "spoiler"
            elif ch == "[":
                kind = "text_link"
            elif ch == "`":
                if nxt == "`" and cur(i + 2) == "`":
                    i += 3
                    kind = "pre"
                    language_end = i
                    while not _is_space(cur(language_end)) and cur(language_end) != "`":
                        language_end += 1
                    if i != language_end and language_end < cur.n and cur(language_end) != "`":
                        argument = text[i:language_end]
                        i = language_end
                    if cur(i) in "\r\n":
                        if cur(i + 1) in "\r\n" and cur(i) != cur(i + 1):
                            i += 2
                        else:
                            i += 1
                    i -= 1
                else:
                    kind = "code"
            elif ch == "!":
                if nxt != "[":
                    raise _reserved_error(ch)
                i += 1
                kind = "custom_emoji"
            elif ch == "\n":
                utf16 += 1
                out.append("\n")
                kind = None
                if i + 1 < cur.n and nxt == ">":
                    i += 1
                    if not have_blockquote:
                        kind = "blockquote"
                        have_blockquote = True
            elif ch == ">" and i == 0:
                kind = "blockquote"
                have_blockquote = True
            else:
                raise _reserved_error(ch)
            i += 1
            if kind is not None:
                stack.append(_OpenTag(kind, argument, utf16, len(out), start))
            continue

        # end of an entity
        top = stack[-1]
        if ch == "\n" and top.name != "blockquote":
            raise EntityParseError(
                f"Can't find end of {_MD2_TYPE_NAMES[top.name]} entity at byte offset "
                f"{cur.byte_offset(top.source_pos)}"
            )
        skip = utf16 == top.utf16_offset
        extra: JSONDict = {}
        kind = top.name
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind == "pre":
            i += 2
            if top.argument:
                extra["language"] = top.argument
        elif kind == "text_link":
            if cur(i + 1) != "(":
                url = "".join(out[top.out_len :])
            else:
                url_begin = i + 2
                url, i = _read_md_url(cur, url_begin)
                if cur(i) != ")":
                    raise EntityParseError(
                        f"Can't find end of a URL at byte offset {cur.byte_offset(url_begin)}"
                    )
            if not skip:
                link = _link_entity(top.utf16_offset, utf16 - top.utf16_offset, url)
                if link is not None:
                    entities.append(link)
            skip = True
        elif kind == "custom_emoji":
            if cur(i + 1) != "(":
                raise EntityParseError("Custom emoji entity must contain a tg://emoji URL")
            url_begin = i + 2
            url, i = _read_md_url(cur, url_begin)
            if cur(i) != ")":
                raise EntityParseError(
                    f"Can't find end of a custom emoji URL at byte offset "
                    f"{cur.byte_offset(url_begin)}"
                )
            match = re.fullmatch(r"tg://emoji\?id=(\d+)", url)
            if match is None or int(match.group(1)) == 0:
                raise EntityParseError("Invalid custom emoji URL specified")
            extra["custom_emoji_id"] = match.group(1)
        elif kind == "blockquote":
            have_blockquote = False
            out.append(ch)
            utf16 += 1
        if not skip:
            entities.append(
                {"type": kind, "offset": top.utf16_offset, "length": utf16 - top.utf16_offset}
                | extra
            )
        stack.pop()
        i += 1

    if have_blockquote and stack and stack[-1].name == "blockquote":
        top = stack.pop()
        if utf16 != top.utf16_offset:
            entities.append(
                {
                    "type": "blockquote",
                    "offset": top.utf16_offset,
                    "length": utf16 - top.utf16_offset,
                }
            )
    if stack:
        top = stack[-1]
        raise EntityParseError(
            f"Can't find end of {_MD2_TYPE_NAMES[top.name]} entity at byte offset "
            f"{cur.byte_offset(top.source_pos)}"
        )
    return "".join(out), _sort_entities(entities)


def _parse_markdown(text: str) -> tuple[str, list[JSONDict]]:
    """Legacy ``Markdown`` parse mode."""
    cur = _Cursor(text)
    out: list[str] = []
    entities: list[JSONDict] = []
    utf16 = 0
    i = 0
    while i < cur.n:
        ch = text[i]
        if ch == "\\" and cur(i + 1) in "_*`[" and i + 1 < cur.n:
            out.append(cur(i + 1))
            utf16 += 1
            i += 2
            continue
        if ch not in "_*`[":
            out.append(ch)
            utf16 += _width(ch)
            i += 1
            continue
        begin = i
        end_char = "]" if ch == "[" else ch
        is_pre = False
        language = ""
        i += 1
        if ch == "`" and cur(i) == "`" and cur(i + 1) == "`":
            i += 2
            is_pre = True
            language_end = i
            while not _is_space(cur(language_end)) and cur(language_end) != "`":
                language_end += 1
            if i != language_end and language_end < cur.n and cur(language_end) != "`":
                language = text[i:language_end]
                i = language_end
            if cur(i) in "\r\n":
                if cur(i + 1) in "\r\n" and cur(i) != cur(i + 1):
                    i += 2
                else:
                    i += 1
        entity_offset = utf16
        entity_start = len(out)
        while i < cur.n and (
            cur(i) != end_char or (is_pre and not (cur(i + 1) == "`" and cur(i + 2) == "`"))
        ):
            out.append(cur(i))
            utf16 += _u16(cur(i))
            i += 1
        if i >= cur.n:
            raise EntityParseError(
                f"Can't find end of the entity starting at byte offset {cur.byte_offset(begin)}"
            )
        length = utf16 - entity_offset
        if ch == "[":
            if cur(i + 1) != "(":
                url = "".join(out[entity_start:])
            else:
                i += 2
                url_chars: list[str] = []
                while i < cur.n and cur(i) != ")":
                    url_chars.append(cur(i))
                    i += 1
                url = "".join(url_chars)
            if length:
                link = _link_entity(entity_offset, length, url)
                if link is not None:
                    entities.append(link)
        elif length:
            if ch == "_":
                entities.append({"type": "italic", "offset": entity_offset, "length": length})
            elif ch == "*":
                entities.append({"type": "bold", "offset": entity_offset, "length": length})
            elif is_pre:
                pre: JSONDict = {"type": "pre", "offset": entity_offset, "length": length}
                if language:
                    pre["language"] = language
                entities.append(pre)
            else:
                entities.append({"type": "code", "offset": entity_offset, "length": length})
        if is_pre:
            i += 2
        i += 1
    return "".join(out), _sort_entities(entities)


_REMOVED_CHARS = frozenset(
    {"\r", "\u030a", "\u0333", "\u033f"} | {chr(c) for c in range(0x2028, 0x202F)}
)


def _fix_formatted_text(text: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Port of the essentials of TDLib's fix_formatted_text: clean, trim, drop empty entities.

    Raises EntityParseError("empty") when nothing visible is left.
    """
    # 1. control characters become spaces, some characters are removed; remap offsets.
    new_chars: list[str] = []
    position_map: list[int] = []  # old UTF-16 offset -> new UTF-16 offset
    new_u16 = 0
    for ch in text:
        width = _width(ch)
        position_map.append(new_u16)
        if width == 2:
            position_map.append(new_u16)
        if ch in _REMOVED_CHARS:
            continue
        if ord(ch) < 32 and ch != "\n":
            ch = " "
        new_chars.append(ch)
        new_u16 += width
    position_map.append(new_u16)
    cleaned = "".join(new_chars)
    fixed: list[JSONDict] = []
    for entity in entities:
        start = position_map[min(entity["offset"], len(position_map) - 1)]
        end = position_map[min(entity["offset"] + entity["length"], len(position_map) - 1)]
        if end > start:
            fixed.append(entity | {"offset": start, "length": end - start})

    if not cleaned.strip(" \n"):
        raise EntityParseError("empty")

    # 2. rtrim spaces and newlines, clipping entities.
    stripped = cleaned.rstrip(" \n")
    end_u16 = _u16(stripped)
    clipped: list[JSONDict] = []
    for entity in fixed:
        end = min(entity["offset"] + entity["length"], end_u16)
        if end > entity["offset"]:
            clipped.append(entity | {"length": end - entity["offset"]})

    # 3. ltrim spaces and newlines that precede the first entity.
    first_entity = min((e["offset"] for e in clipped), default=len(stripped))
    lead = 0
    while lead < len(stripped) and lead < first_entity and stripped[lead] in " \n":
        lead += 1
    result = stripped[lead:]
    shifted = [e | {"offset": e["offset"] - lead} for e in clipped]

    # 4. entities made of whitespace only are dropped.
    encoded = result.encode("utf-16-le")
    visible = [
        e
        for e in shifted
        if encoded[2 * e["offset"] : 2 * (e["offset"] + e["length"])]
        .decode("utf-16-le", errors="replace")
        .strip(" \n")
    ]
    return result, _sort_entities(visible)


def parse_formatted_text(
    text: str, parse_mode: str | None = None, entities: list[JSONDict] | None = None
) -> tuple[str, list[JSONDict]]:
    """Parse text the way Telegram does; returns (visible text, entities).

    Raises ApiError exactly as the Bot API would (400 with Telegram's descriptions).
    """
    mode = (parse_mode or "").lower()
    try:
        if entities:
            plain, parsed = text, _check_explicit_entities(text, entities)
        elif mode in ("", "none"):
            plain, parsed = text, []
        elif mode == "html":
            plain, parsed = _parse_html(text)
        elif mode == "markdownv2":
            plain, parsed = _parse_markdown_v2(text)
        elif mode == "markdown":
            plain, parsed = _parse_markdown(text)
        else:
            raise _bad_request("unsupported parse_mode")
    except EntityParseError as exc:
        raise _bad_request(f"can't parse entities: {exc}") from None
    try:
        return _fix_formatted_text(plain, parsed)
    except EntityParseError:
        raise _bad_request("message text is empty") from None


def _check_explicit_entities(text: str, entities: Any) -> list[JSONDict]:
    if not isinstance(entities, list):
        raise _bad_request("can't parse entities JSON object")
    total = _u16(text)
    checked: list[JSONDict] = []
    for entity in entities:
        if (
            not isinstance(entity, dict)
            or not isinstance(entity.get("type"), str)
            or not isinstance(entity.get("offset"), int)
            or not isinstance(entity.get("length"), int)
        ):
            raise _bad_request("can't parse MessageEntity")
        if entity["offset"] + entity["length"] > total:
            raise EntityParseError(
                f"Entity beginning at UTF-16 offset {entity['offset']} ends after the end of "
                f"the text at UTF-16 offset {entity['offset'] + entity['length']}"
            )
        checked.append(dict(entity))
    return checked


_BOT_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>@])")
_MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}(?!\w)")


def _detect_user_entities(text: str) -> list[JSONDict]:
    """Entities Telegram detects in what a user types: bot commands and @mentions."""
    found: list[JSONDict] = []
    for pattern, kind in ((_BOT_COMMAND, "bot_command"), (_MENTION, "mention")):
        for match in pattern.finditer(text):
            found.append(
                {
                    "type": kind,
                    "offset": _u16(text[: match.start()]),
                    "length": _u16(match.group(0)),
                }
            )
    return _sort_entities(found)


# --------------------------------------------------------------------------------------------
# Parameter decoding
# --------------------------------------------------------------------------------------------


def _decode_param(name: str, value: Any) -> Any:
    """Decode one parameter like the Bot API (form values are strings, nested ones JSON)."""
    if name in _JSON_PARAMS:
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                if name == "reply_markup":
                    raise _bad_request("can't parse reply keyboard markup JSON object") from None
                raise _bad_request(f"can't parse {name} JSON object") from None
        return value
    if name == "chat_id":
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            return int(value)
        return value
    if name in _INT_PARAMS:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise _bad_request(f"invalid {name} specified") from None
    if name in _FLOAT_PARAMS:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise _bad_request(f"invalid {name} specified") from None
    if name in _BOOL_PARAMS:
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("true", "1", "yes")
    return value


# --------------------------------------------------------------------------------------------
# Images: what Telegram reads from a photo's header (and helpers for tests to make/read PNGs)
# --------------------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (they carry the size); C4, C8 and CC are other segments.
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def image_info(data: bytes) -> tuple[str, int, int] | None:
    """``("png" | "jpeg", width, height)`` read from the file's header, or None.

    PNG: the IHDR chunk right after the signature; JPEG: the first start-of-frame segment.
    """
    if data.startswith(PNG_SIGNATURE):
        if len(data) < 33 or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if not data.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # segments without a length
            i += 2
            continue
        if marker in _JPEG_SOF:
            if i + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return "jpeg", width, height
        i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")
    return None


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def make_png(
    width: int,
    height: int,
    pixel: tuple[int, int, int] | Callable[[int, int], tuple[int, int, int]] = (255, 255, 255),
) -> bytes:
    """A valid 8-bit RGB PNG (for tests); ``pixel`` is a colour or ``(x, y) -> colour``."""
    if callable(pixel):
        rows = bytearray()
        for y in range(height):
            rows.append(0)  # filter type None
            for x in range(width):
                rows.extend(pixel(x, y))
    else:  # one colour: fast enough for photos of any size
        rows = bytearray((b"\x00" + bytes(pixel) * width) * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        PNG_SIGNATURE
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows)))
        + _png_chunk(b"IEND", b"")
    )


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data: bytes) -> tuple[int, int, list[list[tuple[int, ...]]]]:
    """``(width, height, rows of pixel tuples)`` of an 8-bit, non-interlaced PNG.

    Grey, grey+alpha, RGB and RGBA (what chart libraries write); raises ValueError otherwise.
    """
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    i = len(PNG_SIGNATURE)
    header = b""
    idat = bytearray()
    while i + 8 <= len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        payload = data[i + 8 : i + 8 + length]
        if (
            zlib.crc32(kind + payload) & 0xFFFFFFFF
            != struct.unpack(">I", data[i + 8 + length : i + 12 + length])[0]
        ):
            raise ValueError(f"bad CRC in the {kind!r} chunk")
        if kind == b"IHDR":
            header = payload
        elif kind == b"IDAT":
            idat.extend(payload)
        elif kind == b"IEND":
            break
        i += 12 + length
    if len(header) != 13:
        raise ValueError("no IHDR chunk")
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
    channels = {0: 1, 4: 2, 2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color}, interlace)")
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows: list[list[tuple[int, ...]]] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride if kind else 0):  # filter 0 (None) leaves the bytes as they are
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                line[x] = (line[x] + _paeth(left, up, corner)) & 0xFF
            elif kind != 0:
                raise ValueError(f"unknown PNG filter {kind}")
        rows.append([tuple(line[x : x + channels]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def _chat_instance(chat_id: int) -> str:
    digest = hashlib.sha256(f"chat-instance:{chat_id}".encode()).digest()
    return str(int.from_bytes(digest[:8], "big", signed=True))


# --------------------------------------------------------------------------------------------
# The stand-in
# --------------------------------------------------------------------------------------------


class TelegramStandin:
    """An in-process Telegram Bot API server for end-to-end tests."""

    def __init__(
        self,
        token: str = "123456:TEST",
        bot_username: str = "dealbot_test_bot",
        *,
        bot_first_name: str = "Dealbot Test",
        privacy_mode: bool = True,
        callback_query_ttl: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not re.fullmatch(r"\d+:[A-Za-z0-9_-]+", token):
            raise ValueError(f"not a Telegram-shaped token: {token!r}")
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.privacy_mode = privacy_mode
        self.callback_query_ttl = callback_query_ttl
        self._clock = clock

        self.sent: list[SentMessage] = []
        self.calls: list[Call] = []
        self.updates: list[JSONDict] = []  # every update injected and queued, in order
        self.dropped_updates: list[JSONDict] = []  # excluded by allowed_updates
        self.withheld_messages: list[JSONDict] = []  # group messages privacy mode withheld
        self.webhook: JSONDict | None = None
        self.commands_by_scope: dict[tuple[str, str], list[JSONDict]] = {}

        self._users: dict[int, _User] = {}
        self._started: set[int] = set()
        self._blocked: set[int] = set()
        self._chats: dict[int, _Chat] = {}
        self._messages: dict[int, dict[int, JSONDict]] = {}  # chat -> message id -> JSON
        self._sent_index: dict[tuple[int, int], SentMessage] = {}
        self._next_message_id: dict[int, int] = {}
        self._callbacks: dict[str, _CallbackQuery] = {}
        self._photos: dict[str, _StoredPhoto] = {}  # file_id -> photo (every size's id)
        self._file_paths: dict[str, str] = {}  # getFile path -> file_id
        self._file_ids = itertools.count(1)
        #: URLs "on the internet" Telegram can fetch for sendPhoto(photo=url): url -> bytes
        self.served_urls: dict[str, bytes] = {}
        self._callback_ids = itertools.count(4_242_000_000_000_000_001)
        self._pending: list[JSONDict] = []
        self._next_update_id = 700_000_001
        self._allowed_updates: frozenset[str] = DEFAULT_UPDATE_TYPES
        self._poll_generation = 0
        self._polls_in_flight = 0
        self._faults: list[_Fault] = []
        self._holds: list[_Hold] = []
        #: calls whose answers were held back, in arrival order (``hold_responses``)
        self.held: list[HeldResponse] = []
        self._rate_limits: _RateLimits | None = None

        self._changed = asyncio.Condition()
        self._notify_tasks: set[asyncio.Task[None]] = set()
        self._closing = False
        self._runner: web.AppRunner | None = None
        #: every webhook POST, in order (see ``forward_webhook``)
        self.webhook_deliveries: list[WebhookDelivery] = []
        self._webhook_target: str | None = None
        self._webhook_retry_delay = 0.05
        self._webhook_timeout = 10.0
        self._webhook_task: asyncio.Task[None] | None = None
        self._redelivered: set[int] = set()
        self._last_webhook_error: tuple[int, str] | None = None
        self._port: int | None = None

        self._methods: dict[str, Callable[[JSONDict], Awaitable[Any]]] = {
            "getme": self._get_me,
            "logout": self._log_out,
            "close": self._close_method,
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "editmessagecaption": self._edit_message_caption,
            "sendphoto": self._send_photo,
            "getfile": self._get_file,
            "deletemessage": self._delete_message,
            "answercallbackquery": self._answer_callback_query,
            "sendchataction": self._send_chat_action,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
        }

    # ---------------------------------------------------------------- lifecycle

    async def __aenter__(self) -> TelegramStandin:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def start(self) -> None:
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES)  # the Bot API's upload limit
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._handle_file)
        runner = web.AppRunner(
            app, handler_cancellation=True, shutdown_timeout=5.0, access_log=None
        )
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self._port = int(sock.getsockname()[1])
        await web.SockSite(runner, sock).start()
        self._runner = runner

    async def close(self) -> None:
        """Stop the server; pending long polls are answered at once with no updates."""
        self._closing = True
        self.release_held()  # or the server's shutdown would wait for them
        await self._notify()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        for task in list(self._notify_tasks):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    @property
    def url(self) -> str:
        if self._port is None:
            raise RuntimeError("TelegramStandin is not started (use `async with`)")
        return f"http://127.0.0.1:{self._port}/"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url()`` and ``Bot(base_url=...)``.

        PTB calls ``{base_url}{token}/{method}``.
        """
        return f"{self.url}bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}file/bot"

    @property
    def bot_user(self) -> JSONDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # ---------------------------------------------------------------- test-side set-up

    def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> None:
        """Make a user known to the bot (as if seen in a group) without starting a private chat.

        Messages to such a user fail with 403 "bot can't initiate conversation with a user";
        to a user never seen at all with 400 "chat not found".
        """
        self._ensure_user(user_id, first_name, last_name, username, language_code)

    def start_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> None:
        """The user has pressed Start: the bot may message them (no update is injected)."""
        self._ensure_user(user_id, first_name, last_name, username, language_code)
        self._ensure_private_chat(user_id)
        self._started.add(user_id)
        self._blocked.discard(user_id)

    def block_user(self, user_id: int) -> None:
        """The user blocks the bot: sends get 403, and a my_chat_member update is injected."""
        self._require_user(user_id)
        self._blocked.add(user_id)
        self._enqueue_chat_member_change(user_id, "member", "kicked")

    def unblock_user(self, user_id: int) -> None:
        self._require_user(user_id)
        self._blocked.discard(user_id)
        self._started.add(user_id)
        self._ensure_private_chat(user_id)
        self._enqueue_chat_member_change(user_id, "kicked", "member")

    def add_group(
        self,
        chat_id: int,
        title: str = "Test group",
        *,
        username: str | None = None,
        bot_is_admin: bool = False,
    ) -> None:
        """Register a group with the bot as a member. Ids starting -100 are supergroups."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        chat = self._chats.get(chat_id)
        if chat is None:
            self._chats[chat_id] = _Chat(chat_id, kind, title, username, True, bot_is_admin)
            self._messages.setdefault(chat_id, {})
        else:
            chat.title, chat.username, chat.bot_is_admin = title, username, bot_is_admin
            chat.bot_member, chat.kicked = True, False

    def remove_bot_from_group(
        self, chat_id: int, *, kicked: bool = True, by_user: int | None = None
    ) -> JSONDict:
        """The bot is removed from a group (``kicked``) or leaves it; returns the update.

        Sends then fail with 403 "bot was kicked from the group chat" or "bot is not a member
        of the group chat" ("supergroup chat" for supergroups), and the bot receives a
        ``my_chat_member`` update (from ``by_user``, default a group admin).
        """
        chat = self._chats.get(chat_id)
        if chat is None or not chat.is_group:
            raise AssertionError(f"no group {chat_id}")
        if not chat.bot_member:
            raise AssertionError(f"the bot is not in group {chat_id} any more")
        old = "administrator" if chat.bot_is_admin else "member"
        chat.bot_member = False
        chat.kicked = kicked
        chat.bot_is_admin = False
        actor = self._ensure_user(by_user or DEFAULT_GROUP_ADMIN, None, None, None, None)
        return self._enqueue_member_update(chat, actor.json(), old, "kicked" if kicked else "left")

    def migrate_group(
        self, old_id: int, new_id: int, *, by_user: int | None = None
    ) -> tuple[JSONDict, JSONDict]:
        """A basic group becomes the supergroup ``new_id`` (``-100…``); returns both updates.

        The bot gets the service messages ``migrate_to_chat_id`` (in the old chat) and
        ``migrate_from_chat_id`` (in the new one).  Calls naming the old id then answer 400
        "group chat was upgraded to a supergroup chat" with ``parameters.migrate_to_chat_id``
        (PTB raises ``telegram.error.ChatMigrated``).
        """
        old = self._chats.get(old_id)
        if old is None or old.type != "group" or old.migrated_to is not None:
            raise AssertionError(f"{old_id} is not a basic group that can be upgraded")
        if not str(new_id).startswith("-100") or new_id in self._chats:
            raise ValueError(f"{new_id} is not a fresh supergroup id (-100…)")
        new = _Chat(new_id, "supergroup", old.title, old.username, old.bot_member, old.bot_is_admin)
        new.kicked = old.kicked
        self._chats[new_id] = new
        self._messages[new_id] = {}
        old.migrated_to = new_id
        actor = self._ensure_user(by_user or DEFAULT_GROUP_ADMIN, None, None, None, None)
        date = int(time.time())
        farewell: JSONDict = {
            "message_id": self._new_message_id(old_id),
            "from": actor.json(),
            "chat": self._chat_json(old),
            "date": date,
            "migrate_to_chat_id": new_id,
        }
        welcome: JSONDict = {
            "message_id": self._new_message_id(new_id),
            "from": dict(GROUP_ANONYMOUS_BOT),
            "sender_chat": self._chat_json(new),
            "chat": self._chat_json(new),
            "date": date,
            "migrate_from_chat_id": old_id,
        }
        self._messages[old_id][farewell["message_id"]] = farewell
        self._messages[new_id][welcome["message_id"]] = welcome
        if not old.bot_member:
            return {}, {}
        # Service messages reach the bot whatever its privacy mode.
        return self._enqueue("message", farewell), self._enqueue("message", welcome)

    # ---------------------------------------------------------------- injecting user activity

    def send_private(
        self,
        user_id: int,
        text: str,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        reply_to: SentMessage | int | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """A user writes to the bot in private; returns the update's ``message`` dict.

        Starts the user (the bot may answer from now on). Defaults: first name "Tester",
        language "en" (or what was given for that user before).
        """
        if user_id <= 0:
            raise ValueError("user ids are positive")
        user = self._ensure_user(user_id, first_name, last_name, username, language_code)
        chat = self._ensure_private_chat(user_id)
        self._started.add(user_id)
        if user_id in self._blocked:
            self.unblock_user(user_id)
        message = self._user_message(chat, user, text, reply_to, entities)
        self._enqueue("message", message)
        return message

    def send_group(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        first_name: str | None = None,
        *,
        title: str | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        reply_to: SentMessage | int | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """A user writes in a group; returns the message dict.

        The group is registered (bot as member) if unknown. With privacy mode on (the default,
        as on Telegram) the bot only receives commands (``/cmd``, ``/cmd@this_bot``), messages
        mentioning @bot_username and replies to its own messages; other messages are stored in
        the chat and in ``withheld_messages`` but produce no update.
        """
        if chat_id not in self._chats:
            self.add_group(chat_id, title or f"Group {chat_id}")
        chat = self._chats[chat_id]
        if not chat.is_group:
            raise ValueError(f"{chat_id} is not a group")
        if chat.migrated_to is not None:
            raise AssertionError(f"group {chat_id} became supergroup {chat.migrated_to}")
        if not chat.bot_member:
            raise AssertionError(f"the bot is not a member of group {chat_id}")
        user = self._ensure_user(user_id, first_name, last_name, username, language_code)
        message = self._user_message(chat, user, text, reply_to, entities)
        if self._bot_receives_group_message(chat, message):
            self._enqueue("message", message)
        else:
            self.withheld_messages.append(message)
        return message

    def press(
        self,
        user_id: int,
        message: SentMessage,
        callback_data: str,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> str:
        """A user presses an inline button; returns the callback query id.

        The button must currently exist on the (not deleted) message, and the user must be
        able to see the chat, as on Telegram.
        """
        current = self._sent_index.get((message.chat_id, message.message_id))
        if current is None or current.deleted:
            raise AssertionError(f"message {message.message_id} in {message.chat_id} is gone")
        data_buttons = [data for _, data in current.buttons() if data is not None]
        if callback_data not in data_buttons:
            raise AssertionError(
                f"no button with callback_data {callback_data!r} on message "
                f"{current.message_id} in chat {current.chat_id}; buttons: {current.buttons()}"
            )
        chat = self._chats[current.chat_id]
        if chat.type == "private" and chat.id != user_id:
            raise AssertionError(f"user {user_id} cannot see private chat {chat.id}")
        user = self._ensure_user(user_id, first_name, last_name, username, language_code)
        query_id = str(next(self._callback_ids))
        self._callbacks[query_id] = _CallbackQuery(
            query_id, user_id, chat.id, current.message_id, callback_data, self._clock()
        )
        self._enqueue(
            "callback_query",
            {
                "id": query_id,
                "from": user.json(),
                "message": copy.deepcopy(self._messages[chat.id][current.message_id]),
                "chat_instance": _chat_instance(chat.id),
                "data": callback_data,
            },
        )
        return query_id

    def inject_update(self, kind: str, payload: JSONDict) -> JSONDict:
        """Queue an arbitrary update of type ``kind``; returns the full update."""
        if kind not in UPDATE_TYPES:
            raise ValueError(f"unknown update type {kind!r}")
        return self._enqueue(kind, payload)

    # ---------------------------------------------------------------- inspection

    def answered(self, callback_query_id: str) -> JSONDict | None:
        """The accepted answerCallbackQuery parameters for that query, or None."""
        query = self._callbacks.get(callback_query_id)
        return None if query is None else query.answer

    def chat_messages(self, chat_id: int, *, include_deleted: bool = False) -> list[SentMessage]:
        return [m for m in self.sent if m.chat_id == chat_id and (include_deleted or not m.deleted)]

    def last_message(self, chat_id: int) -> SentMessage | None:
        messages = self.chat_messages(chat_id)
        return messages[-1] if messages else None

    def buttons(self, message: SentMessage) -> list[tuple[str, str | None]]:
        return message.buttons()

    @property
    def commands_by_language(self) -> dict[str, list[JSONDict]]:
        """Commands set for the default scope: language_code ("" = all languages) -> list."""
        return {
            language: commands
            for (scope, language), commands in self.commands_by_scope.items()
            if scope == '{"type":"default"}'
        }

    def commands_for(
        self, scope: Mapping[str, Any] | None = None, language_code: str = ""
    ) -> list[JSONDict] | None:
        return self.commands_by_scope.get((self._scope_key(scope), language_code))

    @property
    def errors(self) -> list[tuple[str, int, str]]:
        """Rejected calls as (method, status, description); abandoned long polls excluded."""
        return [
            (call.method, call.status, call.description or "")
            for call in self.calls
            if not call.ok and not call.abandoned
        ]

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method.lower() == method.lower()]

    @property
    def is_polling(self) -> bool:
        """A getUpdates call is being served right now (e.g. the bot is long-polling)."""
        return self._polls_in_flight > 0

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Injected updates the bot has not confirmed yet."""
        return list(self._pending)

    def summary(self) -> str:
        """A readable account of every chat, pending updates and errors (for failures)."""
        lines: list[str] = []
        for chat_id, messages in self._messages.items():
            chat = self._chats[chat_id]
            name = chat.title or (self._users[chat_id].first_name if chat_id in self._users else "")
            lines.append(f"chat {chat_id} ({chat.type} {name!r}):")
            if not messages:
                lines.append("  (no messages)")
            for message_id, message in messages.items():
                sent = self._sent_index.get((chat_id, message_id))
                who = "bot" if sent is not None else f"user {message.get('from', {}).get('id')}"
                flags = []
                if sent is not None and sent.deleted:
                    flags.append("deleted")
                if sent is not None and sent.edited:
                    flags.append(f"edited x{len(sent.history)}")
                if sent is not None and sent.buttons():
                    flags.append(f"buttons={sent.buttons()}")
                text = str(message.get("text", message.get("caption", "")))
                if "photo" in message:
                    biggest = message["photo"][-1]
                    text = f"[photo {biggest['width']}x{biggest['height']}] {text}"
                if len(text) > 300:
                    text = text[:300] + "…"
                extra = f" [{', '.join(flags)}]" if flags else ""
                lines.append(f"  #{message_id} {who}: {text!r}{extra}")
        if not lines:
            lines.append("no chats")
        lines.append(f"pending (unconfirmed) updates: {[u['update_id'] for u in self._pending]}")
        errors = self.errors
        if errors:
            lines.append("rejected calls:")
            lines.extend(f"  {method} -> {status} {desc}" for method, status, desc in errors[-20:])
        return "\n".join(lines)

    # ---------------------------------------------------------------- waiting

    async def wait_for(self, predicate: Callable[[], T | None], timeout: float = 10.0) -> T:
        """Wait until ``predicate()`` is truthy and return its value.

        Re-evaluated whenever the stand-in records a call or an injection; on timeout raises
        AssertionError with a summary of all chats.
        """
        result: T | None = None

        def check() -> bool:
            nonlocal result
            result = predicate()
            return bool(result)

        try:
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(check)
        except TimeoutError:
            raise AssertionError(f"condition not met within {timeout}s\n{self.summary()}") from None
        assert result is not None
        return result

    async def wait_until_consumed(self, timeout: float = 10.0) -> None:
        """Wait until the bot fetched and confirmed (next getUpdates offset) every update.

        PTB confirms an update right after queueing it, not after its handler ran: to wait
        for a handler's effect, use wait_for on that effect.
        """
        try:
            await self.wait_for(lambda: not self._pending, timeout)
        except AssertionError as exc:
            raise AssertionError(f"updates not consumed: {exc}") from None

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def _notify_soon(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop, so nobody can be waiting
        task = loop.create_task(self._notify())
        self._notify_tasks.add(task)
        task.add_done_callback(self._notify_tasks.discard)

    # ---------------------------------------------------------------- fault injection

    def fail_next(
        self,
        method: str | None,
        status: int,
        count: int = 1,
        retry_after: int | None = None,
        *,
        description: str | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` (None = any method) with ``status``.

        429 carries ``parameters.retry_after`` (default 1), 502/504 answer nginx's HTML page,
        other statuses a Bot API error body. Failed calls have no effect.
        """
        if count < 1:
            raise ValueError("count must be >= 1")
        if status == 429 and retry_after is None:
            retry_after = 1
        self._faults.append(
            _Fault(method.lower() if method else None, status, count, retry_after, description)
        )

    def enforce_rate_limits(
        self,
        per_chat_per_second: int = 1,
        per_group_per_minute: int = 20,
        overall_per_second: int = 30,
        *,
        methods: Iterable[str] = ("sendMessage", "sendPhoto"),
    ) -> None:
        """Answer 429 with retry_after when Telegram's flood limits would be exceeded.

        Sliding windows: per chat (1 s), per group (60 s) and overall (1 s), counted over
        accepted calls of ``methods``; rejected sends are not delivered and do not count.
        """
        self._rate_limits = _RateLimits(
            per_chat_per_second,
            per_group_per_minute,
            overall_per_second,
            frozenset(m.lower() for m in methods),
        )

    # ---------------------------------------------------------------- webhook delivery

    def forward_webhook(
        self, target_url: str, *, retry_delay: float = 0.05, timeout: float = 10.0
    ) -> None:
        """Deliver updates to the bot's webhook at ``target_url`` once ``setWebhook`` is set.

        The bot registers a public ``https://`` URL; ``target_url`` is where that URL is
        served locally (the stand-in plays the TLS front).  Like Telegram, each update is
        POSTed as JSON with ``X-Telegram-Bot-Api-Secret-Token`` (when a secret was set), one
        at a time in ``update_id`` order; an update that gets no 2xx within ``timeout`` is
        retried after ``retry_delay`` (Telegram waits longer) before any later update.
        ``webhook_deliveries`` records every attempt.
        """
        self._webhook_target = target_url
        self._webhook_retry_delay = retry_delay
        self._webhook_timeout = timeout
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.get_running_loop().create_task(self._deliver_webhooks())
        self._notify_soon()

    def redeliver(self, update_id: int) -> JSONDict:
        """Queue an update the webhook already accepted once more, as Telegram does when it
        did not see the answer: the bot must handle it once.  Returns the update."""
        update = next((u for u in self.updates if u["update_id"] == update_id), None)
        if update is None:
            raise AssertionError(f"no update {update_id} was queued")
        if any(u["update_id"] == update_id for u in self._pending):
            raise AssertionError(f"update {update_id} was not delivered yet")
        self._redelivered.add(update_id)
        position = sum(1 for u in self._pending if u["update_id"] < update_id)
        self._pending.insert(position, copy.deepcopy(update))
        self._notify_soon()
        return update

    def _webhook_ready(self) -> bool:
        return bool(self.webhook and self._webhook_target and self._pending)

    async def _deliver_webhooks(self) -> None:
        attempts: dict[int, int] = {}
        async with aiohttp.ClientSession() as session:
            while not self._closing:
                async with self._changed:
                    await self._changed.wait_for(lambda: self._closing or self._webhook_ready())
                if self._closing:
                    return
                update = self._pending[0]
                update_id = int(update["update_id"])
                attempts[update_id] = attempts.get(update_id, 0) + 1
                status, error = await self._post_update(session, update)
                delivery = WebhookDelivery(
                    update_id,
                    attempts[update_id],
                    status,
                    error,
                    update_id in self._redelivered,
                    time.time(),
                )
                self.webhook_deliveries.append(delivery)
                if delivery.ok:
                    if self._pending and self._pending[0] is update:
                        self._pending.pop(0)
                    attempts.pop(update_id, None)
                    self._redelivered.discard(update_id)
                else:
                    self._last_webhook_error = (int(time.time()), error or "")
                await self._notify()
                if not delivery.ok:
                    await asyncio.sleep(self._webhook_retry_delay)  # Telegram's back-off

    async def _post_update(
        self, session: aiohttp.ClientSession, update: JSONDict
    ) -> tuple[int | None, str | None]:
        assert self.webhook is not None and self._webhook_target is not None
        headers = {}
        if self.webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(self.webhook["secret_token"])
        try:
            async with session.post(
                self._webhook_target,
                json=update,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self._webhook_timeout),
            ) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return response.status, None
                reason = response.reason or ""
                return (
                    response.status,
                    f"Wrong response from the webhook: {response.status} {reason}",
                )
        except TimeoutError:
            return None, "Read timeout expired"
        except aiohttp.ClientError as exc:
            return None, f"Connection failed: {exc.__class__.__name__}"

    # ---------------------------------------------------------------- held answers

    def hold_responses(
        self,
        method: str = "sendMessage",
        count: int = 1,
        *,
        release_after: float | None = None,
        disconnect: bool = False,
    ) -> None:
        """Accept the next ``count`` successful calls of ``method`` but hold their answers.

        The call takes effect at once (the message is in the chat) while the HTTP answer is
        held until ``release_held()``/``HeldResponse.release()`` or ``release_after`` seconds:
        the window between Telegram accepting a send and the bot learning its message_id, for
        kill-and-restart tests.  With ``disconnect`` the connection is dropped instead (PTB
        raises ``NetworkError`` although the message was sent).  See ``wait_for_held``.
        """
        if count < 1:
            raise ValueError("count must be >= 1")
        if disconnect and release_after is None:
            release_after = 0.0
        self._holds.append(_Hold(method.lower(), count, release_after, disconnect))

    def release_held(self) -> None:
        """Send every held answer now."""
        for held in self.held:
            held.release()

    async def wait_for_held(self, count: int = 1, timeout: float = 10.0) -> HeldResponse:
        """Wait until ``count`` held calls arrived; return the ``count``-th."""
        await self.wait_for(lambda: len(self.held) >= count, timeout)
        return self.held[count - 1]

    def _take_hold(self, method: str) -> _Hold | None:
        for hold in self._holds:
            if hold.method == method.lower():
                hold.remaining -= 1
                if hold.remaining <= 0:
                    self._holds.remove(hold)
                return hold
        return None

    async def _hold_answer(
        self, request: web.Request, method: str, params: JSONDict, body: JSONDict, hold: _Hold
    ) -> None:
        result = body.get("result")
        message = None
        if isinstance(result, dict) and "message_id" in result and "chat" in result:
            message = self._sent_index.get((result["chat"]["id"], result["message_id"]))
        held = HeldResponse(method, params, body, message, hold.release_after, hold.disconnect)
        self.held.append(held)
        await self._notify()
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(held.event.wait(), hold.release_after)
        except asyncio.CancelledError:
            held.abandoned = True  # the client hung up before its answer came
            self._notify_soon()
            raise
        if hold.disconnect:
            if request.transport is not None:
                request.transport.abort()  # no answer at all: the client sees a dropped line
            raise asyncio.CancelledError
        held.answered = True

    def _take_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method is None or fault.method == method.lower():
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    @staticmethod
    def _fault_response(fault: _Fault) -> tuple[int, JSONDict | str]:
        if fault.status == 502:
            return 502, NGINX_502
        if fault.status == 504:
            return 504, NGINX_504
        if fault.status == 429:
            retry_after = fault.retry_after or 1
            error = ApiError(
                429,
                fault.description or f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
            return 429, error.body()
        defaults = {
            400: "Bad Request: injected failure",
            401: "Unauthorized",
            403: "Forbidden: injected failure",
            404: "Not Found",
            409: "Conflict: injected failure",
            500: "Internal Server Error",
        }
        description = fault.description or defaults.get(fault.status, "Injected failure")
        return fault.status, ApiError(fault.status, description).body()

    def _check_rate_limits(self, method: str, chat: _Chat) -> None:
        limits = self._rate_limits
        if limits is None or method.lower() not in limits.methods:
            return
        now = self._clock()
        windows: list[tuple[deque[float], int, float]] = [
            (limits.overall, limits.overall_per_second, 1.0),
            (limits.per_chat.setdefault(chat.id, deque()), limits.per_chat_per_second, 1.0),
        ]
        if chat.is_group:
            group_window = limits.per_group.setdefault(chat.id, deque())
            windows.append((group_window, limits.per_group_per_minute, 60.0))
        wait = 0.0
        for window, limit, span in windows:
            while window and window[0] <= now - span:
                window.popleft()
            if len(window) >= limit:
                wait = max(wait, window[len(window) - limit] + span - now)
        if wait > 0:
            retry_after = max(1, int(wait + 0.999))
            raise ApiError(
                429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
            )
        for window, _, _ in windows:
            window.append(now)

    # ---------------------------------------------------------------- HTTP plumbing

    async def _read_params(self, request: web.Request) -> JSONDict:
        raw: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise _bad_request("can't parse JSON encoded request") from None
                if not isinstance(body, dict):
                    raise _bad_request("JSON request must be an object")
                raw.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        raw[key] = {
                            "filename": value.filename,
                            "content_type": value.content_type,
                            "data": value.file.read(),
                        }
                    else:
                        raw[key] = value
        return {name: _decode_param(name, value) for name, value in raw.items()}

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        method = request.match_info["method"]
        params: JSONDict = {}
        status: int
        body: JSONDict | str
        hold: _Hold | None = None
        try:
            try:
                params = await self._read_params(request)
                if token != self.token:
                    if re.fullmatch(r"\d+:[A-Za-z0-9_-]+", token):
                        raise ApiError(401, "Unauthorized")
                    raise ApiError(404, "Not Found")
                fault = self._take_fault(method)
                if fault is not None:
                    status, body = self._fault_response(fault)
                else:
                    handler = self._methods.get(method.lower())
                    if handler is None:
                        raise ApiError(
                            404, f"Not Found: method {method} is not supported by TelegramStandin"
                        )
                    result = await handler(params)
                    status, body = 200, {"ok": True, "result": result}
                    hold = self._take_hold(method)
            except ApiError as error:
                status, body = error.status, error.body()
        except asyncio.CancelledError:
            self.calls.append(
                Call(method, params, 499, "client closed the connection", time.time())
            )
            self._notify_soon()
            raise
        self.calls.append(Call(method, params, status, body, time.time()))
        await self._notify()
        if hold is not None and isinstance(body, dict):
            await self._hold_answer(request, method, params, body, hold)
        if isinstance(body, str):
            return web.Response(status=status, text=body, content_type="text/html")
        return web.json_response(body, status=status)

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        """Downloads of getFile paths (``{base_file_url}{token}/{file_path}``)."""
        file_id = self._file_paths.get(request.match_info["path"])
        if request.match_info["token"] != self.token or file_id is None:
            return web.json_response(ApiError(404, "Not Found").body(), status=404)
        photo = self._photos[file_id]
        return web.Response(body=photo.data, content_type=f"image/{photo.kind}")

    # ---------------------------------------------------------------- users, chats, messages

    def _ensure_user(
        self,
        user_id: int,
        first_name: str | None,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
    ) -> _User:
        user = self._users.get(user_id)
        if user is None:
            user = _User(user_id, first_name or "Tester", language_code=language_code or "en")
            self._users[user_id] = user
        if first_name is not None:
            user.first_name = first_name
        if last_name is not None:
            user.last_name = last_name
        if username is not None:
            user.username = username
        if language_code is not None:
            user.language_code = language_code
        return user

    def _require_user(self, user_id: int) -> _User:
        user = self._users.get(user_id)
        if user is None:
            raise AssertionError(f"unknown user {user_id}")
        return user

    def _ensure_private_chat(self, user_id: int) -> _Chat:
        chat = self._chats.get(user_id)
        if chat is None:
            chat = _Chat(user_id, "private")
            self._chats[user_id] = chat
            self._messages.setdefault(user_id, {})
        return chat

    def _chat_json(self, chat: _Chat) -> JSONDict:
        if chat.type == "private":
            user = self._users[chat.id]
            data: JSONDict = {"id": chat.id, "first_name": user.first_name}
            if user.last_name:
                data["last_name"] = user.last_name
            if user.username:
                data["username"] = user.username
            data["type"] = "private"
            return data
        data = {"id": chat.id, "title": chat.title or "", "type": chat.type}
        if chat.username:
            data["username"] = chat.username
        return data

    def _new_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    @staticmethod
    def _without_reply(message: JSONDict) -> JSONDict:
        embedded = copy.deepcopy(message)
        embedded.pop("reply_to_message", None)
        return embedded

    def _user_message(
        self,
        chat: _Chat,
        user: _User,
        text: str,
        reply_to: SentMessage | int | None,
        entities: list[JSONDict] | None,
    ) -> JSONDict:
        if not text:
            raise ValueError("users cannot send empty text")
        message: JSONDict = {
            "message_id": self._new_message_id(chat.id),
            "from": user.json(),
            "chat": self._chat_json(chat),
            "date": int(time.time()),
            "text": text,
        }
        detected = entities if entities is not None else _detect_user_entities(text)
        if detected:
            message["entities"] = detected
        if reply_to is not None:
            reply_id = reply_to.message_id if isinstance(reply_to, SentMessage) else reply_to
            target = self._messages[chat.id].get(reply_id)
            if target is None or self._is_deleted(chat.id, reply_id):
                raise AssertionError(f"no message {reply_id} in chat {chat.id} to reply to")
            message["reply_to_message"] = self._without_reply(target)
        self._messages[chat.id][message["message_id"]] = message
        return message

    def _is_deleted(self, chat_id: int, message_id: int) -> bool:
        sent = self._sent_index.get((chat_id, message_id))
        if sent is not None:
            return sent.deleted
        return message_id not in self._messages.get(chat_id, {})

    def _bot_receives_group_message(self, chat: _Chat, message: JSONDict) -> bool:
        if not self.privacy_mode or chat.bot_is_admin:
            return True
        text = str(message.get("text", ""))
        command = re.match(r"/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?", text)
        if command is not None:
            addressee = command.group(1)
            return addressee is None or addressee.lower() == self.bot_username.lower()
        if f"@{self.bot_username.lower()}" in text.lower():
            return True
        reply = message.get("reply_to_message")
        return bool(reply and reply.get("from", {}).get("id") == self.bot_id)

    def _enqueue(self, kind: str, payload: JSONDict) -> JSONDict:
        update = {"update_id": self._next_update_id, kind: payload}
        self._next_update_id += 1
        if kind not in self._allowed_updates:
            self.dropped_updates.append(update)
        else:
            self.updates.append(update)
            self._pending.append(update)
        self._notify_soon()
        return update

    def _enqueue_chat_member_change(self, user_id: int, old: str, new: str) -> None:
        user = self._users[user_id]
        chat = self._ensure_private_chat(user_id)
        self._enqueue_member_update(chat, user.json(), old, new)

    def _bot_member(self, status: str) -> JSONDict:
        member: JSONDict = {"user": self.bot_user, "status": status}
        if status == "kicked":
            member["until_date"] = 0
        elif status == "administrator":
            member.update(_BOT_ADMIN_RIGHTS)
        return member

    def _enqueue_member_update(self, chat: _Chat, actor: JSONDict, old: str, new: str) -> JSONDict:
        return self._enqueue(
            "my_chat_member",
            {
                "chat": self._chat_json(chat),
                "from": actor,
                "date": int(time.time()),
                "old_chat_member": self._bot_member(old),
                "new_chat_member": self._bot_member(new),
            },
        )

    def _resolve_chat(self, value: Any) -> _Chat:
        """The chat a bot call targets, with Telegram's access errors."""
        if value is None or value == "":
            raise _bad_request("chat_id is empty")
        if isinstance(value, str):
            name = value.strip().lstrip("@").lower()
            for chat in self._chats.values():
                if chat.username and chat.username.lower() == name and value.startswith("@"):
                    return self._check_chat_access(chat)
            raise _bad_request("chat not found")
        if not isinstance(value, int) or isinstance(value, bool):
            raise _bad_request("chat not found")
        if value > 0:
            if value not in self._users:
                raise _bad_request("chat not found")
            if value in self._blocked:
                raise _forbidden("bot was blocked by the user")
            if value not in self._started:
                raise _forbidden("bot can't initiate conversation with a user")
            return self._ensure_private_chat(value)
        group = self._chats.get(value)
        if group is None:
            raise _bad_request("chat not found")
        return self._check_chat_access(group)

    def _check_chat_access(self, chat: _Chat) -> _Chat:
        if chat.type == "private":
            return self._resolve_chat(chat.id)
        if chat.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.kicked:
            raise _forbidden(f"bot was kicked from the {chat.type} chat")
        if not chat.bot_member:
            raise _forbidden(f"bot is not a member of the {chat.type} chat")
        return chat

    # ---------------------------------------------------------------- validation helpers

    def _validate_reply_markup(self, markup: Any, *, inline_only: bool) -> JSONDict | None:
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            self._validate_inline_keyboard(markup["inline_keyboard"])
            return markup
        if inline_only:
            raise _bad_request("inline keyboard expected")
        if "keyboard" in markup:
            rows = markup["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _bad_request("can't parse reply keyboard markup JSON object")
            for row in rows:
                for button in row:
                    text = button.get("text") if isinstance(button, dict) else button
                    if not isinstance(text, str) or not text:
                        raise _bad_request("can't parse keyboard button: Text must be non-empty")
            return markup
        if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
            return markup
        raise _bad_request("can't parse reply keyboard markup JSON object")

    @staticmethod
    def _validate_inline_keyboard(keyboard: Any) -> None:
        if not isinstance(keyboard, list):
            raise _bad_request(
                'can\'t parse inline keyboard: field "inline_keyboard" must be an Array'
            )
        total = 0
        for row in keyboard:
            if not isinstance(row, list):
                raise _bad_request(
                    "can't parse inline keyboard: InlineKeyboardMarkup row must be an Array"
                )
            if len(row) > MAX_BUTTONS_PER_ROW:
                raise _bad_request(
                    f"too many buttons in a row (at most {MAX_BUTTONS_PER_ROW} are allowed)"
                )
            for button in row:
                total += 1
                if not isinstance(button, dict):
                    raise _bad_request("can't parse inline keyboard button: Object expected")
                text = button.get("text")
                if not isinstance(text, str):
                    raise _bad_request(
                        'can\'t parse inline keyboard button: Field "text" must be of type String'
                    )
                if not text.strip():
                    raise _bad_request("BUTTON_TEXT_INVALID")
                actions = [name for name in INLINE_BUTTON_ACTIONS if name in button]
                if not actions:
                    raise _bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in the "
                        "inline keyboard"
                    )
                if len(actions) > 1:
                    raise _bad_request(
                        "can't parse inline keyboard button: exactly one of "
                        f"{', '.join(INLINE_BUTTON_ACTIONS)} must be specified, got {actions}"
                    )
                if "callback_data" in button:
                    data = button["callback_data"]
                    if not isinstance(data, str) or not (
                        1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES
                    ):
                        raise _bad_request("BUTTON_DATA_INVALID")
                if "url" in button:
                    url = button["url"]
                    if not isinstance(url, str) or _checked_link(url) is None:
                        raise _bad_request(
                            f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL"
                        )
        if total > MAX_BUTTONS_TOTAL:
            raise _bad_request("reply markup is too long")

    def _formatted(self, params: JSONDict) -> tuple[str, str, list[JSONDict]]:
        """(raw text, visible text, entities) with Telegram's errors."""
        text = params.get("text")
        if text is None or text == "":
            raise _bad_request("message text is empty")
        if not isinstance(text, str):
            text = str(text)
        plain, entities = parse_formatted_text(
            text, params.get("parse_mode"), params.get("entities")
        )
        if len(plain) > MAX_TEXT_LENGTH:
            raise _bad_request("message is too long")
        return text, plain, entities

    def _reply_target(self, chat: _Chat, params: JSONDict) -> int | None:
        reply = params.get("reply_parameters")
        allow_missing = bool(params.get("allow_sending_without_reply"))
        quote: str | None = None
        if reply is not None:
            if not isinstance(reply, dict) or not isinstance(reply.get("message_id"), int):
                raise _bad_request("can't parse reply parameters JSON object")
            message_id = int(reply["message_id"])
            allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
            quote = reply.get("quote")
            target_chat = reply.get("chat_id")
            if target_chat is not None and target_chat != chat.id:
                chat = self._resolve_chat(_decode_param("chat_id", target_chat))
        elif params.get("reply_to_message_id") is not None:
            message_id = int(params["reply_to_message_id"])
        else:
            return None
        message = self._messages.get(chat.id, {}).get(message_id)
        if message is None or self._is_deleted(chat.id, message_id):
            if allow_missing:
                return None
            raise _bad_request("message to be replied not found")
        if quote is not None and quote not in str(message.get("text", message.get("caption", ""))):
            raise _bad_request("QUOTE_TEXT_INVALID")
        return message_id

    def _bot_message(self, chat_id: int, message_id: int) -> SentMessage:
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None or self._is_deleted(chat_id, message_id):
            raise _bad_request("message to edit not found")
        sent = self._sent_index.get((chat_id, message_id))
        if sent is None:
            raise _bad_request("message can't be edited")
        return sent

    def _edit_target(self, params: JSONDict) -> tuple[_Chat, SentMessage]:
        if params.get("inline_message_id"):
            raise _bad_request("MESSAGE_ID_INVALID")
        chat = self._resolve_chat(params.get("chat_id"))
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad_request("message identifier is not specified")
        return chat, self._bot_message(chat.id, message_id)

    def _store_edit(
        self,
        sent: SentMessage,
        *,
        text: str,
        plain: str,
        parse_mode: str | None,
        entities: list[JSONDict],
        markup: JSONDict | None,
        link_preview_options: JSONDict | None,
        show_caption_above_media: bool | None = None,
    ) -> JSONDict:
        if (
            plain == sent.plain
            and entities == sent.entities
            and self._shown_markup(markup) == self._shown_markup(sent.reply_markup)
        ):
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        sent.history.append(
            MessageVersion(
                sent.text,
                sent.plain,
                sent.parse_mode,
                copy.deepcopy(sent.reply_markup),
                sent.entities,
                sent.edit_date or sent.date,
            )
        )
        now = int(time.time())
        sent.text, sent.plain, sent.parse_mode = text, plain, parse_mode
        sent.entities, sent.reply_markup, sent.edit_date = entities, markup, now
        if link_preview_options is not None:
            sent.link_preview_options = link_preview_options
        message = self._messages[sent.chat_id][sent.message_id]
        message["edit_date"] = now
        if sent.is_photo:
            self._set_caption(message, plain, entities)
            if show_caption_above_media is not None:
                message.pop("show_caption_above_media", None)
                if show_caption_above_media:
                    message["show_caption_above_media"] = True
        else:
            message["text"] = plain
            if entities:
                message["entities"] = copy.deepcopy(entities)
            else:
                message.pop("entities", None)
        shown = self._shown_markup(markup)
        if shown:
            message["reply_markup"] = shown
        else:
            message.pop("reply_markup", None)
        return copy.deepcopy(message)

    @staticmethod
    def _shown_markup(markup: JSONDict | None) -> JSONDict | None:
        """The part of reply_markup that Telegram keeps on a message (inline keyboards only)."""
        if markup and markup.get("inline_keyboard"):
            return {"inline_keyboard": copy.deepcopy(markup["inline_keyboard"])}
        return None

    @staticmethod
    def _scope_key(scope: Mapping[str, Any] | None) -> str:
        if not scope:
            scope = {"type": "default"}
        return json.dumps(dict(scope), sort_keys=True, separators=(",", ":"))

    def _validate_scope(self, scope: Any) -> JSONDict:
        if scope is None:
            return {"type": "default"}
        if not isinstance(scope, dict) or scope.get("type") not in SCOPE_TYPES:
            raise _bad_request("can't parse BotCommandScope: unsupported type")
        kind = scope["type"]
        if kind in ("chat", "chat_administrators", "chat_member"):
            chat_id = _decode_param("chat_id", scope.get("chat_id"))
            chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
            if chat is None:
                raise _bad_request("chat not found")
            if kind != "chat" and not chat.is_group:
                raise _bad_request("can't use the scope in a private chat")
            if kind == "chat_member" and not isinstance(scope.get("user_id"), int):
                raise _bad_request("user not found")
            return {**scope, "chat_id": chat_id}
        return {**scope}

    @staticmethod
    def _validate_language(params: JSONDict) -> str:
        language = params.get("language_code") or ""
        if not isinstance(language, str) or (language and not re.fullmatch(r"[a-z]{2}", language)):
            raise _bad_request("invalid language code specified")
        return language

    # ---------------------------------------------------------------- Bot API methods

    async def _get_me(self, params: JSONDict) -> JSONDict:
        return self.bot_user | {
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _log_out(self, params: JSONDict) -> bool:
        return True

    async def _close_method(self, params: JSONDict) -> bool:
        return True

    async def _get_updates(self, params: JSONDict) -> list[JSONDict]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = params.get("offset")
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = max(0.0, float(params.get("timeout") or 0))
        allowed = params.get("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
                raise _bad_request("can't parse allowed_updates JSON object")
            known = frozenset(allowed) & UPDATE_TYPES
            self._allowed_updates = known or DEFAULT_UPDATE_TYPES
        if isinstance(offset, int) and offset != 0:
            if offset < 0:
                self._pending = self._pending[offset:]
            else:
                self._pending = [u for u in self._pending if u["update_id"] >= offset]

        self._poll_generation += 1
        generation = self._poll_generation
        self._polls_in_flight += 1
        try:
            return await self._long_poll(generation, limit, timeout)
        finally:
            self._polls_in_flight -= 1

    async def _long_poll(self, generation: int, limit: int, timeout: float) -> list[JSONDict]:
        async with self._changed:
            self._changed.notify_all()  # confirmation happened; also supersedes older polls
            if not self._pending and timeout > 0 and not self._closing:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(timeout):
                        await self._changed.wait_for(
                            lambda: (
                                bool(self._pending)
                                or self._closing
                                or generation != self._poll_generation
                            )
                        )
        if generation != self._poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot "
                "instance is running",
            )
        if self._closing:
            return []
        return copy.deepcopy(self._pending[:limit])

    async def _set_webhook(self, params: JSONDict) -> bool:
        url = params.get("url") or ""
        if not url:
            return await self._delete_webhook(params)
        if not isinstance(url, str) or not url.startswith("https://"):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        port_match = re.match(r"https://[^/:]+(?::(\d+))?", url)
        port = int(port_match.group(1)) if port_match and port_match.group(1) else 443
        if port not in (80, 88, 443, 8443):
            raise _bad_request(
                "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"
            )
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise _bad_request("bad webhook: secret token contains unallowed characters")
        allowed = params.get("allowed_updates")
        if allowed is not None:  # like getUpdates: the types the bot will be sent from now on
            if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
                raise _bad_request("can't parse allowed_updates JSON object")
            self._allowed_updates = (frozenset(allowed) & UPDATE_TYPES) or DEFAULT_UPDATE_TYPES
        if params.get("drop_pending_updates"):
            self._pending.clear()
        self.webhook = {
            key: params[key]
            for key in ("url", "secret_token", "max_connections", "allowed_updates", "ip_address")
            if key in params
        }
        self._poll_generation += 1  # a webhook terminates a pending getUpdates
        return True

    async def _delete_webhook(self, params: JSONDict) -> bool:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _get_webhook_info(self, params: JSONDict) -> JSONDict:
        info: JSONDict = {
            "url": (self.webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if self.webhook:
            for key in ("max_connections", "allowed_updates", "ip_address"):
                if key in self.webhook:
                    info[key] = self.webhook[key]
            if self._last_webhook_error is not None:
                info["last_error_date"], info["last_error_message"] = self._last_webhook_error
        return info

    async def _send_message(self, params: JSONDict) -> JSONDict:
        text, plain, entities = self._formatted(params)
        markup = self._validate_reply_markup(params.get("reply_markup"), inline_only=False)
        link_preview = params.get("link_preview_options")
        if link_preview is not None and not isinstance(link_preview, dict):
            raise _bad_request("can't parse link preview options JSON object")
        chat = self._resolve_chat(params.get("chat_id"))
        reply_to = self._reply_target(chat, params)
        self._check_rate_limits("sendMessage", chat)

        message_id = self._new_message_id(chat.id)
        date = int(time.time())
        message: JSONDict = {
            "message_id": message_id,
            "from": self.bot_user,
            "chat": self._chat_json(chat),
            "date": date,
        }
        if reply_to is not None:
            message["reply_to_message"] = self._without_reply(self._messages[chat.id][reply_to])
        message["text"] = plain
        if entities:
            message["entities"] = copy.deepcopy(entities)
        if link_preview:
            message["link_preview_options"] = link_preview
        shown = self._shown_markup(markup)
        if shown:
            message["reply_markup"] = shown
        self._messages[chat.id][message_id] = message

        sent = SentMessage(
            chat_id=chat.id,
            message_id=message_id,
            text=text,
            plain=plain,
            parse_mode=params.get("parse_mode"),
            reply_to_message_id=reply_to,
            reply_markup=markup,
            entities=entities,
            disable_notification=bool(params.get("disable_notification")),
            link_preview_options=link_preview,
            date=date,
        )
        self.sent.append(sent)
        self._sent_index[(chat.id, message_id)] = sent
        return copy.deepcopy(message)

    async def _edit_message_text(self, params: JSONDict) -> JSONDict:
        text, plain, entities = self._formatted(params)
        markup = self._validate_reply_markup(params.get("reply_markup"), inline_only=True)
        link_preview = params.get("link_preview_options")
        _, sent = self._edit_target(params)
        if sent.is_photo:
            raise _bad_request("there is no text in the message to edit")
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        return self._store_edit(
            sent,
            text=text,
            plain=plain,
            parse_mode=params.get("parse_mode"),
            entities=entities,
            markup=markup,
            link_preview_options=link_preview if isinstance(link_preview, dict) else None,
        )

    async def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        markup = self._validate_reply_markup(params.get("reply_markup"), inline_only=True)
        _, sent = self._edit_target(params)
        return self._store_edit(
            sent,
            text=sent.text,
            plain=sent.plain,
            parse_mode=sent.parse_mode,
            entities=sent.entities,
            markup=markup,
            link_preview_options=None,
        )

    async def _edit_message_caption(self, params: JSONDict) -> JSONDict:
        caption, plain, entities = self._caption(params)
        markup = self._validate_reply_markup(params.get("reply_markup"), inline_only=True)
        _, sent = self._edit_target(params)
        if not sent.is_photo:
            raise _bad_request("there is no caption in the message to edit")
        above = params.get("show_caption_above_media")
        return self._store_edit(
            sent,
            text=caption,
            plain=plain,
            parse_mode=params.get("parse_mode"),
            entities=entities,
            markup=markup,
            link_preview_options=None,
            show_caption_above_media=bool(above) if above is not None else None,
        )

    # -- photos -------------------------------------------------------------------------------
    def _caption(self, params: JSONDict) -> tuple[str, str, list[JSONDict]]:
        """(raw caption, visible caption, entities); an empty caption is no caption."""
        caption = params.get("caption")
        if caption is None or caption == "":
            return "", "", []
        caption = str(caption)
        try:
            plain, entities = parse_formatted_text(
                caption, params.get("parse_mode"), params.get("caption_entities")
            )
        except ApiError as error:
            if error.description == "Bad Request: message text is empty":
                return caption, "", []  # only markup or spaces: Telegram shows no caption
            raise
        if len(plain) > MAX_CAPTION_LENGTH:
            raise _bad_request("message caption is too long")
        return caption, plain, entities

    @staticmethod
    def _set_caption(message: JSONDict, plain: str, entities: list[JSONDict]) -> None:
        message.pop("caption", None)
        message.pop("caption_entities", None)
        if plain:
            message["caption"] = plain
            if entities:
                message["caption_entities"] = copy.deepcopy(entities)

    def _photo_input(self, params: JSONDict) -> tuple[_StoredPhoto, str | None]:
        """The photo of a sendPhoto call (upload, attach://, file_id or URL), checked like
        Telegram: a real PNG/JPEG, at most 10 MB, width + height <= 10000, ratio <= 20."""
        value = params.get("photo")
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value[len("attach://") :])
        if value is None or value == "":
            raise _bad_request("there is no photo in the request")
        if isinstance(value, str):
            known = self._photos.get(value)
            if known is not None:
                return known, value
            if re.match(r"https?://", value):
                data = self.served_urls.get(value)
                if data is None:
                    raise _bad_request("failed to get HTTP URL content")
            else:
                raise _bad_request("wrong file identifier/HTTP URL specified")
        elif isinstance(value, dict) and isinstance(value.get("data"), bytes):
            data = value["data"]
        else:
            raise _bad_request("wrong file identifier/HTTP URL specified")
        if not data:
            raise _bad_request("file must be non-empty")
        if len(data) > MAX_PHOTO_BYTES:
            raise _bad_request("PHOTO_SAVE_FILE_INVALID")
        info = image_info(data)
        if info is None or info[1] <= 0 or info[2] <= 0:
            raise _bad_request("IMAGE_PROCESS_FAILED")
        kind, width, height = info
        if width + height > MAX_PHOTO_WIDTH_PLUS_HEIGHT or max(
            width, height
        ) > MAX_PHOTO_RATIO * min(width, height):
            raise _bad_request("PHOTO_INVALID_DIMENSIONS")
        unique = "AQAD" + hashlib.sha256(data).hexdigest()[:12]
        return _StoredPhoto(data, kind, width, height, unique), None

    def _photo_sizes(self, photo: _StoredPhoto) -> list[JSONDict]:
        """PhotoSize objects, smallest first, like Telegram's thumbnails and its largest copy."""
        longest = max(photo.width, photo.height)
        sides = [side for side in PHOTO_THUMBNAIL_SIDES if side < longest]
        sides.append(min(longest, MAX_PHOTO_SIDE))
        sizes: list[JSONDict] = []
        for side in sides:
            scale = side / longest
            file_id = f"AgACAgIAAxkBAAI{next(self._file_ids):08d}"
            self._photos[file_id] = photo
            sizes.append(
                {
                    "file_id": file_id,
                    "file_unique_id": f"{photo.unique_id}{side}",
                    "file_size": max(1, round(len(photo.data) * scale * scale)),
                    "width": max(1, round(photo.width * scale)),
                    "height": max(1, round(photo.height * scale)),
                }
            )
        return sizes

    async def _send_photo(self, params: JSONDict) -> JSONDict:
        photo, _ = self._photo_input(params)
        caption, plain, entities = self._caption(params)
        markup = self._validate_reply_markup(params.get("reply_markup"), inline_only=False)
        chat = self._resolve_chat(params.get("chat_id"))
        reply_to = self._reply_target(chat, params)
        self._check_rate_limits("sendPhoto", chat)

        message_id = self._new_message_id(chat.id)
        date = int(time.time())
        sizes = self._photo_sizes(photo)
        message: JSONDict = {
            "message_id": message_id,
            "from": self.bot_user,
            "chat": self._chat_json(chat),
            "date": date,
        }
        if reply_to is not None:
            message["reply_to_message"] = self._without_reply(self._messages[chat.id][reply_to])
        message["photo"] = sizes
        self._set_caption(message, plain, entities)
        if params.get("show_caption_above_media"):
            message["show_caption_above_media"] = True
        if params.get("has_spoiler"):
            message["has_media_spoiler"] = True
        shown = self._shown_markup(markup)
        if shown:
            message["reply_markup"] = shown
        self._messages[chat.id][message_id] = message
        sent = SentMessage(
            chat_id=chat.id,
            message_id=message_id,
            text=caption,
            plain=plain,
            parse_mode=params.get("parse_mode"),
            reply_to_message_id=reply_to,
            reply_markup=markup,
            entities=entities,
            disable_notification=bool(params.get("disable_notification")),
            date=date,
            photo=photo.data,
            photo_width=photo.width,
            photo_height=photo.height,
            photo_file_id=sizes[-1]["file_id"],
        )
        self.sent.append(sent)
        self._sent_index[(chat.id, message_id)] = sent
        return copy.deepcopy(message)

    async def _get_file(self, params: JSONDict) -> JSONDict:
        file_id = str(params.get("file_id") or "")
        photo = self._photos.get(file_id)
        if photo is None:
            raise _bad_request("invalid file_id")
        path = f"photos/file_{file_id[-8:]}.{'jpg' if photo.kind == 'jpeg' else photo.kind}"
        self._file_paths[path] = file_id
        return {
            "file_id": file_id,
            "file_unique_id": photo.unique_id,
            "file_size": len(photo.data),
            "file_path": path,
        }

    async def _delete_message(self, params: JSONDict) -> bool:
        chat = self._resolve_chat(params.get("chat_id"))
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad_request("message identifier is not specified")
        message = self._messages.get(chat.id, {}).get(message_id)
        if message is None or self._is_deleted(chat.id, message_id):
            raise _bad_request("message to delete not found")
        sent = self._sent_index.get((chat.id, message_id))
        if sent is None:
            if chat.is_group and not chat.bot_is_admin:
                raise _bad_request("message can't be deleted")
            del self._messages[chat.id][message_id]
        else:
            sent.deleted = True
        return True

    async def _answer_callback_query(self, params: JSONDict) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        query = self._callbacks.get(query_id)
        expired = (
            query is not None
            and self.callback_query_ttl is not None
            and self._clock() - query.created > self.callback_query_ttl
        )
        if query is None or query.answer is not None or expired:
            raise _bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad_request("MESSAGE_TOO_LONG")
        url = params.get("url")
        if url is not None and not re.match(r"https?://t\.me/", str(url)):
            raise _bad_request("URL_INVALID")
        query.answer = dict(params)
        return True

    async def _send_chat_action(self, params: JSONDict) -> bool:
        action = params.get("action")
        if action not in CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        self._resolve_chat(params.get("chat_id"))
        return True

    async def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands", [])
        if not isinstance(commands, list):
            raise _bad_request("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise _bad_request("too many commands")
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand: Object expected")
            for name in ("command", "description"):
                if not isinstance(command.get(name), str):
                    raise _bad_request(f"can't parse BotCommand: Can't find field \"{name}\"")
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command["command"]):
                raise _bad_request("BOT_COMMAND_INVALID")
            description = command["description"].strip()
            if not description:
                raise _bad_request("command description must be non-empty")
            if len(description) > 256:
                raise _bad_request("command description is too long")
        scope = self._validate_scope(params.get("scope"))
        language = self._validate_language(params)
        key = (self._scope_key(scope), language)
        if commands:
            self.commands_by_scope[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        else:
            self.commands_by_scope.pop(key, None)
        return True

    async def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        scope = self._validate_scope(params.get("scope"))
        language = self._validate_language(params)
        return copy.deepcopy(self.commands_by_scope.get((self._scope_key(scope), language), []))

    async def _delete_my_commands(self, params: JSONDict) -> bool:
        scope = self._validate_scope(params.get("scope"))
        language = self._validate_language(params)
        self.commands_by_scope.pop((self._scope_key(scope), language), None)
        return True
