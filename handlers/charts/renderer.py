"""Charts drawn for delivery: on one thread of their own, never on the event loop, and with what
each chart leaves behind in memory given back, so that a bot drawing charts all day stays small.

Why one thread, measured in a running bot (bench/chart_render.py): drawn through
`asyncio.to_thread`, charts land on whichever pool worker is free, and glibc gives every thread
its own malloc arena, each keeping its own high-water mark (+87 MB after 30 charts). One thread
keeps one arena. After each chart the young garbage that matplotlib leaves in reference cycles
(about 1,800 objects a figure, which would otherwise wait for a full collection) is collected,
and freed heap pages go back to the system (glibc's `malloc_trim`): the process then levels off
instead of creeping up chart by chart.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from dealbot.handlers.charts.fonts import ChartFontMissing
from dealbot.handlers.charts.model import Chart
from dealbot.handlers.charts.png import render_png

log = logging.getLogger(__name__)

Draw = Callable[[Chart], bytes]


class ChartRenderer:
    """Draws the charts of the messages being delivered, one at a time, off the event loop."""

    def __init__(self, draw: Draw = render_png) -> None:
        self._draw = draw
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    async def png(self, chart: Chart) -> bytes | None:
        """The chart as PNG bytes; None when it cannot be drawn, with the reason in the log, so
        that the caller sends the text alone (it says the same numbers)."""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._thread(), self._draw_and_tidy, chart)
        except ChartFontMissing as error:
            log.warning("chart %r is sent as text only: %s", chart.title, error)
        except Exception:
            log.exception("chart %r could not be drawn; it is sent as text only", chart.title)
        return None

    def _thread(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="dealbot-charts")
            return self._executor

    def _draw_and_tidy(self, chart: Chart) -> bytes:
        try:
            return self._draw(chart)
        finally:
            # Generations 0 and 1 only: about a millisecond, where a full collection of a
            # running bot's heap holds the interpreter for over 100 ms.
            gc.collect(1)
            give_back_freed_memory()

    def close(self) -> None:
        """Let the drawing thread go once the chart it may be drawing is done."""
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False)
                self._executor = None


@cache
def shared_renderer() -> ChartRenderer:
    """The one renderer of this process, shared by every front end that delivers charts."""
    return ChartRenderer()


def give_back_freed_memory() -> None:
    """Return free heap pages to the system where the C library can (glibc); else nothing."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter itself uses
    except (AttributeError, OSError):  # musl and other C libraries have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    function: Callable[[int], int] = trim
    return function
