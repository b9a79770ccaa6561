"""Pictures: a neutral chart (`Chart`), drawn as a PNG (`render_png`) or said in words
(`Chart.alt_text()`). Importing this package does not import matplotlib; the first render does."""

from dealbot.handlers.charts.fonts import ChartFontMissing, font_available
from dealbot.handlers.charts.model import Chart, ChartKind, InvalidChart, Series
from dealbot.handlers.charts.png import render_png
from dealbot.handlers.charts.renderer import ChartRenderer, shared_renderer

__all__ = [
    "Chart",
    "ChartFontMissing",
    "ChartKind",
    "ChartRenderer",
    "InvalidChart",
    "Series",
    "font_available",
    "render_png",
    "shared_renderer",
]
