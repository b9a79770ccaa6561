"""What the dispatcher needs from a front end to deliver outbox notifications."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from dealbot.domain.outbox import Envelope
from dealbot.handlers.ui import Message


class DeliveryError(Exception):
    """A send failed; `transient` ones are tried again, after `retry_after` seconds at least."""

    def __init__(self, reason: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.transient = transient
        self.retry_after = retry_after


class Unreachable(Exception):
    """The person cannot be messaged yet (e.g. never started the bot); keep the notification."""


@dataclass(frozen=True)
class Placement:
    """Where in the address the message goes: a thread under `thread_root`, also in channel."""

    thread_root: str | None = None
    broadcast: bool = False


class Transport(Protocol):
    platform: str

    def address(self, envelope: Envelope) -> str | None:
        """Where this platform reaches the envelope's audience, or None if it does not."""

    async def send(
        self, envelope: Envelope, address: str, message: Message, placement: Placement
    ) -> str | None:
        """Send and return the platform's id of the message (used as a thread root)."""
