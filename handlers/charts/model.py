"""A chart as plain data: what to draw, never how. `png.render_png` draws it; `Chart.alt_text()`
says it in words where no picture goes (screen readers, Slack's `alt_text`, a caption, the shell).

Every string arrives as the reader should see it: the caller translates titles and labels and
formats the values ("62 %", "￥1,200,000"), because only it knows the reader's language."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from dealbot.handlers.charts.labels import shorten

Number = Decimal | float | int

# Slack truncates nothing under 2,000 characters; 1,000 also reads as a caption and a Telegram
# photo caption (1,024) still holds it.
ALT_TEXT_LIMIT = 1000
# Past these a picture stops being readable at 1200×800: split the data or send a table.
MAX_CATEGORIES = 40
MAX_SERIES = 6
MAX_DISPLAY_LENGTH = 32
# Shorter than this, shortened labels would all read alike; the text is cut at the end instead.
MIN_ALT_LABEL_LENGTH = 6
# Shown for a missing value (a win rate with no closed deal yet) when the caller gave no text.
NO_VALUE = "—"


class InvalidChart(ValueError):
    """The data cannot make a chart: a mistake of the caller's, never of the reader's."""


class ChartKind(StrEnum):
    BAR = "bar"
    """Upright bars, categories along the bottom: few, short categories (win rate by size)."""
    HORIZONTAL_BAR = "horizontal_bar"
    """Bars from the left, one category a row: long or many labels (win rate by industry)."""
    FUNNEL = "funnel"
    """Centred bars narrowing from the first stage down (the sales funnel); one series."""


@dataclass(frozen=True)
class Series:
    """One row of values, one per category. `display` holds each value as the reader should see
    it; without it values are shown as plain numbers. A value of None is "no figure": no bar."""

    name: str
    values: tuple[Number | None, ...]
    display: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str):
            raise InvalidChart(f"series name must be text, not {self.name!r}")
        if not self.values:
            raise InvalidChart(f"series {self.name!r} has no values")
        for value in self.values:
            _check_number(value, self.name)
        if self.display is not None:
            if len(self.display) != len(self.values):
                raise InvalidChart(
                    f"series {self.name!r} has {len(self.values)} values "
                    f"but {len(self.display)} display strings"
                )
            for shown in self.display:
                if not isinstance(shown, str) or len(shown) > MAX_DISPLAY_LENGTH:
                    raise InvalidChart(
                        f"series {self.name!r}: display strings must be text of at most "
                        f"{MAX_DISPLAY_LENGTH} characters, not {shown!r}"
                    )

    def shown(self, index: int) -> str:
        """The value at `index` as the reader sees it."""
        if self.display is not None:
            return self.display[index]
        return plain_number(self.values[index])

    def magnitudes(self) -> tuple[float, ...]:
        """The values as floats for drawing; a missing value draws as no bar."""
        return tuple(0.0 if value is None else float(value) for value in self.values)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "values": [_number_json(value) for value in self.values],
            "display": list(self.display) if self.display is not None else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Series:
        display = data.get("display")
        return cls(
            str(data["name"]),
            tuple(_number_of_json(value) for value in data["values"]),
            tuple(str(shown) for shown in display) if display is not None else None,
        )


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_axis_label: str | None = None
    category_axis_label: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, ChartKind):
            raise InvalidChart(f"unknown chart kind {self.kind!r}")
        _check_text(self.title, "title")
        if not self.categories:
            raise InvalidChart("a chart needs at least one category")
        if len(self.categories) > MAX_CATEGORIES:
            raise InvalidChart(
                f"{len(self.categories)} categories; at most {MAX_CATEGORIES} stay readable"
            )
        for category in self.categories:
            _check_text(category, "category label")
        if not self.series:
            raise InvalidChart("a chart needs at least one series")
        if len(self.series) > MAX_SERIES:
            raise InvalidChart(f"{len(self.series)} series; at most {MAX_SERIES} are drawn")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise InvalidChart(
                    f"series {series.name!r} has {len(series.values)} values "
                    f"for {len(self.categories)} categories"
                )
        if len(self.series) > 1:
            names = [series.name for series in self.series]
            for name in names:
                _check_text(name, "series name (a legend tells several series apart)")
            if len(set(names)) != len(names):
                raise InvalidChart(f"series names repeat: {names}")
        if self.kind is ChartKind.FUNNEL:
            if len(self.series) != 1:
                raise InvalidChart("a funnel has exactly one series")
            if any(value < 0 for value in self.series[0].magnitudes()):
                raise InvalidChart("a funnel's values cannot be negative")
        for label in (self.value_axis_label, self.category_axis_label):
            if label is not None:
                _check_text(label, "axis label")

    @classmethod
    def of(
        cls,
        kind: ChartKind | str,
        title: str,
        categories: Sequence[str],
        values: Sequence[Number | None],
        display: Sequence[str] | None = None,
        *,
        series_name: str = "",
        value_axis_label: str | None = None,
        category_axis_label: str | None = None,
    ) -> Chart:
        """A chart of one series, the usual case: `Chart.of("bar", title, labels, values)`."""
        try:
            chart_kind = ChartKind(kind)
        except ValueError:
            raise InvalidChart(f"unknown chart kind {kind!r}") from None
        series = Series(series_name, tuple(values), tuple(display) if display is not None else None)
        return cls(
            chart_kind,
            title,
            tuple(categories),
            (series,),
            value_axis_label=value_axis_label,
            category_axis_label=category_axis_label,
        )

    def to_json(self) -> dict[str, Any]:
        """The chart as JSON, so that a message carrying it can wait in the outbox."""
        return {
            "kind": self.kind.value,
            "title": self.title,
            "categories": list(self.categories),
            "series": [series.to_json() for series in self.series],
            "value_axis_label": self.value_axis_label,
            "category_axis_label": self.category_axis_label,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Chart:
        """A chart read back from `to_json`; InvalidChart when the data cannot make one."""
        try:
            kind = ChartKind(data["kind"])
            return cls(
                kind,
                data["title"],
                tuple(data["categories"]),
                tuple(Series.from_json(series) for series in data["series"]),
                value_axis_label=data.get("value_axis_label"),
                category_axis_label=data.get("category_axis_label"),
            )
        except (KeyError, TypeError, ValueError) as error:
            if isinstance(error, InvalidChart):
                raise
            raise InvalidChart(f"not a chart: {error!r}") from None

    def alt_text(self, limit: int = ALT_TEXT_LIMIT) -> str:
        """The whole chart in plain text: the title, then every category with its value(s), one a
        line. Past `limit` characters the category labels are shortened, all to the same length,
        so that every value stays; only if that is not enough is the end cut (with an ellipsis)."""
        heading = self.title
        if self.value_axis_label:
            heading = f"{heading} ({self.value_axis_label})"
        values = [self._values_at(index) for index in range(len(self.categories))]
        text = _alt_lines(heading, self.categories, values)
        if len(text) <= limit:
            return text
        # What the labels may take once the heading, values, separators and newlines are in.
        fixed = len(heading) + sum(len(": ") + len(shown) + len("\n") for shown in values)
        label_length = (limit - fixed) // len(self.categories)
        if label_length >= MIN_ALT_LABEL_LENGTH:
            labels = [shorten(category, label_length) for category in self.categories]
            text = _alt_lines(heading, labels, values)
            if len(text) <= limit:
                return text
        return text[: limit - 1] + "…"

    def _values_at(self, index: int) -> str:
        if len(self.series) == 1:
            return self.series[0].shown(index)
        return "; ".join(f"{series.name} {series.shown(index)}" for series in self.series)


def _alt_lines(heading: str, labels: Sequence[str], values: Sequence[str]) -> str:
    lines = (f"{label}: {shown}" for label, shown in zip(labels, values, strict=True))
    return "\n".join([heading, *lines])


def plain_number(value: Number | None) -> str:
    """A value as digits with no grouping (which would be a locale's): 1200000, 0.62."""
    if value is None:
        return NO_VALUE
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = format(exact.normalize(), "f")
    return "0" if text == "-0" else text


def _number_json(value: Number | None) -> int | float | str | None:
    # JSON has no decimals: an exact amount travels as its digits, and comes back a Decimal.
    return str(value) if isinstance(value, Decimal) else value


def _number_of_json(value: Any) -> Any:
    """A value as `_number_json` wrote it; anything else is left for Series to refuse."""
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            raise InvalidChart(f"{value!r} is not a number") from None
    return value


def _check_number(value: object, series_name: str) -> None:
    if value is None:
        return
    # bool is an int to Python but never a chart value; it would be a caller's slip.
    if isinstance(value, bool) or not isinstance(value, Decimal | float | int):
        raise InvalidChart(f"series {series_name!r}: {value!r} is not a number")
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    if not finite:
        raise InvalidChart(f"series {series_name!r}: {value!r} cannot be drawn")


def _check_text(text: object, what: str) -> None:
    if not isinstance(text, str) or not text.strip():
        raise InvalidChart(f"{what} must be non-empty text, not {text!r}")
