"""The shell's delivery: every post and DM printed with where it went; a chart written to a PNG
file whose path is printed (a terminal shows no pictures)."""

from __future__ import annotations

import tempfile
from itertools import count
from pathlib import Path

from dealbot.domain.outbox.delivery import Envelope
from dealbot.handlers.charts import Chart, ChartRenderer, shared_renderer
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.core.transport import NOT_DRAWN, PartsSent, Placement
from dealbot.handlers.core.ui import Message
from dealbot.handlers.shell.render import ActionBoard, Printer, render_message

PLATFORM = "shell"
# Where `dealbot shell` writes charts: beside its database, in the working directory.
CHART_FOLDER = Path("dealbot-charts")
INDENT = "  │ "


class ShellTransport:
    platform = PLATFORM

    def __init__(
        self,
        printer: Printer,
        board: ActionBoard,
        *,
        chart_folder: Path = CHART_FOLDER,
        charts: ChartRenderer | None = None,
    ) -> None:
        self.printer = printer
        self.board = board
        self.chart_folder = chart_folder
        self.charts = charts or shared_renderer()
        self._ids = count(1)

    def _where(self, envelope: Envelope, placement: Placement) -> str:
        t = self._translator(envelope)
        if envelope.recipient is not None:
            return t("shell-to-dm", name=envelope.recipient.name, handle=envelope.recipient.handle)
        if placement.thread_root is None:
            return t("shell-to-feed", team=envelope.team.name)
        key = "shell-to-thread-broadcast" if placement.broadcast else "shell-to-thread"
        # A step about something of a deal (a quote's decision) names the deal as `deal`.
        ref = envelope.params.get("deal") or envelope.params.get("ref", "")
        return t(key, ref=ref, team=envelope.team.name)

    @staticmethod
    def _translator(envelope: Envelope) -> Translator:
        return Translator(envelope.locale, envelope.team.timezone)

    async def send(
        self, envelope: Envelope, message: Message, placement: Placement, parts_sent: PartsSent
    ) -> list[str]:
        self.printer(f"→ {self._where(envelope, placement)}")
        for line in render_message(message, self.board, indent=INDENT):
            self.printer(line)
        ids = [f"shell-{next(self._ids)}"]
        t = self._translator(envelope)
        for chart in message.charts:
            path = await self._write(chart)
            if path is None:
                self.printer(f"{INDENT}{t('shell-chart-not-drawn', title=chart.title)}")
                ids.append(NOT_DRAWN)
            else:
                self.printer(f"{INDENT}{t('shell-chart-file', title=chart.title, path=str(path))}")
                ids.append(str(path))
        return ids

    async def _write(self, chart: Chart) -> Path | None:
        """The chart as a new PNG file in the chart folder; None when it cannot be drawn."""
        png = await self.charts.png(chart)
        if png is None:
            return None
        self.chart_folder.mkdir(parents=True, exist_ok=True)
        # A fresh name each time: an earlier chart (of this session or another) stays as it was.
        with tempfile.NamedTemporaryFile(
            dir=self.chart_folder, prefix=f"{chart.kind.value}-", suffix=".png", delete=False
        ) as file:
            file.write(png)
        return Path(file.name).resolve()

    async def edit(self, envelope: Envelope, message: Message, card_ids: list[str]) -> None:
        t = self._translator(envelope)
        self.printer(f"→ {t('shell-card-changed', where=self._where(envelope, Placement()))}")
        for line in render_message(message, self.board, indent=INDENT):
            self.printer(line)

    async def find_sent(self, envelope: Envelope, placement: Placement) -> list[str] | None:
        return None
