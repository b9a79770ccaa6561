"""Delivers outbox deliveries: in order per place, once per platform and address, retried,
never twice, and only for the platforms this process serves."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeVar

from dealbot.domain.core.clock import Clock, SystemClock
from dealbot.domain.core.routing import Placement as RoutePlacement
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox import delivery
from dealbot.domain.outbox.delivery import Envelope
from dealbot.domain.outbox.models import DeliveryState
from dealbot.domain.outbox.notify import Outbox
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.registry import Note
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.transport import (
    ChatMoved,
    ClaimLost,
    DeliveryError,
    PlaceGone,
    Placement,
    Transport,
    Unreachable,
)
from dealbot.handlers.core.ui import Message

log = logging.getLogger(__name__)

T = TypeVar("T")
THREADED = {RoutePlacement.THREAD.value, RoutePlacement.BROADCAST.value}


@dataclass(frozen=True)
class DeliveryPolicy:
    """How long a claim lasts and how long failures are retried (PRODUCT.md §8)."""

    lease: timedelta = timedelta(seconds=20)
    max_attempts: int = 60
    retry_for: timedelta = timedelta(hours=24)
    max_backoff: float = 900.0
    # How long a thread reply waits before looking again for its thread's first post.
    thread_wait: timedelta = timedelta(seconds=1)


class Dispatcher:
    def __init__(
        self,
        sessions: SessionFactory,
        transports: Sequence[Transport],
        router: Router,
        outbox: Outbox,
        *,
        holder: str,
        clock: Clock | None = None,
        policy: DeliveryPolicy | None = None,
        parallel: bool = True,
    ) -> None:
        self.sessions = sessions
        self.transports = {t.platform: t for t in transports}
        self.router = router
        self.outbox = outbox
        self.holder = holder
        self.clock: Clock = clock or SystemClock()
        self.policy = policy or DeliveryPolicy()
        self.parallel = parallel
        self._wake = asyncio.Event()
        self._stopping = False
        self._in_flight: set[asyncio.Task[int]] = set()

    def add(self, transport: Transport) -> None:
        self.transports[transport.platform] = transport

    def wake(self) -> None:
        """Look at the outbox now rather than at the next tick (a change was just committed)."""
        self._wake.set()

    async def _store(self, work: Callable[..., T], *args: object, **kwargs: object) -> T:
        """One transaction on a worker thread, so the event loop stays free."""

        def run() -> T:
            with self.sessions.begin() as session:
                return work(session, *args, **kwargs)

        return await asyncio.to_thread(run)

    # the loop
    async def run_once(self) -> int:
        """One pass over the head of every place; returns how many deliveries were settled."""
        if self._stopping:
            return 0
        heads = await self._store(delivery.lane_heads, set(self.transports), self.clock.now())
        if not self.parallel:
            return sum([await self._deliver(h) for h in heads])
        tasks = [asyncio.create_task(self._deliver(h)) for h in heads]
        self._in_flight.update(tasks)
        try:
            # Places are independent: one slow channel must not hold up the rest.
            return sum(await asyncio.gather(*tasks))
        finally:
            self._in_flight.difference_update(tasks)

    async def drain(self, max_passes: int = 1000) -> None:
        """Deliver until nothing due is left (deliveries waiting for later stay)."""
        for _ in range(max_passes):
            if not await self.run_once():
                return

    async def run_forever(self, tick: float = 1.0) -> None:
        while not self._stopping:
            try:
                await self.drain()
            except Exception:
                log.exception("dispatcher pass failed")
            self._wake.clear()
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for loses a cancellation that
            # arrives as the wake-up does, and the loop would run on after being stopped.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(tick):
                    await self._wake.wait()

    async def stop(self, grace: float = 5.0) -> None:
        """Take no more work; let sends in flight finish for `grace` seconds, then let go."""
        self._stopping = True
        self._wake.set()
        in_flight = list(self._in_flight)
        if in_flight:
            _, late = await asyncio.wait(in_flight, timeout=grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    # one delivery
    async def _deliver(self, delivery_id: int) -> int:
        claimed = await self._store(delivery.claim, delivery_id, self.holder, self.policy.lease)
        if claimed is None:
            return 0
        try:
            envelope = await self._store(delivery.envelope, claimed)
            return await self._deliver_claimed(envelope)
        except asyncio.CancelledError:
            await asyncio.shield(self._store(delivery.release, claimed))
            raise
        except ClaimLost:
            log.info("lost the claim on delivery %s; another process has it", delivery_id)
            return 0
        except Exception as error:  # a bug in a renderer must not stop every other place
            log.exception("delivering %s failed", delivery_id)
            await self._store(
                delivery.retry_later, claimed, self._later(0, None), repr(error), maybe_sent=True
            )
            return 0

    async def _placement(self, envelope: Envelope) -> Placement | None:
        """Where the message goes in its place; None while its thread's first post is out."""
        if envelope.placement not in THREADED or envelope.thread_key is None:
            return Placement()
        key, platform, address = envelope.thread_key, envelope.platform, envelope.address
        root = await self._store(delivery.thread_root, key, platform, address)
        if root is None and await self._store(delivery.root_pending, key, platform, address):
            return None
        broadcast = envelope.placement == RoutePlacement.BROADCAST.value
        return Placement(thread_root=root, broadcast=broadcast and root is not None)

    def message(self, envelope: Envelope) -> Message:
        tz = envelope.recipient.timezone if envelope.recipient else envelope.team.timezone
        note = Note(envelope.kind, envelope.audience, envelope.placement, envelope.params)
        return self.router.message(Translator(envelope.locale, tz), note)

    async def _deliver_claimed(self, envelope: Envelope) -> int:
        claimed = envelope.claim
        now = self.clock.now()
        transport = self.transports[envelope.platform]
        placement = await self._placement(envelope)
        if placement is None:
            await self._store(delivery.postpone, claimed, now + self.policy.thread_wait)
            return 0
        message = self.message(envelope)
        if envelope.edit_of is not None:
            return await self._edit(transport, envelope, message, now)
        try:
            ids = await self._read_back(transport, envelope, placement)
            if ids is not None and message.charts:
                # The text part is there; its pictures cannot be looked up, so those not
                # recorded as sent go now (at-least-once for a picture caught in the window).
                if not await self._store(delivery.record_parts, claimed, ids):
                    raise ClaimLost()
                envelope = replace(envelope, parts_sent=len(ids), external_ids=tuple(ids))
                ids = None
            if ids is None:
                if not await self._store(delivery.start_sending, claimed, now):
                    raise ClaimLost()
                ids = await self._send(transport, envelope, message, placement)
        except Unreachable as error:
            await self._store(delivery.hold_lane, claimed, str(error), now, self.outbox)
            return 0
        except ChatMoved as error:
            await self._store(delivery.move_lane, claimed, error.new_address, now, self.outbox)
            return 0
        except PlaceGone as error:
            log.warning("%s %s refuses for good: %s", envelope.platform, envelope.address, error)
            await self._store(delivery.park_lane, claimed, str(error), now, self.outbox)
            return 0
        except DeliveryError as error:
            await self._failed(envelope, error, now)
            return 0
        if not await self._store(delivery.finish, claimed, ids, self.clock.now()):
            log.warning("delivery %s was sent but its claim had passed", claimed.delivery_id)
        return 1

    async def _edit(
        self, transport: Transport, envelope: Envelope, message: Message, now: datetime
    ) -> int:
        """Change a card where it was posted. A card never posted (parked, dropped) has
        nothing to change; one still on its way is waited for."""
        claimed = envelope.claim
        if envelope.card_state == DeliveryState.PENDING.value:
            await self._store(delivery.postpone, claimed, now + self.policy.thread_wait)
            return 0
        if envelope.card_state == DeliveryState.SENT.value and envelope.card_ids:
            try:
                await transport.edit(envelope, message, list(envelope.card_ids))
            except (Unreachable, ChatMoved, PlaceGone) as error:
                log.info("card %s not edited: %s", envelope.edit_of, error)
            except DeliveryError as error:
                await self._failed(envelope, error, now)
                return 0
        return int(await self._store(delivery.finish, claimed, [], self.clock.now()))

    async def _read_back(
        self, transport: Transport, envelope: Envelope, placement: Placement
    ) -> list[str] | None:
        """After a lost claim, whether the platform already has the message, or the first
        part of it. Once a part is recorded, what was in flight is a later part (a picture,
        the rest of a long Telegram text), which no platform can be asked about."""
        if not envelope.resend or envelope.parts_sent:
            return None
        found = await transport.find_sent(envelope, placement)
        if not found:
            return None
        log.info("delivery %s was already on %s", envelope.claim.delivery_id, envelope.platform)
        return found

    async def _send(
        self, transport: Transport, envelope: Envelope, message: Message, placement: Placement
    ) -> list[str]:
        """Send, keeping the claim alive meanwhile; every part recorded as it goes out."""
        claimed = envelope.claim
        held = True
        sent = asyncio.Event()

        async def keep_claim() -> None:
            nonlocal held
            while held:
                try:
                    async with asyncio.timeout(self.policy.lease.total_seconds() / 3):
                        await sent.wait()
                    return
                except TimeoutError:
                    held = await self._store(delivery.renew, claimed, self.policy.lease)

        async def parts_sent(ids: list[str]) -> bool:
            return held and await self._store(delivery.record_parts, claimed, ids)

        keeper = asyncio.create_task(keep_claim())
        try:
            return await transport.send(envelope, message, placement, parts_sent)
        finally:
            # Told to stop, not cancelled: a renewal cancelled while its thread runs on would
            # still land, after this process let go of the claim (and after another took it).
            sent.set()
            await keeper

    def _later(self, attempts: int, error: DeliveryError | None) -> datetime:
        backoff = min(self.policy.max_backoff, 2.0**attempts)
        retry_after = error.retry_after if error is not None else None
        return self.clock.now() + timedelta(seconds=max(backoff, retry_after or 0.0))

    async def _failed(self, envelope: Envelope, error: DeliveryError, now: datetime) -> None:
        claimed = envelope.claim
        started = envelope.first_attempt_at or now
        exhausted = (
            envelope.attempts + 1 >= self.policy.max_attempts
            or now - started >= self.policy.retry_for
        )
        if not error.transient or exhausted:
            log.warning("parked delivery %s: %s", claimed.delivery_id, error)
            await self._store(delivery.park_delivery, claimed, str(error), now, self.outbox)
            return
        await self._store(
            delivery.retry_later,
            claimed,
            self._later(envelope.attempts, error),
            str(error),
            maybe_sent=error.maybe_sent,
        )
