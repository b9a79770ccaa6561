"""Delivers outbox notifications: in order per place, once per platform, retried, never twice."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import timedelta

from dealbot.domain import outbox
from dealbot.domain.clock import Clock, SystemClock
from dealbot.domain.outbox import Envelope
from dealbot.domain.routing import Placement as RoutePlacement
from dealbot.domain.store import SessionFactory
from dealbot.handlers import messages
from dealbot.handlers.i18n import Translator
from dealbot.handlers.transport import DeliveryError, Placement, Transport, Unreachable

log = logging.getLogger(__name__)

THREADED = {RoutePlacement.THREAD.value, RoutePlacement.BROADCAST.value}


class Dispatcher:
    def __init__(
        self,
        sessions: SessionFactory,
        transports: Sequence[Transport],
        *,
        clock: Clock | None = None,
        lease: timedelta = timedelta(minutes=2),
        max_attempts: int = 12,
        max_backoff: float = 300.0,
        unreachable_retry: timedelta = timedelta(minutes=10),
        parallel: bool = True,
    ) -> None:
        self.sessions = sessions
        self.transports = list(transports)
        self.clock: Clock = clock or SystemClock()
        self.lease = lease
        self.max_attempts = max_attempts
        self.max_backoff = max_backoff
        self.unreachable_retry = unreachable_retry
        self.parallel = parallel
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Look at the outbox now rather than at the next tick (a change was just committed)."""
        self._wake.set()

    def _heads(self) -> list[int]:
        with self.sessions.begin() as session:
            return outbox.lane_heads(session, self.clock.now())

    def _claim(self, notification_id: int) -> Envelope | None:
        with self.sessions.begin() as session:
            if not outbox.claim(session, notification_id, self.clock.now(), self.lease):
                return None
            return outbox.envelope(session, notification_id)

    async def run_once(self) -> int:
        """One pass over the head of every place; returns how many notifications finished."""
        heads = await asyncio.to_thread(self._heads)
        if self.parallel:  # places are independent: one slow channel must not hold up the rest
            return sum(await asyncio.gather(*(self._deliver(h) for h in heads)))
        return sum([await self._deliver(h) for h in sorted(heads)])

    async def drain(self, max_passes: int = 1000) -> None:
        """Deliver until nothing due is left (notifications waiting for later stay)."""
        for _ in range(max_passes):
            if not await self.run_once():
                return

    async def run_forever(self, tick: float = 1.0) -> None:
        while True:
            try:
                await self.drain()
            except Exception:
                log.exception("dispatcher pass failed")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=tick)

    async def _deliver(self, notification_id: int) -> int:
        envelope = await asyncio.to_thread(self._claim, notification_id)
        if envelope is None:
            return 0
        try:
            return await self._deliver_claimed(envelope)
        except Exception as error:  # a bug in a renderer must not stop every other place
            log.exception("delivering %s failed", envelope.key)
            await asyncio.to_thread(self._failed, envelope, repr(error), None)
            return 0

    async def _deliver_claimed(self, envelope: Envelope) -> int:
        done = await asyncio.to_thread(self._delivered_platforms, envelope.id)
        reachable = [(t, t.address(envelope)) for t in self.transports]
        targets = [(t, a) for t, a in reachable if a is not None]
        if not targets:
            await asyncio.to_thread(self._postpone, envelope, self.unreachable_retry)
            return 0
        message = messages.notification(
            Translator(envelope.locale),
            envelope.event,
            envelope.audience,
            envelope.params,
            envelope.task_id,
        )
        for transport, address in targets:
            if transport.platform in done:
                continue
            placement = await asyncio.to_thread(
                self._placement, envelope, transport.platform, address
            )
            if placement is None:  # the deal's first post is not out yet: replies wait for it
                await asyncio.to_thread(self._postpone, envelope, timedelta(seconds=1))
                return 0
            try:
                external_id = await transport.send(envelope, address, message, placement)
            except Unreachable as error:
                await asyncio.to_thread(self._postpone, envelope, self.unreachable_retry)
                await asyncio.to_thread(self._tell_about_unreachable, envelope, transport.platform)
                log.info("%s unreachable on %s: %s", envelope.key, transport.platform, error)
                return 0
            except DeliveryError as error:
                await asyncio.to_thread(self._failed, envelope, str(error), error)
                return 0
            await asyncio.to_thread(
                self._record_delivery, envelope, transport.platform, address, external_id
            )
        await asyncio.to_thread(self._finish, envelope.id)
        return 1

    def _delivered_platforms(self, notification_id: int) -> set[str]:
        with self.sessions.begin() as session:
            return outbox.delivered_platforms(session, notification_id)

    def _record_delivery(
        self, envelope: Envelope, platform: str, address: str, external_id: str | None
    ) -> None:
        with self.sessions.begin() as session:
            outbox.record_delivery(
                session, envelope, platform, address, external_id, self.clock.now()
            )

    def _finish(self, notification_id: int) -> None:
        with self.sessions.begin() as session:
            outbox.finish(session, notification_id, self.clock.now())

    def _placement(self, envelope: Envelope, platform: str, address: str) -> Placement | None:
        if envelope.placement not in THREADED or envelope.deal_id is None:
            return Placement()
        with self.sessions.begin() as session:
            root = outbox.thread_root(session, envelope.deal_id, platform, address)
            if root is None and outbox.root_expected(session, envelope.deal_id):
                return None
        broadcast = envelope.placement == RoutePlacement.BROADCAST.value
        return Placement(thread_root=root, broadcast=broadcast and root is not None)

    def _postpone(self, envelope: Envelope, delay: timedelta) -> None:
        with self.sessions.begin() as session:
            outbox.wait_without_attempt(session, envelope.id, self.clock.now() + delay)

    def _tell_about_unreachable(self, envelope: Envelope, platform: str) -> None:
        """The person's leader (or an admin) hears once that they must start the bot."""
        if envelope.recipient is None:
            return
        with self.sessions.begin() as session:
            outbox.tell_about_unreachable(
                session, envelope.recipient.id, platform, self.clock.now()
            )

    def _failed(self, envelope: Envelope, reason: str, error: DeliveryError | None) -> None:
        now = self.clock.now()
        with self.sessions.begin() as session:
            if (
                error is not None and not error.transient
            ) or envelope.attempts + 1 >= self.max_attempts:
                outbox.park(session, envelope.id, reason, now)
                log.warning("parked %s: %s", envelope.key, reason)
                return
            backoff = min(self.max_backoff, 2.0**envelope.attempts)
            delay = max(backoff, error.retry_after or 0.0) if error else backoff
            outbox.retry_later(session, envelope.id, now + timedelta(seconds=delay), reason)
