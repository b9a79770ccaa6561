"""What the dispatcher needs from a front end to deliver outbox notifications."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from dealbot.domain.outbox.delivery import Envelope
from dealbot.handlers.core.ui import Message


class DeliveryError(Exception):
    """A send failed. `transient` ones are tried again, after `retry_after` seconds at least;
    `maybe_sent` says the platform may have taken the message anyway (a timeout)."""

    def __init__(
        self,
        reason: str,
        *,
        transient: bool,
        retry_after: float | None = None,
        maybe_sent: bool = False,
    ) -> None:
        super().__init__(reason)
        self.transient = transient
        self.retry_after = retry_after
        self.maybe_sent = maybe_sent


class PlaceGone(DeliveryError):
    """The place refuses for good (the bot was removed, the channel archived): park its lane."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, transient=False)


class Unreachable(Exception):
    """The person cannot be messaged until they start the bot: hold their lane, no failure."""


class ChatMoved(Exception):
    """The place has a new address (a Telegram group became a supergroup)."""

    def __init__(self, reason: str, new_address: str) -> None:
        super().__init__(reason)
        self.new_address = new_address


class ClaimLost(Exception):
    """Another dispatcher holds the delivery now: stop before sending anything more."""


@dataclass(frozen=True)
class Placement:
    """Where in the address the message goes: a thread under `thread_root`, also in channel."""

    thread_root: str | None = None
    broadcast: bool = False


# The id recorded for the picture of a chart that could not be drawn (no font, a bug).
NOT_DRAWN = "-"

# Told the platform ids of the parts sent so far; False when the claim was lost meanwhile.
PartsSent = Callable[[list[str]], Awaitable[bool]]


class Transport(Protocol):
    platform: str

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        """Send (the parts not yet sent) and return the platform's ids of every part.

        A message with charts is its text, then one picture per chart, each a part of its
        own, so that a retry sends only what is missing. A chart that cannot be drawn is left
        out (the text says the same); its part is recorded as `NOT_DRAWN`.
        """
        ...

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        """Change the card this platform shows under `card_ids` to `message`.

        A card that is the same already, or too old to be edited, counts as done.
        """
        ...

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        """The ids of this delivery's message if the platform already has it, else None.

        Called before a resend after a lost claim, while no part is recorded as sent;
        platforms that cannot be read back answer None (that window stays at-least-once
        there). For a message with charts the ids found are those of its text part: the
        pictures are sent after it.
        """
        ...
