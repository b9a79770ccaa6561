"""What `dealbot run` needs from each chat front end it starts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from dealbot.handlers.core.transport import Transport


@dataclass
class Frontend:
    name: str
    transport: Transport
    stop: Callable[[], Awaitable[None]]
