"""Draws a `Chart` as a PNG with matplotlib's Agg renderer, through its object API alone: no
pyplot, no display, no change to matplotlib's global settings. matplotlib is imported by the first
render, not by importing this module, so that importing dealbot stays light.

Rendering is blocking CPU work (tens of milliseconds): an async caller runs it in a thread."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

from dealbot.handlers.charts.fonts import ChartFont, find_chart_font
from dealbot.handlers.charts.labels import columns, shorten, wrap
from dealbot.handlers.charts.model import Chart, ChartKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

DPI = 100
MIN_SIDE_PX = 300
# Telegram's sendPhoto takes width + height up to 10,000 px and at most 10 MB: 4000 a side keeps
# well inside both (a 1200×800 chart is 30–150 KB).
MAX_SIDE_PX = 4000
# Okabe–Ito: series stay apart for colour-blind readers too.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
TEXT_COLOUR = "#222222"
MUTED_COLOUR = "#666666"
BASELINE_COLOUR = "#999999"
# Of a category's slot, what the bars take; the rest parts one category from the next.
GROUP_WIDTH = 0.8
# A column of text (see labels.columns) as a share of the font size: a little more than an
# average Latin letter and half a kana, so that estimates err on the roomy side.
COLUMN_EM = 0.6
LINE_SPACING = 1.3

# Matplotlib's caches (fonts, text layout) are shared by the whole process and not made for two
# threads drawing at once. Rendering holds the GIL for most of its time anyway, so taking turns
# costs little.
_RENDER_LOCK = threading.Lock()


def render_png(chart: Chart, *, width_px: int = 1200, height_px: int = 800) -> bytes:
    """The chart as PNG bytes of exactly `width_px` × `height_px`.

    Raises ChartFontMissing when no font draws all of dealbot's languages (send
    `chart.alt_text()` instead), ValueError for a size outside 300–4000 px a side."""
    check_size(width_px, height_px)
    font = find_chart_font()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with _RENDER_LOCK:
        figure = build_figure(chart, font, width_px=width_px, height_px=height_px)
        # Drawn by Agg, set here rather than chosen by matplotlib's backend machinery.
        canvas = FigureCanvasAgg(figure)
        buffer = BytesIO()
        try:
            # Size and crop stated, so that a matplotlibrc asking for other savefig settings is
            # moot; without matplotlib's "Software" text chunk the bytes depend on the chart alone.
            figure.savefig(
                buffer, format="png", dpi=DPI, bbox_inches=None, metadata={"Software": None}
            )
        finally:
            # The figure, its canvas and its artists refer to one another, so only the cycle
            # collector, which seldom runs, would free them, with the canvas's 4 MB pixel buffer:
            # a busy process grew by ~50 MB before it did. Undone here, they go at once.
            figure.clear()
            canvas.renderer = None
    return buffer.getvalue()


def check_size(width_px: int, height_px: int) -> None:
    for side in (width_px, height_px):
        if not MIN_SIDE_PX <= side <= MAX_SIDE_PX:
            raise ValueError(f"chart sides are {MIN_SIDE_PX}–{MAX_SIDE_PX} px, not {side}")


def build_figure(chart: Chart, font: ChartFont, *, width_px: int, height_px: int) -> Figure:
    """The chart as a matplotlib Figure, every text set in `font`: for `render_png`, and for a
    caller or test that wants the artists themselves (another format, text extents)."""
    from matplotlib.figure import Figure

    # Constrained layout shrinks the plot until title, labels and legend all fit the figure.
    figure = Figure(
        figsize=(width_px / DPI, height_px / DPI), dpi=DPI, layout="constrained", facecolor="white"
    )
    axes = figure.add_subplot()
    sizes = _Sizes.of(chart, width_px, height_px)
    fonts = _Fonts.of(font, sizes)
    title = wrap(chart.title, _fit_columns(width_px * 0.95, sizes.title_pt), max_lines=2)
    # A figure title (not the axes'): it spans the picture's width, and a legend goes below it.
    figure.suptitle(
        title,
        x=0.01,
        ha="left",
        fontproperties=fonts.title,
        color=TEXT_COLOUR,
        parse_math=False,
    )
    if chart.kind is ChartKind.BAR:
        bars = _draw_upright_bars(axes, chart, fonts, sizes)
    elif chart.kind is ChartKind.HORIZONTAL_BAR:
        bars = _draw_sideways_bars(axes, chart, fonts, sizes)
    else:
        _draw_funnel(axes, chart, fonts, sizes)
    if len(chart.series) > 1:
        # Handles and names given outright: matplotlib would leave out a name starting with "_".
        # One bar stands for its series, as matplotlib would draw it for the whole container.
        legend = figure.legend(
            [series_bars.patches[0] for series_bars in bars],
            [series.name for series in chart.series],
            loc="outside upper right",
            prop=fonts.label,
            frameon=False,
            ncols=min(3, len(chart.series)),
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    return figure


@dataclass(frozen=True)
class _Sizes:
    """Font sizes (points) and the room each kind of label has, from the picture's size."""

    width_px: int
    height_px: int
    title_pt: float
    label_pt: float
    value_pt: float
    axis_pt: float
    category_columns: int
    category_lines: int

    @classmethod
    def of(cls, chart: Chart, width_px: int, height_px: int) -> _Sizes:
        # Sizes were chosen at 1200×800 and scale with the picture, so a thumbnail reads alike.
        scale = max(0.5, min(width_px / 1200, height_px / 800))
        label_pt = 13 * scale
        count = len(chart.categories)
        if chart.kind is ChartKind.BAR:
            slot_px = width_px * 0.9 / count
            # Narrow slots get smaller type, down to a floor below which nothing reads.
            label_pt = max(7.0, min(label_pt, slot_px / (8 * _column_px(1.0))))
            category_columns = _fit_columns(slot_px * 0.92, label_pt)
            category_lines = 3
        else:
            row_px = height_px * 0.72 / count
            label_pt = max(6.0, min(label_pt, row_px / (LINE_SPACING * DPI / 72)))
            category_columns = _fit_columns(width_px * 0.3, label_pt)
            category_lines = max(1, min(3, int(row_px / (label_pt * LINE_SPACING * DPI / 72))))
        return cls(
            width_px=width_px,
            height_px=height_px,
            title_pt=20 * scale,
            label_pt=label_pt,
            value_pt=min(12 * scale, label_pt),
            axis_pt=12 * scale,
            category_columns=category_columns,
            category_lines=category_lines,
        )


