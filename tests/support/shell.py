"""Driving the shell by transcript: lines typed in, what each place received out."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dealbot.bot.capabilities import build_desks, build_registry
from dealbot.bot.dispatcher import Dispatcher
from dealbot.domain.core.desk import Desk
from dealbot.domain.outbox.notify import LocalAddresses, Outbox
from dealbot.handlers.core.router import Router
from dealbot.handlers.shell.render import ActionBoard
from dealbot.handlers.shell.session import ShellSession
from dealbot.handlers.shell.transport import ShellTransport


@dataclass
class Transcript:
    """The shell of `dealbot shell` on the store behind `desk`, as `handle`."""

    desk: Desk
    handle: str
    output: list[str] = field(default_factory=list)
    # Where charts are written (made when the first one is): never the working directory.
    chart_folder: Path = field(
        default_factory=lambda: Path(tempfile.gettempdir(), "dealbot-test-charts")
    )

    def __post_init__(self) -> None:
        board = ActionBoard()
        outbox = Outbox(LocalAddresses())
        desks = build_desks(self.desk.sessions, self.desk.clock, outbox)
        self.router = Router(build_registry(desks), desks.people)
        dispatcher = Dispatcher(
            self.desk.sessions,
            [ShellTransport(self.output.append, board, chart_folder=self.chart_folder)],
            self.router,
            outbox,
            holder="shell",
            clock=self.desk.clock,
            parallel=False,
        )
        self.shell = ShellSession(
            self.router, dispatcher.drain, self.output.append, board, self.handle
        )

    async def type(self, *lines: str) -> list[str]:
        """Type the lines; returns what was printed in answer to them."""
        start = len(self.output)
        for line in lines:
            await self.shell.feed(line)
        return self.output[start:]


def deliveries(printed: list[str]) -> list[tuple[str, str]]:
    """Every post and DM in printed output as (where it went, its text)."""
    found: list[tuple[str, list[str]]] = []
    for line in printed:
        if line.startswith("→ "):
            found.append((line[2:], []))
        elif line.startswith("  │ ") and found:
            found[-1][1].append(line[4:])
    return [(where, "\n".join(text)) for where, text in found]


def places(printed: list[str]) -> list[str]:
    return [where for where, _ in deliveries(printed)]


def replies(printed: list[str]) -> str:
    """What the person who typed saw, without the deliveries."""
    return "\n".join(
        line for line in printed if not line.startswith("→ ") and not line.startswith("  │ ")
    )
