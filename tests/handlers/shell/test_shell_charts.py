"""Charts in the shell: a terminal shows no pictures, so each chart is written to a PNG file
and its path printed, in the DM of the person who asked, under the numbers."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from dealbot.domain.deals.desk import DealDesk
from dealbot.domain.deals.enums import Industry, ProgressStatus
from dealbot.handlers.charts import fonts as chart_fonts
from dealbot.handlers.core.i18n import Translator
from support.deals import draft, member_id, report
from support.shell import Transcript, deliveries
from support.stats_charts import assert_a_real_chart, charts_of, drawn, read_stats

SAVED = re.compile(r"^Chart “(?P<title>.+)” saved as (?P<path>/.+\.png)$")


def closed_deals(desk: DealDesk) -> None:
    sam = member_id(desk, "sam")
    won = desk.open_deal(sam, draft(title="Robots", industry=Industry.SOFTWARE))
    lost = desk.open_deal(sam, draft(title="Ovens", industry=Industry.RETAIL))
    desk.report_progress(sam, report(won.ref, ProgressStatus.WON))
    desk.report_progress(sam, report(lost.ref, ProgressStatus.LOST, lost_reason="Price"))


async def test_stats_write_each_chart_to_a_png_file_and_print_its_path(
    sample_desk: DealDesk, tmp_path: Path
) -> None:
    closed_deals(sample_desk)
    shell = Transcript(sample_desk, "lena", chart_folder=tmp_path / "charts")
    await shell.type("/who")  # the deals' notifications are printed and out of the way

    [(where, printed)] = deliveries(await shell.type("/deal stats"))

    assert where == "DM to Lena Leader (@lena)"
    lines = printed.split("\n")
    saved = [match for match in map(SAVED.match, lines) if match]
    t = Translator("en")
    expected = charts_of(t, read_stats(t, lines[: len(lines) - len(saved)]))
    assert [m["title"] for m in saved] == [chart.title for chart in expected.values()]
    for match, chart in zip(saved, expected.values(), strict=True):
        path = Path(match["path"])
        assert path.parent == (tmp_path / "charts").resolve()
        assert_a_real_chart(path.read_bytes())
        assert path.read_bytes() == drawn(chart)
    # Asked again: new files, the earlier ones left as they were.
    await shell.type("/deal chart funnel")
    assert len(list((tmp_path / "charts").glob("*.png"))) == 4


async def test_without_the_font_the_shell_says_so_and_writes_nothing(
    sample_desk: DealDesk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    closed_deals(sample_desk)
    shell = Transcript(sample_desk, "lena", chart_folder=tmp_path / "charts")
    await shell.type("/who")
    monkeypatch.setattr(chart_fonts, "CANDIDATE_FAMILIES", ("No Such Sans",))
    chart_fonts.forget_chart_font()
    try:
        with caplog.at_level(logging.WARNING, logger="dealbot.handlers.charts.renderer"):
            [(_, printed)] = deliveries(await shell.type("/deal chart industry"))
    finally:
        chart_fonts.forget_chart_font()

    assert "Retail: 1 deal, 0 won, 1 lost, win rate 0%" in printed
    assert printed.endswith(
        "Chart “Win rate by industry” could not be drawn (the log says why); its numbers are above."
    )
    assert not (tmp_path / "charts").exists()
    assert any("fonts-noto-cjk" in record.getMessage() for record in caplog.records)
