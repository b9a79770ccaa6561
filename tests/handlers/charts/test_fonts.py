"""Japanese, Chinese and Russian labels come out as real glyphs of the one chart font, and a
machine without such a font gets a clear error naming the package, not a picture of boxes."""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager, ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from dealbot.handlers.charts import Chart, ChartFontMissing, font_available, render_png
from dealbot.handlers.charts import fonts as chart_fonts
from dealbot.handlers.charts.fonts import ChartFont, find_chart_font
from dealbot.handlers.charts.png import build_figure

# matplotlib's own copy of DejaVu Sans: always there, and it has no kana and no hanzi.
DEJAVU = ChartFont(
    "DejaVu Sans", str(Path(matplotlib.get_data_path(), "fonts/ttf/DejaVuSans.ttf")), 0
)


def drawn(chart: Chart, font: ChartFont) -> list[Text]:
    """The chart drawn on an Agg canvas, and its texts that show something."""
    figure = build_figure(chart, font, width_px=1200, height_px=800)
    FigureCanvasAgg(figure)
    figure.savefig(BytesIO(), format="png")
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return texts


@pytest.mark.parametrize("chart_name", ["funnel_ja", "industries_ru", "sizes_zh"])
def test_every_label_is_drawn_from_the_chart_font_with_no_glyph_missing(
    chart_name: str, request: pytest.FixtureRequest
) -> None:
    chart: Chart = request.getfixturevalue(chart_name)
    font = find_chart_font()
    face = ft2font.FT2Font(font.path, face_index=font.face_index)

    with warnings.catch_warnings():
        # matplotlib warns "Glyph … missing from font(s)" and draws a box in its place.
        warnings.simplefilter("error")
        texts = drawn(chart, font)
        render_png(chart)

    shown = {text.get_text() for text in texts}
    for label in (chart.title, *chart.categories, chart.series[0].shown(0)):
        assert any(label.split()[0] in text for text in shown), label
    for text in texts:
        extent = text.get_window_extent()
        assert extent.width > 0 and extent.height > 0, text.get_text()
        found = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert Path(found).name.startswith("NotoSansCJK"), (text.get_text(), found)
        missing = [
            c for c in text.get_text() if not c.isspace() and not face.get_char_index(ord(c))
        ]
        assert missing == [], text.get_text()


def test_a_font_without_kana_really_warns_so_the_test_above_can_fail(funnel_ja: Chart) -> None:
    with pytest.warns(UserWarning, match=r"Glyph \d+ .* missing from font"):
        drawn(funnel_ja, DEJAVU)


def test_the_ruble_sign_falls_back_to_a_font_that_has_it() -> None:
    chart = Chart.of(
        "bar", "Сумма сделок", ["Москва", "Казань"], [1200000, 5], ["1 200 000,00 ₽", "5 ₽"]
    )

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_png(chart)


def test_the_chart_font_covers_every_script_of_the_probe() -> None:
    font = find_chart_font()

    assert font.family.startswith(("Noto Sans CJK", "Source Han Sans"))
    face = ft2font.FT2Font(font.path, face_index=font.face_index)
    assert all(face.get_char_index(ord(c)) for c in "Жы日本語ひらがなカナ简体说")
    assert font_available()


@pytest.mark.usefixtures("fresh_font_lookup")
def test_with_no_covering_font_rendering_raises_and_names_the_package(
    monkeypatch: pytest.MonkeyPatch, funnel_ja: Chart
) -> None:
    # DejaVu Sans is installed (it comes with matplotlib) but has no Japanese or Chinese.
    monkeypatch.setattr(chart_fonts, "CANDIDATE_FAMILIES", ("DejaVu Sans",))

    assert not font_available()
    with pytest.raises(ChartFontMissing, match="fonts-noto-cjk") as raised:
        render_png(funnel_ja)
    assert "DejaVu Sans" in str(raised.value)
    # Words still work where the picture cannot.
    assert "リード: 120件" in funnel_ja.alt_text()


@pytest.mark.usefixtures("fresh_font_lookup")
def test_a_family_that_is_not_installed_at_all_is_missing_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(chart_fonts, "CANDIDATE_FAMILIES", ("No Such Sans",))

    with pytest.raises(ChartFontMissing, match="apt-get install fonts-noto-cjk"):
        find_chart_font()


@pytest.mark.usefixtures("fresh_font_lookup")
def test_the_lookup_runs_once_and_remembers_a_miss_as_well(monkeypatch: pytest.MonkeyPatch) -> None:
    probed: list[str] = []
    real_probe = chart_fonts._covers_probe

    def counting_probe(entry: font_manager.FontEntry) -> bool:
        probed.append(entry.name)
        return real_probe(entry)

    monkeypatch.setattr(chart_fonts, "_covers_probe", counting_probe)
    find_chart_font()
    find_chart_font()
    assert len(probed) == 1

    monkeypatch.setattr(chart_fonts, "CANDIDATE_FAMILIES", ("DejaVu Sans",))
    chart_fonts.forget_chart_font()
    probed.clear()
    assert not font_available()
    probed_by_the_miss = len(probed)
    assert probed_by_the_miss >= 1
    assert not font_available()
    assert len(probed) == probed_by_the_miss


@pytest.mark.usefixtures("fresh_font_lookup")
def test_a_font_installed_after_matplotlib_listed_the_fonts_is_still_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As matplotlib's cached list would be had it been written before fonts-noto-cjk came.
    stale = [e for e in font_manager.fontManager.ttflist if "CJK" not in e.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)

    font = find_chart_font()

    assert font.family == "Noto Sans CJK JP"
    assert any(entry.name == "Noto Sans CJK JP" for entry in stale)
