"""The neutral chart: what it accepts, and the words it says in place of the picture."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from dealbot.handlers.charts import Chart, ChartKind, InvalidChart, Series
from dealbot.handlers.charts.model import ALT_TEXT_LIMIT, MAX_CATEGORIES, plain_number


def test_alt_text_names_the_title_and_every_category_with_its_shown_value(
    industries_ru: Chart,
) -> None:
    assert industries_ru.alt_text() == (
        "Доля выигранных сделок по отраслям (Доля выигранных)\n"
        "Розничная торговля: 62 %\n"
        "Производство оборудования: 48 %\n"
        "Логистика: —\n"
        "Сельское хозяйство: 90 %"
    )


def test_alt_text_of_several_series_names_each_series_at_each_category(
    pipeline_en: Chart,
) -> None:
    lines = pipeline_en.alt_text().splitlines()

    assert lines == [
        "Deals closed by stage reached (Deals)",
        "Qualified: Won 4; Lost 11",
        "Proposal: Won 9; Lost 8",
        "Negotiation: Won 12; Lost 5",
        "Contract: Won 7; Lost 1",
    ]


def test_values_without_display_strings_are_shown_as_plain_numbers() -> None:
    chart = Chart.of("bar", "Deals", ["A", "B", "C", "D"], [3, Decimal("1200000.00"), 0.25, None])

    assert chart.alt_text().splitlines()[1:] == ["A: 3", "B: 1200000", "C: 0.25", "D: —"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (-0.0, "0"), (7, "7"), (Decimal("0.620"), "0.62"), (1e6, "1000000"), (0.1, "0.1")],
)
def test_plain_numbers_have_no_exponent_and_no_trailing_zeros(
    value: Decimal | float | int, shown: str
) -> None:
    assert plain_number(value) == shown


def test_a_long_chart_is_described_within_the_limit_with_every_value_kept() -> None:
    categories = [f"Отрасль {n:02} — производство и продажа оборудования" for n in range(40)]
    display = [f"{n} %" for n in range(40)]
    chart = Chart.of("horizontal_bar", "Доля выигранных сделок", categories, range(40), display)

    text = chart.alt_text()

    assert len(text) <= ALT_TEXT_LIMIT
    lines = text.splitlines()
    assert len(lines) == 41
    assert [line.rsplit(": ", 1)[1] for line in lines[1:]] == display
    labels = [line.rsplit(": ", 1)[0] for line in lines[1:]]
    assert [label[: len("Отрасль 00")] for label in labels] == [c[:10] for c in categories]
    assert all(label.endswith("…") for label in labels)


def test_alt_text_is_cut_with_an_ellipsis_when_even_short_labels_do_not_fit() -> None:
    chart = Chart.of("bar", "Deals", [f"C{n}" for n in range(30)], range(30))

    text = chart.alt_text(limit=60)

    assert len(text) == 60
    assert text.endswith("…")
    assert text.startswith("Deals\nC0: 0\n")


def test_the_chart_is_frozen(sizes_zh: Chart) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sizes_zh.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("build", "complaint"),
    [
        (lambda: Chart.of("bar", "T", ["A", "B"], [1]), "has 1 values for 2 categories"),
        (lambda: Chart.of("bar", "T", [], []), "no values"),
        (lambda: Chart(ChartKind.BAR, "T", (), (Series("", (1,)),)), "at least one category"),
        (lambda: Chart(ChartKind.BAR, "T", ("A",), ()), "at least one series"),
        (lambda: Chart.of("bar", " ", ["A"], [1]), "title must be non-empty"),
        (lambda: Chart.of("bar", "T", ["A", ""], [1, 2]), "category label must be non-empty"),
        (lambda: Chart.of("pie", "T", ["A"], [1]), "unknown chart kind 'pie'"),
        (lambda: Chart.of("bar", "T", ["A"], [float("nan")]), "cannot be drawn"),
        (lambda: Chart.of("bar", "T", ["A"], [Decimal("Infinity")]), "cannot be drawn"),
        (lambda: Chart.of("bar", "T", ["A"], [True]), "is not a number"),
        (lambda: Chart.of("bar", "T", ["A"], ["12"]), "is not a number"),  # type: ignore[list-item]
        (lambda: Chart.of("bar", "T", ["A", "B"], [1, 2], ["1"]), "but 1 display strings"),
        (lambda: Chart.of("bar", "T", ["A"], [1], ["x" * 33]), "at most 32 characters"),
        (lambda: Chart.of("funnel", "T", ["A", "B"], [5, -1]), "cannot be negative"),
        (lambda: Chart.of("bar", "T", ["A"], [1], value_axis_label=""), "axis label"),
        (
            lambda: Chart.of("bar", "T", [str(n) for n in range(41)], range(41)),
            f"at most {MAX_CATEGORIES}",
        ),
        (
            lambda: Chart(ChartKind.FUNNEL, "T", ("A",), (Series("a", (1,)), Series("b", (2,)))),
            "exactly one series",
        ),
        (
            lambda: Chart(ChartKind.BAR, "T", ("A",), (Series("a", (1,)), Series("a", (2,)))),
            "series names repeat",
        ),
        (
            lambda: Chart(ChartKind.BAR, "T", ("A",), (Series("a", (1,)), Series("", (2,)))),
            "a legend tells several series apart",
        ),
    ],
)
def test_a_chart_that_cannot_be_drawn_is_refused_when_built(build: object, complaint: str) -> None:
    assert callable(build)
    with pytest.raises(InvalidChart, match=complaint.replace("(", r"\(").replace(")", r"\)")):
        build()


def test_a_funnel_may_hold_zeros_and_a_bar_chart_negative_values() -> None:
    Chart.of("funnel", "Funnel", ["Lead", "Won"], [0, 0])
    chart = Chart.of("bar", "Change", ["Q1", "Q2"], [-3, 4])

    assert chart.series[0].magnitudes() == (-3.0, 4.0)
