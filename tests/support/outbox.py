"""A dispatcher over made-up platforms, to test delivery without any chat SDK."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from dealbot.bot.capabilities import Desks, build_desks, build_registry
from dealbot.bot.dispatcher import DeliveryPolicy, Dispatcher
from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.store import SessionFactory
from dealbot.domain.outbox.delivery import Envelope
from dealbot.domain.outbox.notify import Outbox
from dealbot.handlers.core.router import Router
from dealbot.handlers.core.transport import PartsSent, Placement, Transport
from dealbot.handlers.core.ui import Message
from support.store import FakeClock


class TwoPlatforms:
    """Everyone and every feed is on `alpha` and on `beta`."""

    def of(self, team: Team, member: Member | None) -> list[tuple[str, str]]:
        place = f"dm-{member.handle}" if member else f"feed-{team.name}"
        return [("alpha", place), ("beta", place)]


@dataclass
class RecordingTransport:
    """A platform that records what it was sent and fails when told to.

    `failures` are raised by the next sends, one each; `parts` splits every message's text into
    that many parts, and each chart adds one picture part after them; `crash_after` kills the
    process (KeyboardInterrupt) once that many parts went; `die_after_accept` kills it after the
    platform took the next part but before the bot heard back, `die_after_part` after it took
    that part (counted from 0) of a message. `keys` is what the platform holds, for the
    read-back of a resend: like Slack's message metadata, only text parts can be found.
    `refuse` names places whose every send fails with the given error.
    """

    platform: str = "alpha"
    sent: list[tuple[str, str, str | None, bool]] = field(default_factory=list)
    failures: list[BaseException] = field(default_factory=list)
    crash_after: int | None = None
    die_after_accept: bool = False
    die_after_part: int | None = None
    parts: int = 1
    refuse: dict[str, Exception] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    read_backs: int = 0
    edits: list[tuple[str, str, str]] = field(default_factory=list)

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        ids = list(envelope.external_ids[: envelope.parts_sent])
        count = self.parts + len(message.charts)
        for part in range(len(ids), count):
            if envelope.address in self.refuse:
                raise self.refuse[envelope.address]
            if self.failures:
                raise self.failures.pop(0)
            if self.crash_after is not None and len(self.sent) >= self.crash_after:
                raise KeyboardInterrupt  # the process dies mid-pass
            title = message.title or ""
            if count > 1:
                title += f" [{part + 1}/{count}]"
            self.sent.append((envelope.address, title, placement.thread_root, placement.broadcast))
            ids.append(f"{self.platform}-{len(self.sent)}")
            if part < self.parts:
                self.keys[envelope.key] = ids[0]
            if self.die_after_accept or self.die_after_part == part:
                self.die_after_accept, self.die_after_part = False, None
                raise KeyboardInterrupt
            if part < count - 1:
                await parts_sent(ids)
        return ids

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        if envelope.address in self.refuse:
            raise self.refuse[envelope.address]
        self.edits.append((envelope.address, card_ids[0], message.plain()))

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        self.read_backs += 1
        found = self.keys.get(envelope.key)
        return [found] if found else None


@dataclass
class World:
    """The desks of every capability, writing to the outbox of both made-up platforms."""

    sessions: SessionFactory
    clock: FakeClock
    desks: Desks
    router: Router
    outbox: Outbox

    def dispatcher(
        self,
        *transports: Transport,
        lease: timedelta = timedelta(seconds=30),
        parallel: bool = False,
        holder: str = "test-process",
        max_attempts: int = 5,
    ) -> Dispatcher:
        return Dispatcher(
            self.sessions,
            list(transports),
            self.router,
            self.outbox,
            holder=holder,
            clock=self.clock,
            policy=DeliveryPolicy(lease=lease, max_attempts=max_attempts, max_backoff=60),
            parallel=parallel,
        )


def world(sessions: SessionFactory, clock: FakeClock) -> World:
    outbox = Outbox(TwoPlatforms())
    desks = build_desks(sessions, clock, outbox)
    router = Router(build_registry(desks), desks.people)
    return World(sessions, clock, desks, router, outbox)


def envelope(address: str, *, person: bool = False, parts_sent: int = 0) -> Envelope:
    """An envelope as a dispatcher hands it to a transport, for testing a transport alone."""
    from datetime import UTC, datetime

    from dealbot.domain.core.views import Person, TeamView
    from dealbot.domain.outbox.delivery import Claim

    recipient = (
        Person(1, "kenji", "Kenji", "Tokyo Sales", 1, ("sales",), "en", "UTC", "JPY", None, None)
        if person
        else None
    )
    return Envelope(
        claim=Claim(1, "token"),
        key=f"test:{address}",
        kind="deal_opened",
        audience="owner" if person else "feed",
        placement="dm" if person else "post",
        params={},
        platform="test",
        address=address,
        thread_key=None,
        attempts=0,
        parts_sent=parts_sent,
        external_ids=tuple(f"earlier-{n}" for n in range(parts_sent)),
        resend=False,
        first_attempt_at=datetime(2026, 11, 2, tzinfo=UTC),
        team=TeamView(1, "Tokyo Sales", "en", "UTC", "JPY"),
        recipient=recipient,
    )


async def parts_recorded(ids: list[str]) -> bool:
    return True
