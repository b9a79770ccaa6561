"""The renderer the transports use: off the event loop, on one thread, and a chart that cannot
be drawn becomes None with the reason in the log (the caller then sends the text alone)."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from dealbot.handlers.charts import Chart, ChartRenderer
from dealbot.handlers.charts import fonts as chart_fonts
from dealbot.handlers.charts.png import render_png


async def test_charts_are_drawn_on_one_thread_of_their_own(sizes_zh: Chart) -> None:
    threads: list[threading.Thread] = []

    def draw(chart: Chart) -> bytes:
        threads.append(threading.current_thread())
        return render_png(chart)

    renderer = ChartRenderer(draw)
    try:
        first = await renderer.png(sizes_zh)
        second = await renderer.png(sizes_zh)
    finally:
        renderer.close()

    assert first is not None and first == second == render_png(sizes_zh)
    assert threads[0] is threads[1] is not threading.current_thread()
    assert threads[0].name.startswith("dealbot-charts")


async def test_the_event_loop_goes_on_while_a_chart_is_drawn(sizes_zh: Chart) -> None:
    loop_moved = threading.Event()

    def draw(chart: Chart) -> bytes:
        # Finishes only once the event loop has run something meanwhile.
        assert loop_moved.wait(timeout=10), "the event loop was blocked while drawing"
        return b"png"

    renderer = ChartRenderer(draw)
    try:
        drawing = asyncio.create_task(renderer.png(sizes_zh))
        # Runs after the drawing task's first step: only if that step handed the work away.
        asyncio.get_running_loop().call_soon(loop_moved.set)
        assert await drawing == b"png"
    finally:
        renderer.close()


@pytest.mark.usefixtures("fresh_font_lookup")
async def test_without_the_font_there_is_no_picture_and_a_clear_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, funnel_ja: Chart
) -> None:
    monkeypatch.setattr(chart_fonts, "CANDIDATE_FAMILIES", ("No Such Sans",))
    renderer = ChartRenderer()
    try:
        with caplog.at_level(logging.WARNING, logger="dealbot.handlers.charts.renderer"):
            assert await renderer.png(funnel_ja) is None
    finally:
        renderer.close()

    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "text only" in record.getMessage()
    assert "apt-get install fonts-noto-cjk" in record.getMessage()


async def test_a_chart_that_fails_to_draw_is_logged_with_its_traceback(
    caplog: pytest.LogCaptureFixture, sizes_zh: Chart
) -> None:
    def draw(chart: Chart) -> bytes:
        raise RuntimeError("agg fell over")

    renderer = ChartRenderer(draw)
    try:
        with caplog.at_level(logging.ERROR, logger="dealbot.handlers.charts.renderer"):
            assert await renderer.png(sizes_zh) is None
    finally:
        renderer.close()

    [record] = caplog.records
    assert sizes_zh.title in record.getMessage() and record.exc_info is not None
    assert "agg fell over" in str(record.exc_info[1])
