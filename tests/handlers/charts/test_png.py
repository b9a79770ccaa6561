"""The PNG itself: a real picture of the asked size, with something drawn on it, labels inside
it, the same bytes for the same chart, and no matplotlib state left behind."""

from __future__ import annotations

import itertools
import struct
import subprocess
import sys
import textwrap
import warnings
from decimal import Decimal
from io import BytesIO

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from PIL import Image

from dealbot.handlers.charts import Chart, ChartKind, Series, render_png
from dealbot.handlers.charts.fonts import find_chart_font
from dealbot.handlers.charts.png import PALETTE, build_figure

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TELEGRAM_PHOTO_BYTES = 10 * 1024 * 1024
TELEGRAM_PHOTO_SIDES = 10_000
LONG_LABELS = [
    "Производство промышленного оборудования, станков и инструментов",
    "製造業向け産業機械および工作機械の販売とアフターサービス",
    "信息技术服务与软件开发外包以及系统集成",
    "Telecommunications-infrastructure-and-managed-network-services",
]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which the PNG standard puts first."""
    assert png[:8] == PNG_SIGNATURE
    length, chunk_type = struct.unpack(">I4s", png[8:16])
    assert (length, chunk_type) == (13, b"IHDR")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_png_has_the_asked_size_and_fits_telegram(sizes_zh: Chart) -> None:
    png = render_png(sizes_zh)

    assert png_size(png) == (1200, 800)
    assert len(png) < TELEGRAM_PHOTO_BYTES
    assert sum(png_size(png)) <= TELEGRAM_PHOTO_SIDES
    assert max(png_size(render_png(sizes_zh, width_px=4000, height_px=4000))) == 4000
    with Image.open(BytesIO(png)) as image:
        image.verify()


def test_other_sizes_are_drawn_to_the_pixel(pipeline_en: Chart) -> None:
    assert png_size(render_png(pipeline_en, width_px=640, height_px=480)) == (640, 480)
    assert png_size(render_png(pipeline_en, width_px=2000, height_px=1000)) == (2000, 1000)


@pytest.mark.parametrize(("width", "height"), [(299, 800), (1200, 4001), (4001, 1200), (1200, 0)])
def test_sizes_no_chat_takes_are_refused(width: int, height: int, pipeline_en: Chart) -> None:
    with pytest.raises(ValueError, match="px"):
        render_png(pipeline_en, width_px=width, height_px=height)


@pytest.mark.parametrize(
    "chart_name", ["funnel_ja", "industries_ru", "sizes_zh", "pipeline_en", "amounts_en"]
)
def test_every_kind_draws_bars_and_text_not_a_blank_picture(
    chart_name: str, request: pytest.FixtureRequest
) -> None:
    chart: Chart = request.getfixturevalue(chart_name)

    with Image.open(BytesIO(render_png(chart))) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)

    assert colours is not None
    # Anti-aliased text and bar edges blend into many shades; a blank or failed plot has one.
    assert len(colours) > 50
    bar_blue = tuple(int(PALETTE[0][i : i + 2], 16) for i in (1, 3, 5))
    bar_pixels = sum(count for count, colour in colours if colour == bar_blue)
    assert bar_pixels > 5_000
    if len(chart.series) > 1:
        bar_orange = tuple(int(PALETTE[1][i : i + 2], 16) for i in (1, 3, 5))
        assert sum(count for count, colour in colours if colour == bar_orange) > 5_000


def test_the_same_chart_gives_the_same_bytes(funnel_ja: Chart) -> None:
    assert render_png(funnel_ja) == render_png(funnel_ja)


def test_a_different_value_gives_a_different_picture(sizes_zh: Chart) -> None:
    changed = Chart.of(
        ChartKind.BAR,
        sizes_zh.title,
        sizes_zh.categories,
        [0.2, 0.35, 0.5, 0.1],
        ["20%", "35%", "50%", "10%"],
    )

    assert render_png(changed) != render_png(sizes_zh)


@pytest.mark.parametrize("kind", list(ChartKind))
@pytest.mark.parametrize(("width", "height"), [(1200, 800), (600, 400)])
def test_long_labels_stay_inside_the_picture(kind: ChartKind, width: int, height: int) -> None:
    chart = Chart.of(
        kind,
        "Win rate by industry, this quarter against the last, for every team in the region",
        LONG_LABELS,
        [0.62, 0.48, 0.31, 0.9],
        ["62 %", "48 %", "31 %", "90 %"],
        value_axis_label="Win rate",
        category_axis_label="Industry",
    )
    figure = build_figure(chart, find_chart_font(), width_px=width, height_px=height)
    FigureCanvasAgg(figure)
    figure.savefig(BytesIO(), format="png")

    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert len(texts) >= len(LONG_LABELS) * 2 + 3
    extents = {text.get_text(): text.get_window_extent() for text in texts}
    for shown, extent in extents.items():
        assert extent.x0 >= -1 and extent.y0 >= -1, shown
        assert extent.x1 <= width + 1 and extent.y1 <= height + 1, shown
    # Squeezed into the picture is not enough: no label may run into another.
    for (one, first), (other, second) in itertools.combinations(extents.items(), 2):
        assert not first.shrunk(0.98, 0.98).overlaps(second.shrunk(0.98, 0.98)), (one, other)
    assert not any(text.get_text() in LONG_LABELS for text in texts), "drawn whole"


def test_dollar_signs_are_text_not_mathematics() -> None:
    # Read as mathtext, "$\oops$" is an unknown command and drawing would fail.
    chart = Chart.of("bar", r"Deals $\oops$ by size", ["$10k–$50k", r"$\oops$"], [3, 4])

    assert png_size(render_png(chart)) == (1200, 800)


def test_rendering_changes_no_matplotlib_setting(industries_ru: Chart) -> None:
    before = dict(matplotlib.rcParams)

    render_png(industries_ru)

    assert dict(matplotlib.rcParams) == before


def test_importing_the_charts_loads_no_matplotlib_and_rendering_no_pyplot() -> None:
    script = textwrap.dedent(
        """
        import sys
        from dealbot.handlers.charts import Chart, render_png
        assert "matplotlib" not in sys.modules, "imported on import"
        render_png(Chart.of("bar", "Deals", ["A", "B"], [1, 2]))
        assert "matplotlib" in sys.modules
        assert "matplotlib.pyplot" not in sys.modules, "pyplot was imported"
        """
    )

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    assert done.returncode == 0, done.stderr


def test_several_series_get_a_legend_naming_each_even_one_matplotlib_would_hide() -> None:
    chart = Chart(
        ChartKind.HORIZONTAL_BAR,
        "Won and lost",
        ("Retail", "Logistics"),
        (Series("_won", (3, 4)), Series("Проиграно", (1, 2))),
    )

    figure = build_figure(chart, find_chart_font(), width_px=1200, height_px=800)

    [legend] = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == ["_won", "Проиграно"]


def test_one_series_needs_no_legend(sizes_zh: Chart) -> None:
    figure = build_figure(sizes_zh, find_chart_font(), width_px=1200, height_px=800)

    assert figure.legends == []


@pytest.mark.parametrize(
    "chart",
    [
        Chart.of("funnel", "Empty funnel", ["Lead", "Won"], [0, 0]),
        Chart.of("bar", "Change", ["Q1", "Q2", "Q3"], [-3, 4, 0]),
        Chart.of("horizontal_bar", "Change", ["Q1", "Q2"], [-3.5, Decimal("-1")]),
        Chart.of("horizontal_bar", "No closed deal yet", ["Retail"], [None]),
        Chart.of("bar", "One", ["Only"], [Decimal("0.5")], ["50 %"]),
    ],
    ids=["zero-funnel", "negative-bar", "negative-sideways", "no-value", "one-category"],
)
def test_edge_cases_still_draw(chart: Chart) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = render_png(chart)

    assert png_size(png) == (1200, 800)
