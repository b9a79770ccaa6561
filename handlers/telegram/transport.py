"""Delivering outbox notifications to Telegram: the group feed, replies under a deal's first
post, and private chats; charts as photos (sendPhoto) with their captions; Telegram's failures
translated for the dispatcher; sends paced."""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

from dealbot.domain.outbox.delivery import Envelope
from dealbot.handlers.charts import Chart, ChartRenderer, shared_renderer
from dealbot.handlers.core.transport import (
    NOT_DRAWN,
    ChatMoved,
    ClaimLost,
    DeliveryError,
    PartsSent,
    PlaceGone,
    Placement,
    Unreachable,
)
from dealbot.handlers.core.ui import Message
from dealbot.handlers.telegram import html, keyboards

PLATFORM = "telegram"
# Answers to an edit that mean there is nothing (more) to change: it is done.
GONE_CARDS = (
    "message is not modified",
    "message to edit not found",
    "message can't be edited",
)


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


@dataclass(frozen=True)
class _Part:
    """One Telegram message of a delivery: a text, or a photo of `chart` captioned `html`.

    `essential`: the caption says what nothing else does, so it goes as a text when the chart
    cannot be drawn. `buttons`: the message's buttons ride on this part."""

    html: str
    chart: Chart | None = None
    essential: bool = True
    buttons: bool = False


def parts_of(message: Message) -> list[_Part]:
    """How a message goes out, the same on every attempt (a retry counts on it).

    Without charts: its text, split at 4096 characters. With charts, a text that fits a
    caption (1024) is the first photo's caption; a longer one goes first, beside the photos,
    which are then captioned with the chart in words."""
    if not message.charts:
        chunks = html.render(message)
        return [_Part(chunk, buttons=n == len(chunks) - 1) for n, chunk in enumerate(chunks)]
    if not message.plain():
        count = len(message.charts)
        return [
            _Part(html.chart_caption(chart), chart, buttons=n == count - 1)
            for n, chart in enumerate(message.charts)
        ]
    pictures = [
        _Part(html.chart_caption(chart), chart, essential=False) for chart in message.charts
    ]
    captions = html.render(message, limit=html.MAX_CAPTION)
    if len(captions) == 1:
        return [_Part(captions[0], message.charts[0], buttons=True), *pictures[1:]]
    chunks = html.render(message)
    texts = [_Part(chunk, buttons=n == len(chunks) - 1) for n, chunk in enumerate(chunks)]
    return [*texts, *pictures]


def _retry_after(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type becomes timedelta; take both
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramTransport:
    platform = PLATFORM

    def __init__(
        self, bot: Bot, pacer: Pacer | None = None, charts: ChartRenderer | None = None
    ) -> None:
        self.bot = bot
        self.pacer = pacer or Pacer()
        self.charts = charts or shared_renderer()

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        """Each part once (a chunk of a long text, a photo): a retry sends only those not out."""
        chat_id = int(envelope.address)
        reply = (
            ReplyParameters(int(placement.thread_root), allow_sending_without_reply=True)
            if placement.thread_root
            else None
        )
        parts = parts_of(message)
        ids = list(envelope.external_ids[: envelope.parts_sent])
        for number in range(len(ids), len(parts)):
            part = parts[number]
            markup = keyboards.message_buttons(message.buttons) if part.buttons else None
            ids.append(await self._send_part(chat_id, part, markup, reply))
            if number < len(parts) - 1 and not await parts_sent(ids):
                raise ClaimLost()
        return ids

    async def _send_part(
        self,
        chat_id: int,
        part: _Part,
        markup: InlineKeyboardMarkup | None,
        reply: ReplyParameters | None,
    ) -> str:
        png = await self.charts.png(part.chart) if part.chart is not None else None
        if part.chart is not None and png is None and not part.essential:
            return NOT_DRAWN  # the text beside it has the numbers; the log says why
        await self.pacer.wait(chat_id)
        if png is None:
            return await self._send(chat_id, part.html, markup, reply)
        with _translated(private=chat_id > 0):
            sent = await self.bot.send_photo(
                chat_id,
                png,
                caption=part.html,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                reply_parameters=reply,
                filename="dealbot-chart.png",
            )
        return str(sent.message_id)

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        """The card's last part (the one with the buttons) shows the new message."""
        chat_id = int(envelope.address)
        await self.pacer.wait(chat_id)
        try:
            await self.bot.edit_message_text(
                html.render(message)[0],
                chat_id=chat_id,
                message_id=int(card_ids[-1]),
                parse_mode=ParseMode.HTML,
                reply_markup=keyboards.message_buttons(message.buttons),
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except BadRequest as error:
            text = error.message.lower()
            if any(gone in text for gone in GONE_CARDS):
                return
            raise DeliveryError(str(error), transient=False) from error
        except RetryAfter as error:
            raise DeliveryError(
                str(error), transient=True, retry_after=_retry_after(error)
            ) from error
        except (Forbidden, ChatMigrated) as error:
            raise PlaceGone(str(error)) from error
        except TelegramError as error:
            raise DeliveryError(str(error), transient=True) from error

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        # The Bot API cannot read a chat back: a kill between Telegram taking a message and
        # the bot recording it sends that one message again (at-least-once, see the README).
        return None

    async def _send(
        self,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        reply: ReplyParameters | None,
    ) -> str:
        with _translated(private=chat_id > 0):
            sent = await self.bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                reply_parameters=reply,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        return str(sent.message_id)


@contextlib.contextmanager
def _translated(*, private: bool) -> Iterator[None]:
    """Telegram's failures of a send, as the dispatcher acts on them."""
    try:
        yield
    except ChatMigrated as error:
        raise ChatMoved(str(error), str(error.new_chat_id)) from error
    except Forbidden as error:
        if private:  # never started the bot, or blocked it: wait until they start it
            raise Unreachable(str(error)) from error
        raise PlaceGone(str(error)) from error  # removed from the group
    except RetryAfter as error:
        raise DeliveryError(str(error), transient=True, retry_after=_retry_after(error)) from error
    except BadRequest as error:
        if "chat not found" in error.message.lower():
            if private:
                raise Unreachable(str(error)) from error
            raise PlaceGone(str(error)) from error
        raise DeliveryError(str(error), transient=False) from error
    except TimedOut as error:  # the request went out; Telegram may have taken it
        raise DeliveryError(str(error), transient=True, maybe_sent=True) from error
    except NetworkError as error:  # includes 5xx answers
        raise DeliveryError(str(error), transient=True) from error
    except TelegramError as error:
        raise DeliveryError(str(error), transient=True) from error
