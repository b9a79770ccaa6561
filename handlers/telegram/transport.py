"""Delivering outbox notifications to Telegram: the group feed, replies under a deal's first
post, and private chats; Telegram's failures translated for the dispatcher; sends paced."""

from __future__ import annotations

import asyncio
import bisect
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from dealbot.domain.outbox import Envelope
from dealbot.handlers.telegram import html, keyboards
from dealbot.handlers.transport import DeliveryError, Placement, Unreachable
from dealbot.handlers.ui import Message

PLATFORM = "telegram"


@dataclass(frozen=True)
class Pacing:
    """Telegram's flood limits, kept with a margin rather than discovered through 429s."""

    per_chat_interval: float = 1.0
    per_group_per_minute: int = 20
    overall_per_second: int = 30
    # Requests do not arrive exactly as spaced here; a little slack keeps them under the limit.
    margin: float = 0.15


@dataclass
class Pacer:
    """Hands out send times; a chat waiting for its turn does not hold up other chats."""

    pacing: Pacing = field(default_factory=Pacing)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    _last: dict[int, float] = field(default_factory=dict)
    _group: dict[int, deque[float]] = field(default_factory=dict)
    _overall: list[float] = field(default_factory=list)

    def reserve(self, chat_id: int) -> float:
        """The earliest time a message to `chat_id` may go, booked for it."""
        now = self.clock()
        margin = self.pacing.margin
        at = max(now, self._last.get(chat_id, -1e9) + self.pacing.per_chat_interval + margin)
        if chat_id < 0:
            window = self._group.setdefault(chat_id, deque())
            while window and window[0] <= now - 60.0:
                window.popleft()
            if len(window) >= self.pacing.per_group_per_minute:
                at = max(at, window[-self.pacing.per_group_per_minute] + 60.0 + margin)
        del self._overall[: bisect.bisect_right(self._overall, now - 1.0)]
        limit = self.pacing.overall_per_second
        # Fewer than `limit` others within a second either side: no one-second window overflows.
        while (
            bisect.bisect_left(self._overall, at + 1.0)
            - bisect.bisect_right(self._overall, at - 1.0)
            >= limit
        ):
            at += 1.0 / limit
        self._last[chat_id] = at
        if chat_id < 0:
            self._group[chat_id].append(at)
        bisect.insort(self._overall, at)
        return at

    async def wait(self, chat_id: int) -> None:
        delay = self.reserve(chat_id) - self.clock()
        if delay > 0:
            await self.sleep(delay)


def _retry_after(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type becomes timedelta; take both
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramTransport:
    platform = PLATFORM

    def __init__(self, bot: Bot, pacer: Pacer | None = None) -> None:
        self.bot = bot
        self.pacer = pacer or Pacer()

    def address(self, envelope: Envelope) -> str | None:
        if envelope.to_feed:
            chat = envelope.feed.telegram_chat
            return str(chat) if chat is not None else None
        recipient = envelope.recipient
        if recipient is None or recipient.telegram_user is None:
            return None
        return str(recipient.telegram_user)

    async def send(
        self, envelope: Envelope, address: str, message: Message, placement: Placement
    ) -> str | None:
        chat_id = int(address)
        reply = (
            ReplyParameters(int(placement.thread_root), allow_sending_without_reply=True)
            if placement.thread_root
            else None
        )
        chunks = html.render(message)
        first: str | None = None
        for number, text in enumerate(chunks, 1):
            markup = keyboards.message_buttons(message.buttons) if number == len(chunks) else None
            await self.pacer.wait(chat_id)
            sent_id = await self._send(chat_id, text, markup, reply, private=chat_id > 0)
            first = first or sent_id
        return first

    async def _send(
        self,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        reply: ReplyParameters | None,
        *,
        private: bool,
    ) -> str:
        try:
            sent = await self.bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                reply_parameters=reply,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except Forbidden as error:
            # Never started the bot, or blocked it: keep the notification until they start it.
            raise Unreachable(str(error)) from error
        except RetryAfter as error:
            raise DeliveryError(
                str(error), transient=True, retry_after=_retry_after(error)
            ) from error
        except BadRequest as error:
            if private and "chat not found" in error.message.lower():
                raise Unreachable(str(error)) from error
            raise DeliveryError(str(error), transient=False) from error
        except NetworkError as error:  # includes TimedOut and 5xx answers
            raise DeliveryError(str(error), transient=True) from error
        except TelegramError as error:
            raise DeliveryError(str(error), transient=True) from error
        return str(sent.message_id)
