"""Charts as `/deal stats` and the weekly digest will draw them, in each language dealbot speaks,
and a clean font lookup for the tests that point it elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from dealbot.handlers.charts import Chart, ChartKind, Series
from dealbot.handlers.charts.fonts import forget_chart_font


@pytest.fixture
def funnel_ja() -> Chart:
    return Chart.of(
        ChartKind.FUNNEL,
        "営業ファネル（今四半期）",
        ["リード", "商談", "提案", "交渉", "受注"],
        [120, 64, 31, 12, 7],
        ["120件", "64件", "31件", "12件", "7件"],
        value_axis_label="案件数",
    )


@pytest.fixture
def industries_ru() -> Chart:
    return Chart.of(
        ChartKind.HORIZONTAL_BAR,
        "Доля выигранных сделок по отраслям",
        ["Розничная торговля", "Производство оборудования", "Логистика", "Сельское хозяйство"],
        [0.62, 0.48, None, 0.9],
        ["62 %", "48 %", "—", "90 %"],
        value_axis_label="Доля выигранных",
    )


@pytest.fixture
def sizes_zh() -> Chart:
    return Chart.of(
        ChartKind.BAR,
        "按公司规模的赢单率",
        ["1–10 人", "11–50 人", "51–200 人", "1000 人以上"],
        [0.2, 0.35, 0.5, 0.66],
        ["20%", "35%", "50%", "66%"],
        category_axis_label="公司规模",
    )


@pytest.fixture
def pipeline_en() -> Chart:
    return Chart(
        ChartKind.BAR,
        "Deals closed by stage reached",
        ("Qualified", "Proposal", "Negotiation", "Contract"),
        (Series("Won", (4, 9, 12, 7)), Series("Lost", (11, 8, 5, 1))),
        value_axis_label="Deals",
    )


@pytest.fixture
def amounts_en() -> Chart:
    return Chart.of(
        ChartKind.HORIZONTAL_BAR,
        "Open pipeline by stage",
        ["Lead", "Qualified", "Proposal", "Negotiation"],
        [Decimal("1200000"), Decimal("830000"), Decimal("410000"), Decimal("95000")],
        ["￥1,200,000", "￥830,000", "￥410,000", "￥95,000"],
    )


@pytest.fixture
def fresh_font_lookup() -> Iterator[None]:
    """The font looked up anew in the test, and again after it, whatever the test pointed it at."""
    forget_chart_font()
    yield
    forget_chart_font()
