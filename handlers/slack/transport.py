"""Outbox notifications delivered to Slack: the feed channel, deal threads and DMs; charts as
PNG files shared into the DM (files_upload_v2, with alt text) after the message's text."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.domain.outbox.delivery import Envelope
from dealbot.handlers.charts import Chart, ChartRenderer, shared_renderer
from dealbot.handlers.core.transport import (
    NOT_DRAWN,
    ClaimLost,
    DeliveryError,
    PartsSent,
    PlaceGone,
    Placement,
)
from dealbot.handlers.core.ui import Message
from dealbot.handlers.slack.blocks import render

log = logging.getLogger(__name__)

JSON = dict[str, Any]

# Slack answers these when the workspace itself is struggling; anything else is our mistake.
TRANSIENT_ERRORS = {"ratelimited", "internal_error", "fatal_error", "service_unavailable"}


@dataclass
class _Bucket:
    tokens: float
    updated: float
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class ChannelPacer:
    """About `per_second` posts per channel, with short bursts, as Slack's limit asks."""

    def __init__(self, per_second: float = 1.0, burst: int = 3) -> None:
        self.per_second = per_second
        self.burst = burst
        self._buckets: dict[str, _Bucket] = {}

    async def wait(self, channel: str) -> None:
        bucket = self._buckets.setdefault(channel, _Bucket(float(self.burst), time.monotonic()))
        async with bucket.lock:
            while True:
                now = time.monotonic()
                bucket.tokens = min(
                    float(self.burst), bucket.tokens + (now - bucket.updated) * self.per_second
                )
                bucket.updated = now
                if bucket.tokens >= 1.0:
                    bucket.tokens -= 1.0
                    return
                await asyncio.sleep((1.0 - bucket.tokens) / self.per_second)


# The place is gone for good: the bot was removed, the channel archived or deleted.
PLACE_GONE = {
    "channel_not_found",
    "is_archived",
    "not_in_channel",
    "channel_is_archived",
    "user_not_found",
    "user_disabled",
    "account_inactive",
}


def delivery_error(error: Exception) -> DeliveryError:
    """A Slack or network failure sorted into try-again-later, give-up, or the place is gone."""
    if isinstance(error, SlackApiError):
        response = error.response
        # An unreadable body leaves slack_sdk holding the raw aiohttp response instead.
        status = int(getattr(response, "status_code", None) or getattr(response, "status", 0) or 0)
        data = getattr(response, "data", None)
        code = str(data.get("error", "")) if isinstance(data, dict) else ""
        headers = getattr(response, "headers", None) or {}
        if status == 429 or code == "ratelimited":
            header = headers.get("Retry-After") or headers.get("retry-after")
            retry_after = float(header) if header else 1.0
            return DeliveryError(f"slack 429 {code}", transient=True, retry_after=retry_after)
        if code in PLACE_GONE:
            return PlaceGone(f"slack {status} {code}")
        transient = status >= 500 or code in TRANSIENT_ERRORS
        # A 5xx may come after Slack posted the message; the next attempt reads back first.
        return DeliveryError(
            f"slack {status} {code or 'error'}", transient=transient, maybe_sent=status >= 500
        )
    # The request may have reached Slack before the connection failed.
    return DeliveryError(f"network: {error!r}", transient=True, maybe_sent=True)


# A card deleted or too old to change: nothing left to edit, so the edit is done.
GONE_CARDS = {"message_not_found", "cant_update_message", "edit_window_closed"}
METADATA_EVENT = "dealbot_delivery"
# How many messages a read-back asks for: what the strictest tier of history allows (15).
READ_BACK_LIMIT = 15


def delivery_metadata(key: str) -> JSON:
    """Carried on every post, so that a resend can find out whether Slack already has it."""
    return {"event_type": METADATA_EVENT, "event_payload": {"key": key}}


def maybe_sent(error: Exception) -> bool:
    """Whether Slack may have taken a message whose send raised `error`."""
    if isinstance(error, SlackApiError):
        return delivery_error(error).maybe_sent
    return isinstance(error, TimeoutError | aiohttp.ClientError | OSError)


