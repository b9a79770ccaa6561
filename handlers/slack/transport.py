"""Outbox notifications delivered to Slack: the feed channel, deal threads and DMs."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from dealbot.domain.outbox import Envelope
from dealbot.handlers.slack.blocks import render
from dealbot.handlers.transport import DeliveryError, Placement
from dealbot.handlers.ui import Message

log = logging.getLogger(__name__)

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


def delivery_error(error: Exception) -> DeliveryError:
    """A Slack or network failure sorted into try-again-later or give-up."""
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
        transient = status >= 500 or code in TRANSIENT_ERRORS
        return DeliveryError(f"slack {status} {code or 'error'}", transient=transient)
    return DeliveryError(f"network: {error!r}", transient=True)


class SlackTransport:
    platform = "slack"

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        pacer: ChannelPacer | None = None,
        after_dm: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        self.client = client
        self.pacer = pacer or ChannelPacer()
        # Called with the Slack user id after a DM lands (their Home tab may show it now).
        self.after_dm = after_dm
        self._dm_channels: dict[str, str] = {}
        self._background: set[asyncio.Task[None]] = set()

    def address(self, envelope: Envelope) -> str | None:
        if envelope.to_feed:
            return envelope.feed.slack_channel
        return envelope.recipient.slack_user if envelope.recipient else None

    async def _dm_channel(self, user: str) -> str:
        channel = self._dm_channels.get(user)
        if channel is None:
            opened = await self.client.conversations_open(users=user)
            channel = str(opened["channel"]["id"])
            self._dm_channels[user] = channel
        return channel

    async def send(
        self, envelope: Envelope, address: str, message: Message, placement: Placement
    ) -> str:
        blocks, text = render(message)
        try:
            is_dm = not envelope.to_feed
            channel = await self._dm_channel(address) if is_dm else address
            await self.pacer.wait(channel)
            response = await self.client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                thread_ts=placement.thread_root,
                reply_broadcast=placement.broadcast if placement.thread_root else None,
                unfurl_links=False,
            )
        except (SlackApiError, aiohttp.ClientError, OSError) as error:
            raise delivery_error(error) from error
        if is_dm and self.after_dm is not None:
            self._spawn(self.after_dm(address))
        return str(response["ts"])

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
