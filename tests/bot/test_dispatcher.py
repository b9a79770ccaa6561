"""The outbox dispatcher: once per platform, in order per place, across failures and restarts."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from sqlalchemy import select

from dealbot.bot.dispatcher import Dispatcher
from dealbot.domain.desk import DealDesk
from dealbot.domain.enums import NotificationState, ProgressStatus
from dealbot.domain.models import Notification
from dealbot.domain.outbox import Envelope
from dealbot.handlers.transport import DeliveryError, Placement
from dealbot.handlers.ui import Message
from support.deals import draft, member_id, report
from support.store import FakeClock


@dataclass
class RecordingTransport:
    """A platform that records what it was sent and fails when told to."""

    platform: str = "test"
    sent: list[tuple[str, str, str | None, bool]] = field(default_factory=list)
    failures: list[Exception] = field(default_factory=list)
    crash_after: int | None = None

    def address(self, envelope: Envelope) -> str | None:
        if envelope.to_feed:
            return f"feed-{envelope.feed.name}"
        return f"dm-{envelope.recipient.handle}" if envelope.recipient else None

    async def send(
        self, envelope: Envelope, address: str, message: Message, placement: Placement
    ) -> str:
        if self.failures:
            raise self.failures.pop(0)
        if self.crash_after is not None and len(self.sent) >= self.crash_after:
            raise KeyboardInterrupt  # the process dies mid-pass
        self.sent.append((address, message.title or "", placement.thread_root, placement.broadcast))
        return f"msg-{len(self.sent)}"


def _states(desk: DealDesk) -> list[str]:
    with desk.sessions.begin() as session:
        return list(session.scalars(select(Notification.state).order_by(Notification.id)))


def _flow(desk: DealDesk) -> str:
    kenji = member_id(desk, "kenji")
    ref = desk.open_deal(kenji, draft(title="Forklifts")).ref
    desk.report_progress(kenji, report(ref, ProgressStatus.NEGOTIATION))
    desk.report_progress(kenji, report(ref, ProgressStatus.WON))
    return ref


async def test_every_notification_is_sent_once_with_replies_under_the_first_post(
    desk: DealDesk, clock: FakeClock
) -> None:
    ref = _flow(desk)
    transport = RecordingTransport()
    dispatcher = Dispatcher(desk.sessions, [transport], clock=clock)

    await dispatcher.drain()
    await dispatcher.drain()

    feed = [s for s in transport.sent if s[0] == "feed-Tokyo Sales"]
    root = f"msg-{transport.sent.index(feed[0]) + 1}"
    assert [(s[2], s[3]) for s in feed] == [(None, False), (root, False), (root, True)]
    assert len(transport.sent) == 5
    assert ref in feed[0][1]
    assert set(_states(desk)) == {NotificationState.SENT.value}


async def test_rate_limits_and_server_errors_are_retried_in_order_and_never_twice(
    desk: DealDesk, clock: FakeClock
) -> None:
    _flow(desk)
    transport = RecordingTransport(
        failures=[
            DeliveryError("ratelimited", transient=True, retry_after=30),
            DeliveryError("500", transient=True),
            DeliveryError("500", transient=True),
        ]
    )
    dispatcher = Dispatcher(desk.sessions, [transport], clock=clock)

    for _ in range(10):
        await dispatcher.drain()
        clock.advance(seconds=31)

    assert len(transport.sent) == 5
    feed = [s for s in transport.sent if s[0].startswith("feed")]
    root = f"msg-{transport.sent.index(feed[0]) + 1}"
    # opened, then the negotiation reply, then the won broadcast: in order, under the first post
    assert [(s[2], s[3]) for s in feed] == [(None, False), (root, False), (root, True)]


async def test_retry_after_is_honoured(desk: DealDesk, clock: FakeClock) -> None:
    desk.open_deal(member_id(desk, "kenji"), draft())
    transport = RecordingTransport(
        failures=[DeliveryError("ratelimited", transient=True, retry_after=120)]
    )
    dispatcher = Dispatcher(desk.sessions, [transport], clock=clock, parallel=False)

    await dispatcher.drain()
    clock.advance(seconds=119)
    await dispatcher.drain()
    feed_before = [s for s in transport.sent if s[0].startswith("feed")]
    clock.advance(seconds=2)
    await dispatcher.drain()

    assert feed_before == []
    assert len([s for s in transport.sent if s[0].startswith("feed")]) == 1


async def test_a_dispatcher_killed_mid_pass_resumes_without_repeats(
    desk: DealDesk, clock: FakeClock
) -> None:
    _flow(desk)
    first = RecordingTransport(crash_after=2)
    with contextlib.suppress(KeyboardInterrupt):
        await Dispatcher(desk.sessions, [first], clock=clock, parallel=False).drain()
    assert len(first.sent) == 2

    clock.advance(minutes=5)  # the dead process's lease runs out
    second = RecordingTransport()
    await Dispatcher(desk.sessions, [second], clock=clock).drain()

    assert len(first.sent) + len(second.sent) == 5
    assert not set(first.sent) & set(second.sent)
    assert set(_states(desk)) == {NotificationState.SENT.value}


async def test_a_notification_that_keeps_failing_is_parked_and_reported_to_admins(
    desk: DealDesk, clock: FakeClock
) -> None:
    kenji = member_id(desk, "kenji")
    desk.open_deal(kenji, draft())
    transport = RecordingTransport(failures=[DeliveryError("channel_not_found", transient=False)])
    dispatcher = Dispatcher(desk.sessions, [transport], clock=clock, parallel=False)

    await dispatcher.drain()

    assert _states(desk)[:2] == [NotificationState.PARKED.value, NotificationState.SENT.value]
    to_admin = [s for s in transport.sent if s[0] == "dm-root"]
    assert len(to_admin) == 1


async def test_two_dispatchers_at_once_send_each_notification_once(
    desk: DealDesk, clock: FakeClock
) -> None:
    import asyncio

    _flow(desk)
    one, two = RecordingTransport(), RecordingTransport()

    await asyncio.gather(
        Dispatcher(desk.sessions, [one], clock=clock).drain(),
        Dispatcher(desk.sessions, [two], clock=clock).drain(),
    )

    assert len(one.sent) + len(two.sent) == 5
