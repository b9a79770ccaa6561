"""The shell's delivery: every post and DM printed with where it went."""

from __future__ import annotations

from itertools import count

from dealbot.domain.outbox import Envelope
from dealbot.handlers.i18n import Translator
from dealbot.handlers.shell.render import ActionBoard, Printer, render_message
from dealbot.handlers.transport import Placement
from dealbot.handlers.ui import Message


class ShellTransport:
    platform = "shell"

    def __init__(self, printer: Printer, board: ActionBoard) -> None:
        self.printer = printer
        self.board = board
        self._ids = count(1)

    def address(self, envelope: Envelope) -> str | None:
        if envelope.to_feed:
            return f"feed:{envelope.feed.team_id}"
        return f"dm:{envelope.recipient.handle}" if envelope.recipient else None

    def _where(self, envelope: Envelope, placement: Placement) -> str:
        t = Translator(envelope.locale)
        if envelope.recipient is not None:
            return t("shell-to-dm", name=envelope.recipient.name, handle=envelope.recipient.handle)
        if placement.thread_root is None:
            return t("shell-to-feed", team=envelope.feed.name)
        key = "shell-to-thread-broadcast" if placement.broadcast else "shell-to-thread"
        return t(key, ref=envelope.params.get("ref", ""), team=envelope.feed.name)

    async def send(
        self, envelope: Envelope, address: str, message: Message, placement: Placement
    ) -> str:
        self.printer(f"→ {self._where(envelope, placement)}")
        for line in render_message(message, self.board, indent="  │ "):
            self.printer(line)
        return f"shell-{next(self._ids)}"
