"""The shell's delivery: every post and DM printed with where it went."""

from __future__ import annotations

from itertools import count

from dealbot.domain.outbox.delivery import Envelope
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.transport import PartsSent, Placement
from dealbot.handlers.core.ui import Message
from dealbot.handlers.shell.render import ActionBoard, Printer, render_message

PLATFORM = "shell"


class ShellTransport:
    platform = PLATFORM

    def __init__(self, printer: Printer, board: ActionBoard) -> None:
        self.printer = printer
        self.board = board
        self._ids = count(1)

    def _where(self, envelope: Envelope, placement: Placement) -> str:
        t = Translator(envelope.locale, envelope.team.timezone)
        if envelope.recipient is not None:
            return t("shell-to-dm", name=envelope.recipient.name, handle=envelope.recipient.handle)
        if placement.thread_root is None:
            return t("shell-to-feed", team=envelope.team.name)
        key = "shell-to-thread-broadcast" if placement.broadcast else "shell-to-thread"
        # A step about something of a deal (a quote's decision) names the deal as `deal`.
        ref = envelope.params.get("deal") or envelope.params.get("ref", "")
        return t(key, ref=ref, team=envelope.team.name)

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        self.printer(f"→ {self._where(envelope, placement)}")
        for line in render_message(message, self.board, indent="  │ "):
            self.printer(line)
        return [f"shell-{next(self._ids)}"]

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        t = Translator(envelope.locale, envelope.team.timezone)
        self.printer(f"→ {t('shell-card-changed', where=self._where(envelope, Placement()))}")
        for line in render_message(message, self.board, indent="  │ "):
            self.printer(line)

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        return None
