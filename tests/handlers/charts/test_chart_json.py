"""A chart travels inside a message through the outbox as JSON, and comes back the same."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from dealbot.handlers.charts import Chart, InvalidChart, render_png
from dealbot.handlers.core.ui import Button, Message, Reply


@pytest.mark.parametrize(
    "chart_name", ["funnel_ja", "industries_ru", "sizes_zh", "pipeline_en", "amounts_en"]
)
def test_a_chart_comes_back_from_json_equal_and_draws_the_same(
    chart_name: str, request: pytest.FixtureRequest
) -> None:
    chart: Chart = request.getfixturevalue(chart_name)

    back = Chart.from_json(json.loads(json.dumps(chart.to_json())))

    assert back == chart
    assert back.alt_text() == chart.alt_text()
    if chart_name == "amounts_en":
        assert render_png(back) == render_png(chart)


def test_exact_amounts_stay_exact_and_missing_values_stay_missing() -> None:
    chart = Chart.of(
        "bar", "Amounts", ["A", "B", "C", "D"], [Decimal("0.10"), 3, 2.5, None], series_name="x"
    )

    back = Chart.from_json(json.loads(json.dumps(chart.to_json())))

    assert back.series[0].values == (Decimal("0.10"), 3, 2.5, None)
    assert isinstance(back.series[0].values[0], Decimal)


@pytest.mark.parametrize(
    "broken",
    [
        {},
        {"kind": "pie", "title": "T", "categories": ["A"], "series": []},
        {"kind": "bar", "title": "T", "categories": ["A"], "series": [{"name": "", "values": []}]},
        {"kind": "bar", "title": "T", "categories": ["A"], "series": [{"values": [1]}]},
        {"kind": "bar", "title": "", "categories": ["A"], "series": [{"name": "", "values": [1]}]},
        {
            "kind": "bar",
            "title": "T",
            "categories": ["A"],
            "series": [{"name": "", "values": ["x"]}],
        },
        {"kind": "bar", "title": "T", "categories": 5, "series": []},
    ],
)
def test_json_that_cannot_make_a_chart_is_refused(broken: dict[str, object]) -> None:
    with pytest.raises(InvalidChart):
        Chart.from_json(broken)


def test_a_message_with_charts_and_a_reply_survive_the_outbox(
    funnel_ja: Chart, pipeline_en: Chart
) -> None:
    message = Message(
        title="統計",
        fields=(("件数", "5"),),
        lines=("受注率 40%",),
        buttons=(Button("Open", "open", "7", True),),
        footer="f",
        charts=(funnel_ja, pipeline_en),
    )

    assert Message.from_json(json.loads(json.dumps(message.to_json()))) == message
    reply = Reply((message,), queued=2)
    assert Reply.from_json(json.loads(json.dumps(reply.to_json()))) == reply
    assert reply.has_charts and not Reply.of(message.without_charts()).has_charts


def test_a_message_stored_before_charts_existed_still_reads() -> None:
    stored: dict[str, Any] = {
        "title": "Saved D-1",
        "fields": [],
        "lines": [],
        "buttons": [],
        "footer": None,
    }

    assert Message.from_json(stored) == Message(title="Saved D-1")


def test_the_plain_text_of_a_message_is_its_words_not_its_charts(sizes_zh: Chart) -> None:
    message = Message(title="Stats", lines=("a",), charts=(sizes_zh,))

    assert message.plain() == "Stats\na"