@dataclass(frozen=True)
class _Fonts:
    title: FontProperties
    label: FontProperties
    value: FontProperties
    axis: FontProperties

    @classmethod
    def of(cls, font: ChartFont, sizes: _Sizes) -> _Fonts:
        from matplotlib.font_manager import FontProperties

        def face(size: float, weight: str = "normal") -> FontProperties:
            return FontProperties(family=list(font.families), size=size, weight=weight)

        return cls(
            title=face(sizes.title_pt, "bold"),
            label=face(sizes.label_pt),
            value=face(sizes.value_pt),
            axis=face(sizes.axis_pt),
        )

    def with_value_size(self, size: float) -> _Fonts:
        value = self.value.copy()
        value.set_size(size)
        return _Fonts(self.title, self.label, value, self.axis)


def _draw_upright_bars(
    axes: Axes, chart: Chart, fonts: _Fonts, sizes: _Sizes
) -> list[BarContainer]:
    count, series_count = len(chart.categories), len(chart.series)
    bar_width = GROUP_WIDTH / series_count
    slot_px = sizes.width_px * 0.9 / count
    bar_px = slot_px * bar_width
    widest_value = max(columns(s.shown(i)) for s in chart.series for i in range(count))
    # A value label wider than its bar would run into the next one: smaller type first, and if
    # even the smallest is too wide, the label stands upright.
    value_pt = min(sizes.value_pt, max(7.0, bar_px * 1.1 / (widest_value * _column_px(1.0))))
    rotation = 0 if widest_value * _column_px(value_pt) <= bar_px * 1.1 else 90
    fonts = fonts.with_value_size(value_pt)
    drawn = []
    for index, series in enumerate(chart.series):
        offset = (index - (series_count - 1) / 2) * bar_width
        bars = axes.bar(
            [position + offset for position in range(count)],
            series.magnitudes(),
            width=bar_width,
            color=PALETTE[index],
        )
        drawn.append(bars)
        axes.bar_label(
            bars,
            labels=[series.shown(i) for i in range(count)],
            padding=3,
            fontproperties=fonts.value,
            color=TEXT_COLOUR,
            rotation=rotation,
            parse_math=False,
        )
    label_px = (
        widest_value * _column_px(value_pt) if rotation else value_pt * LINE_SPACING * DPI / 72
    )
    low, high = _value_limits(chart, room=(label_px + 6) / (sizes.height_px * 0.62))
    axes.set_ylim(low, high)
    axes.set_xlim(-0.5, count - 0.5)
    axes.axhline(0, color=BASELINE_COLOUR, linewidth=1)
    axes.set_xticks(
        list(range(count)),
        labels=[
            wrap(category, sizes.category_columns, sizes.category_lines)
            for category in chart.categories
        ],
        fontproperties=fonts.label,
        color=TEXT_COLOUR,
        parse_math=False,
    )
    axes.set_yticks([])
    axes.tick_params(axis="x", length=0, pad=6)
    _axis_labels(axes, fonts, below=chart.category_axis_label, side=chart.value_axis_label)
    return drawn


