"""Reading `/deal stats` as a person does, and checking its pictures against what it says.

`read_stats` takes the numbers out of the text answer (in English or Japanese). `charts_of`
builds, from those numbers alone, the charts the answer must carry: the funnel, and the win
rates by industry and by company size. Rendering is deterministic, so a picture that is
byte-for-byte `drawn(chart)` shows exactly the labels and numbers of the text; `drawn` turns
every matplotlib warning into an error, so a label with a glyph the font lacks (a box) fails.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from io import BytesIO

from PIL import Image

from dealbot.handlers.charts import Chart, ChartKind, render_png
from dealbot.handlers.core.i18n import Translator
from support.standins.telegram_api import image_info

# One line of figures per group, as each catalog's `stats-line` writes it.
FIGURES = {
    "en": re.compile(
        r"^(?P<label>.+?): (?P<deals>\d+) deals?, (?P<won>\d+) won, (?P<lost>\d+) lost, "
        r"win rate (?P<rate>.+?), amount "
    ),
    "ja": re.compile(
        r"^(?P<label>.+?)：(?P<deals>\d+) 件、受注 (?P<won>\d+)、失注 (?P<lost>\d+)、"
        r"受注率 (?P<rate>.+?)、金額 "
    ),
}
STEP = {
    "en": re.compile(r"^(?P<stage>.+?): (?P<count>[\d,]+)$"),
    "ja": re.compile(r"^(?P<stage>.+?)：(?P<count>[\d,]+)$"),
}


@dataclass(frozen=True)
class Row:
    label: str
    deals: int
    won: int
    lost: int
    rate: str  # as the text shows it

    @property
    def win_rate(self) -> float | None:
        closed = self.won + self.lost
        return self.won / closed if closed else None


@dataclass(frozen=True)
class StatsText:
    heading: str
    total: Row
    industries: list[Row]
    sizes: list[Row]
    funnel: list[tuple[str, str]]  # stage, count as shown

    @property
    def closed_somewhere(self) -> bool:
        return any(row.win_rate is not None for row in self.industries)


def read_stats(t: Translator, lines: list[str]) -> StatsText:
    """The figures of a `/deal stats` answer, from its lines (the heading first)."""
    lines = [line.strip() for line in lines if line.strip()]
    figures, step = FIGURES[t.locale], STEP[t.locale]
    heading, total, *rest = lines
    by_industry = rest.index(t("stats-by-industry"))
    by_size = rest.index(t("stats-by-size"))
    funnel = rest.index(t("stats-funnel"))

    def rows(section: list[str]) -> list[Row]:
        found = [figures.match(line) for line in section if line != t("list-empty")]
        assert all(found), section
        return [
            Row(m["label"], int(m["deals"]), int(m["won"]), int(m["lost"]), m["rate"])
            for m in found
            if m is not None
        ]

    steps = [step.match(line) for line in rest[funnel + 1 :]]
    assert all(steps), rest[funnel + 1 :]
    [total_row] = rows([total])
    return StatsText(
        heading=heading,
        total=total_row,
        industries=rows(rest[by_industry + 1 : by_size]),
        sizes=rows(rest[by_size + 1 : funnel]),
        funnel=[(m["stage"], m["count"]) for m in steps if m is not None],
    )


def charts_of(t: Translator, stats: StatsText) -> dict[str, Chart]:
    """The charts the answer must carry, from the text's numbers: funnel, industry, size."""
    rate_axis = t("chart-axis-win-rate")
    charts = {
        "funnel": Chart.of(
            ChartKind.FUNNEL,
            t("chart-funnel", count=stats.total.deals),
            [stage for stage, _ in stats.funnel],
            [int(count.replace(",", "")) for _, count in stats.funnel],
            [count for _, count in stats.funnel],
            value_axis_label=t("chart-axis-deals"),
        )
    }
    if stats.closed_somewhere:
        for name, kind, key, rows in (
            ("industry", ChartKind.HORIZONTAL_BAR, "chart-win-rate-industry", stats.industries),
            ("size", ChartKind.BAR, "chart-win-rate-size", stats.sizes),
        ):
            charts[name] = Chart.of(
                kind,
                t(key),
                [row.label for row in rows],
                [row.win_rate for row in rows],
                [row.rate for row in rows],
                value_axis_label=rate_axis,
            )
    return charts


def drawn(chart: Chart) -> bytes:
    """The chart's PNG, refusing to draw any glyph as a box (matplotlib warns for each)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return render_png(chart)


def assert_a_real_chart(data: bytes) -> None:
    """A PNG a chat shows: decodable, 1200×800, with bars and text drawn on it."""
    assert image_info(data) == ("png", 1200, 800)
    with Image.open(BytesIO(data)) as image:
        image.load()  # decodes every pixel: a truncated or corrupt file raises
        pixels = image.convert("RGB")
    colours = pixels.getcolors(maxcolors=1_000_000)
    assert colours is not None
    white = sum(count for count, colour in colours if colour == (255, 255, 255))
    inked = 1200 * 800 - white
    # Anti-aliased text and bar edges come in many shades; a blank picture has one colour.
    assert len(colours) > 50, len(colours)
    assert inked > 0.02 * 1200 * 800, inked