class SlackTransport:
    platform = "slack"

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        pacer: ChannelPacer | None = None,
        after_dm: Callable[[str], Awaitable[None]] | None = None,
        charts: ChartRenderer | None = None,
    ) -> None:
        self.client = client
        self.pacer = pacer or ChannelPacer()
        self.charts = charts or shared_renderer()
        # Called with the Slack user id after a DM lands (their Home tab may show it now).
        self.after_dm = after_dm
        self._dm_channels: dict[str, str] = {}
        self._background: set[asyncio.Task[None]] = set()

    async def _channel(self, envelope: Envelope) -> str:
        """A DM goes to the user's D… channel (conversations.open); a post to the channel."""
        if envelope.to_feed:
            return envelope.address
        user = envelope.address
        channel = self._dm_channels.get(user)
        if channel is None:
            opened = await self.client.conversations_open(users=user)
            channel = str(opened["channel"]["id"])
            self._dm_channels[user] = channel
        return channel

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        """The text as one post, then each chart as a file shared right after it.

        Each part is recorded as it goes, so a retry posts only what is missing. The post
        carries the delivery's key in its metadata and is looked for before a resend; a file
        share cannot carry metadata, so a process killed while Slack shares a file may share
        it twice (at-least-once, as on Telegram).
        """
        ids = list(envelope.external_ids[: envelope.parts_sent])
        has_text = bool(message.plain()) or not message.charts
        try:
            channel = await self._channel(envelope)
            if has_text and not ids:
                ids.append(await self._post(channel, envelope.key, message, placement))
                if message.charts and not await parts_sent(ids):
                    raise ClaimLost()
            done = len(ids) - int(has_text)
            for number in range(done, len(message.charts)):
                ids.append(await self._share(channel, message.charts[number], number, placement))
                if number < len(message.charts) - 1 and not await parts_sent(ids):
                    raise ClaimLost()
        except (TimeoutError, SlackApiError, aiohttp.ClientError, OSError) as error:
            raise delivery_error(error) from error
        if not envelope.to_feed and self.after_dm is not None:
            self._spawn(self.after_dm(envelope.address))
        return ids

    async def _post(self, channel: str, key: str, message: Message, placement: Placement) -> str:
        blocks, text = render(message)
        await self.pacer.wait(channel)
        response = await self.client.chat_postMessage(
            channel=channel,
            text=text,
            blocks=blocks,
            thread_ts=placement.thread_root,
            reply_broadcast=placement.broadcast if placement.thread_root else None,
            unfurl_links=False,
            unfurl_media=False,
            metadata=delivery_metadata(key),
        )
        return str(response["ts"])

    async def _share(self, channel: str, chart: Chart, number: int, placement: Placement) -> str:
        """The chart drawn and shared as a PNG file with its words as alt text; `NOT_DRAWN`
        when it cannot be drawn (the text already said its numbers; the log says why)."""
        png = await self.charts.png(chart)
        if png is None:
            return NOT_DRAWN
        await self.pacer.wait(channel)
        try:
            response = await self.client.files_upload_v2(
                channel=channel,
                file=png,
                filename=f"dealbot-chart-{number + 1}.png",
                title=chart.title,
                alt_txt=chart.alt_text(),
                thread_ts=placement.thread_root,
            )
        except SlackRequestError as error:
            # slack_sdk's own error for the byte upload in between: nothing was shared yet.
            raise DeliveryError(f"slack file upload: {error}", transient=True) from error
        return str(response["file"]["id"])

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        blocks, text = render(message)
        try:
            channel = await self._channel(envelope)
            await self.pacer.wait(channel)
            await self.client.chat_update(channel=channel, ts=card_ids[0], text=text, blocks=blocks)
            if not envelope.to_feed and self.after_dm is not None:
                self._spawn(self.after_dm(envelope.address))  # the Home tab lists the card
        except SlackApiError as error:
            code = str((getattr(error.response, "data", None) or {}).get("error", ""))
            if code in GONE_CARDS:
                log.info("card %s on Slack cannot change any more: %s", card_ids[0], code)
                return
            raise delivery_error(error) from error
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            raise delivery_error(error) from error

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        """Whether an earlier attempt got through: the message carrying this delivery's key.

        Thread replies are read with conversations.replies, posts with conversations.history,
        from just before the first attempt.
        """
        started = envelope.first_attempt_at
        oldest = f"{started.timestamp() - 60:.6f}" if started else None
        try:
            channel = await self._channel(envelope)
            if placement.thread_root:
                found = await self.client.conversations_replies(
                    channel=channel,
                    ts=placement.thread_root,
                    oldest=oldest,
                    limit=READ_BACK_LIMIT,
                    include_all_metadata=True,
                )
            else:
                found = await self.client.conversations_history(
                    channel=channel, oldest=oldest, limit=READ_BACK_LIMIT, include_all_metadata=True
                )
        except (TimeoutError, SlackApiError, aiohttp.ClientError, OSError) as error:
            failure = delivery_error(error)
            if failure.transient:
                raise failure from error
            # No history scope, or no such method: the message cannot be looked for, so it is
            # sent again (at-least-once, as on Telegram) rather than never.
            log.warning("cannot read back %s on Slack: %s", envelope.key, failure)
            return None
        for posted in found.get("messages") or []:
            metadata = posted.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == METADATA_EVENT and payload.get("key") == envelope.key:
                return [str(posted["ts"])]
        return None

    def _spawn(self, work: Awaitable[None]) -> None:
        async def run() -> None:
            try:
                await work
            except Exception:
                log.exception("after-DM work failed")

        task = asyncio.create_task(run())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def close(self) -> None:
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