def _draw_sideways_bars(
    axes: Axes, chart: Chart, fonts: _Fonts, sizes: _Sizes
) -> list[BarContainer]:
    count, series_count = len(chart.categories), len(chart.series)
    bar_height = GROUP_WIDTH / series_count
    drawn = []
    for index, series in enumerate(chart.series):
        offset = (index - (series_count - 1) / 2) * bar_height
        bars = axes.barh(
            [position + offset for position in range(count)],
            series.magnitudes(),
            height=bar_height,
            color=PALETTE[index],
        )
        drawn.append(bars)
        axes.bar_label(
            bars,
            labels=[series.shown(i) for i in range(count)],
            padding=4,
            fontproperties=fonts.value,
            color=TEXT_COLOUR,
            parse_math=False,
        )
    low, high = _value_limits(chart, room=_sideways_label_room(chart, sizes))
    axes.set_xlim(low, high)
    axes.axvline(0, color=BASELINE_COLOUR, linewidth=1)
    _category_rows(axes, chart, fonts, sizes)
    axes.set_xticks([])
    _axis_labels(axes, fonts, below=chart.value_axis_label, side=chart.category_axis_label)
    return drawn


def _draw_funnel(axes: Axes, chart: Chart, fonts: _Fonts, sizes: _Sizes) -> None:
    series = chart.series[0]
    magnitudes = series.magnitudes()
    widest = max(magnitudes) or 1.0
    positions = list(range(len(chart.categories)))
    # Each stage centred on the widest, so the bars narrow like a funnel.
    axes.barh(
        positions,
        magnitudes,
        left=[(widest - magnitude) / 2 for magnitude in magnitudes],
        height=0.82,
        color=PALETTE[0],
    )
    # Values stand in one column right of the funnel: a narrow stage's label would not fit
    # inside its bar, and a column reads down like the stages do.
    value_x = widest * 1.03
    for position in positions:
        axes.text(
            value_x,
            position,
            series.shown(position),
            va="center",
            ha="left",
            fontproperties=fonts.value,
            color=TEXT_COLOUR,
            parse_math=False,
        )
    room = _sideways_label_room(chart, sizes)
    axes.set_xlim(0, widest * 1.03 / (1 - room))
    _category_rows(axes, chart, fonts, sizes)
    axes.set_xticks([])
    _axis_labels(axes, fonts, below=chart.value_axis_label, side=chart.category_axis_label)


def _category_rows(axes: Axes, chart: Chart, fonts: _Fonts, sizes: _Sizes) -> None:
    """Categories down the left, the first on top (as they are listed, and as a funnel runs)."""
    count = len(chart.categories)
    axes.set_yticks(
        list(range(count)),
        labels=[
            wrap(category, sizes.category_columns, sizes.category_lines)
            for category in chart.categories
        ],
        fontproperties=fonts.label,
        color=TEXT_COLOUR,
        parse_math=False,
    )
    axes.set_ylim(count - 0.5, -0.5)
    axes.tick_params(axis="y", length=0, pad=6)


def _axis_labels(axes: Axes, fonts: _Fonts, *, below: str | None, side: str | None) -> None:
    if below:
        axes.set_xlabel(
            shorten(below, 80), fontproperties=fonts.axis, color=MUTED_COLOUR, parse_math=False
        )
    if side:
        axes.set_ylabel(
            shorten(side, 60), fontproperties=fonts.axis, color=MUTED_COLOUR, parse_math=False
        )


def _sideways_label_room(chart: Chart, sizes: _Sizes) -> float:
    """The share of the plot's width that value labels right of the bars need."""
    widest_value = max(
        columns(s.shown(i)) for s in chart.series for i in range(len(chart.categories))
    )
    plot_px = sizes.width_px * 0.62
    return min(0.5, (widest_value * _column_px(sizes.value_pt) + 10) / plot_px)


def _value_limits(chart: Chart, *, room: float) -> tuple[float, float]:
    """The value axis's range: zero always on it, and `room` (a share of the axis) left past the
    longest bar each way for its label."""
    room = min(room, 0.5)
    magnitudes = [m for series in chart.series for m in series.magnitudes()]
    high, low = max([0.0, *magnitudes]), min([0.0, *magnitudes])
    if high == low == 0.0:
        high = 1.0
    span = high - low
    padding = span * room / (1 - room)
    return (low - padding if low < 0 else 0.0, high + padding if high > 0 else 0.0)


def _column_px(size_pt: float) -> float:
    return size_pt * COLUMN_EM * DPI / 72


def _fit_columns(width_px: float, size_pt: float) -> int:
    return max(2, int(width_px / _column_px(size_pt)))
