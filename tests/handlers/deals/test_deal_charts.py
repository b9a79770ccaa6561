"""The charts of the deal statistics: labels in the reader's language, the values the text
says, bars as long as those values, and no chart where there is nothing to draw."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image

from dealbot.domain.deals.views import GroupFigures, Stats
from dealbot.handlers.charts import Chart, ChartKind, render_png
from dealbot.handlers.charts.png import PALETTE
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.deals import charts, messages


def _group(key: str, won: int, lost: int, still_open: int = 0) -> GroupFigures:
    deals = won + lost + still_open
    return GroupFigures(key, deals, won, lost, {"JPY": Decimal(100 * deals)})


STATS = Stats(
    total=_group("total", 6, 4, 2),
    by_industry=(_group("manufacturing", 1, 3), _group("retail", 2, 2), _group("software", 3, 0)),
    by_company_size=(_group("1-9", 0, 0, 2), _group("10-49", 6, 4)),
    funnel=(("open", 12), ("negotiation", 8), ("won", 6)),
)


@pytest.mark.parametrize("locale", ["en", "ja", "zh", "ru"])
def test_every_chart_says_what_the_text_beside_it_says_in_the_readers_language(
    locale: str,
) -> None:
    t = Translator(locale)
    drawn = charts.all_charts(t, STATS)
    text = messages.stats(t, STATS, drawn)

    funnel, industry, size = drawn
    assert text.charts == drawn
    assert (funnel.kind, industry.kind, size.kind) == (
        ChartKind.FUNNEL,
        ChartKind.HORIZONTAL_BAR,
        ChartKind.BAR,
    )
    assert industry.title == t("chart-win-rate-industry") and size.title == t("chart-win-rate-size")
    for chart, groups, group in (
        (industry, STATS.by_industry, "industry"),
        (size, STATS.by_company_size, "size"),
    ):
        assert chart.categories == tuple(t.choice(group, g.key) for g in groups)
        for index, figures in enumerate(groups):
            # The line of the text for this group shows exactly the chart's label and value.
            line = t(
                "stats-line",
                label=chart.categories[index],
                count=figures.deals,
                won=figures.won,
                lost=figures.lost,
                rate=chart.series[0].shown(index),
                amount=t.amounts(figures.amounts),
            )
            assert line in text.lines
            assert chart.series[0].values[index] == figures.win_rate
    for index, (stage, count) in enumerate(STATS.funnel):
        step = t("stats-funnel-step", stage=funnel.categories[index], count=count)
        assert step in text.lines and funnel.series[0].values[index] == count
        assert funnel.categories[index] == t.choice("deal-status", stage)


def _bar_lengths(png: bytes, sideways: bool) -> list[int]:
    """The length in pixels of each bar of the first colour, in the order drawn."""
    with Image.open(BytesIO(png)) as image:
        pixels = image.convert("RGB")
    width, height = pixels.size
    blue = tuple(int(PALETTE[0][i : i + 2], 16) for i in (1, 3, 5))
    data = pixels.load()
    assert data is not None
    outer, inner = (height, width) if sideways else (width, height)
    lengths: list[int] = []
    in_bar = False
    for a in range(outer):
        run = sum(1 for b in range(inner) if data[(b, a) if sideways else (a, b)] == blue)
        if run and not in_bar:
            lengths.append(run)
        elif run:
            lengths[-1] = max(lengths[-1], run)
        in_bar = bool(run)
    return lengths


def test_the_bars_are_as_long_as_the_numbers_the_text_gives() -> None:
    t = Translator("en")
    funnel, industry, size = charts.all_charts(t, STATS)

    cases: list[tuple[Chart, bool, list[float]]] = [
        (industry, True, [0.25, 0.5, 1.0]),
        (funnel, True, [12, 8, 6]),
        (size, False, [0.6]),  # "1–9" has no closed deal: no bar, and "—" in its place
    ]
    for chart, sideways, values in cases:
        lengths = _bar_lengths(render_png(chart), sideways)
        assert len(lengths) == len(values), chart.title
        longest = max(lengths)
        for length, value in zip(lengths, values, strict=True):
            assert length / longest == pytest.approx(value / max(values), abs=0.01), chart.title
    assert size.series[0].shown(0) == "—"


def test_no_chart_where_there_is_nothing_to_draw() -> None:
    t = Translator("en")
    nothing_closed = Stats(
        total=_group("total", 0, 0, 3),
        by_industry=(_group("retail", 0, 0, 3),),
        by_company_size=(_group("1-9", 0, 0, 3),),
        funnel=(("open", 3), ("negotiation", 1), ("won", 0)),
    )
    no_deals = Stats(_group("total", 0, 0), (), (), (("open", 0), ("negotiation", 0), ("won", 0)))

    assert [c.kind for c in charts.all_charts(t, nothing_closed)] == [ChartKind.FUNNEL]
    assert charts.all_charts(t, no_deals) == ()
    assert messages.stats(t, no_deals).charts == ()
