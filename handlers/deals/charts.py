"""The deal statistics as charts (PRODUCT.md §2.5): the funnel by stage, and the win rate by
industry and by company size. Every label and value is written exactly as the text answer
writes it, so the picture and the words beside it say the same numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from dealbot.domain.deals.views import GroupFigures, Stats
from dealbot.handlers.charts import Chart, ChartKind
from dealbot.handlers.core.i18n import Translator
from dealbot.handlers.deals import messages

FUNNEL, INDUSTRY, SIZE = "funnel", "industry", "size"


def funnel(t: Translator, figures: Stats) -> Chart | None:
    """Deals opened, reached negotiation, won; None when no deal matches."""
    if not figures.total.deals:
        return None
    stages = figures.funnel
    return Chart.of(
        ChartKind.FUNNEL,
        t("chart-funnel", count=figures.total.deals),
        [t.choice("deal-status", stage) for stage, _ in stages],
        [count for _, count in stages],
        [t.number(count) for _, count in stages],
        value_axis_label=t("chart-axis-deals"),
    )


def by_industry(t: Translator, figures: Stats) -> Chart | None:
    # Sideways bars: up to ten industries, some with long names.
    return _win_rates(
        t, ChartKind.HORIZONTAL_BAR, "chart-win-rate-industry", "industry", figures.by_industry
    )


def by_size(t: Translator, figures: Stats) -> Chart | None:
    # Upright bars: five short sizes, read left to right from the smallest.
    return _win_rates(t, ChartKind.BAR, "chart-win-rate-size", "size", figures.by_company_size)


def _win_rates(
    t: Translator, kind: ChartKind, title_key: str, group: str, rows: Sequence[GroupFigures]
) -> Chart | None:
    """None when no group has a closed deal yet: there is no rate to draw."""
    if all(row.win_rate is None for row in rows):
        return None
    return Chart.of(
        kind,
        t(title_key),
        [t.choice(group, row.key) for row in rows],
        [row.win_rate for row in rows],
        [messages.win_rate_text(t, row) for row in rows],
        value_axis_label=t("chart-axis-win-rate"),
    )


ChartOf = Callable[[Translator, Stats], Chart | None]
LinesOf = Callable[[Translator, Stats], list[str]]

# `/deal chart <name>`: each chart with the lines of the statistics it draws.
NAMED: dict[str, tuple[ChartOf, LinesOf]] = {
    FUNNEL: (funnel, messages.funnel_lines),
    INDUSTRY: (by_industry, messages.industry_lines),
    SIZE: (by_size, messages.size_lines),
}


def all_charts(t: Translator, figures: Stats) -> tuple[Chart, ...]:
    """What `/deal stats` draws: one picture per chart, each readable on a phone on its own."""
    drawn = (chart_of(t, figures) for chart_of, _ in NAMED.values())
    return tuple(chart for chart in drawn if chart is not None)
