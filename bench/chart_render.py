"""Render time and memory of the charts of `/deal stats`, beside bare matplotlib, in one run.

Every measurement runs in fresh processes, so that no row warms another.

Time (per chart, 1200×800 PNG):
- cold: the first chart of a new process, from before `import matplotlib` (and the font
  lookup) to the PNG bytes; the median over `--cold-runs` processes;
- warm: the median and 95th percentile of `--renders` further charts in the same processes.

Memory added to a running bot (VmRSS): each process first becomes a bot without front-end
connections: every front end's libraries imported (Slack, Telegram, aiohttp, SQLAlchemy, …),
its SQLite store migrated and open, an asyncio loop running. Then it draws 3 × `--renders`
charts (the funnel and both win rates, in turn) and reports how much it grew, after the
first three and after the last: what the renderer adds, and whether it levels off.
- dealbot: the `ChartRenderer` the transports use (one thread of its own);
- bare matplotlib: a minimal Figure + Agg bar chart drawn with `asyncio.to_thread`, the way
  a plain integration would, with no dealbot code: the baseline;
- import only: `matplotlib.figure` and `backend_agg` imported, nothing drawn: the floor.
A separate render process (the alternative to drawing in the bot) is measured too: a fresh
interpreter drawing the same charts, whose whole RSS would be added beside the bot's.

    .venv/bin/python bench/chart_render.py [--renders 30] [--cold-runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dealbot.handlers.charts import Chart

WARM_TARGET_MS = 300.0
RSS_TARGET_MB = 60.0
BASELINE = "matplotlib bare bar (en)"
CHART_NAMES = ("funnel", "industry", "size")
# Each chart in another language, so that every script the font must draw is drawn.
TIME_CASES = {
    "dealbot funnel (ja)": ("funnel", "ja"),
    "dealbot win rate by industry (ru)": ("industry", "ru"),
    "dealbot win rate by size (zh)": ("size", "zh"),
}
MEMORY_CASES = ("import only", "bare matplotlib", "dealbot")


def bare_chart() -> Callable[[], bytes]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def render() -> bytes:
        figure = Figure(figsize=(12, 8), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.bar(range(5), [0.2, 0.35, 0.5, 0.41, 0.66])
        axes.set_xticks(range(5), labels=["1-10", "11-50", "51-200", "201-1000", "1000+"])
        axes.set_title("Win rate by company size")
        buffer = BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()

    return render


def stats_charts(locale: str) -> dict[str, Chart]:
    """The charts `/deal stats` draws for a busy team: ten industries, five sizes."""
    from dealbot.domain.deals.enums import CompanySize, Industry
    from dealbot.domain.deals.views import GroupFigures, Stats
    from dealbot.handlers.core.i18n import Translator
    from dealbot.handlers.deals import charts

    def group(key: str, number: int) -> GroupFigures:
        won, lost = number % 4 + 1, number % 3
        return GroupFigures(key, won + lost + 2, won, lost, {"JPY": Decimal(1_200_000 * number)})

    industries = tuple(group(i.value, n) for n, i in enumerate(Industry))
    sizes = tuple(group(s.value, n + 3) for n, s in enumerate(CompanySize))
    deals = sum(g.deals for g in industries)
    won = sum(g.won for g in industries)
    total = GroupFigures("total", deals, won, sum(g.lost for g in industries), {})
    figures = Stats(total, industries, sizes, (("open", deals), ("negotiation", 31), ("won", won)))
    t = Translator(locale)
    drawn = {
        "funnel": charts.funnel(t, figures),
        "industry": charts.by_industry(t, figures),
        "size": charts.by_size(t, figures),
    }
    found = {name: chart for name, chart in drawn.items() if chart is not None}
    assert len(found) == len(CHART_NAMES), "every group has closed deals: no chart is left out"
    return found


def rss_kb() -> int:
    """The process's resident set now; the peak so far where /proc is not there."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def time_child(case: str, renders: int) -> None:
    """Cold and warm render times of one case in this fresh process, as JSON."""
    started = time.perf_counter()
    if case == BASELINE:
        render = bare_chart()
    else:
        from dealbot.handlers.charts import render_png

        name, locale = TIME_CASES[case]
        chart = stats_charts(locale)[name]

        def render() -> bytes:
            return render_png(chart)

    png = render()
    cold_ms = (time.perf_counter() - started) * 1000
    warm_ms = []
    for _ in range(renders):
        started = time.perf_counter()
        render()
        warm_ms.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"cold_ms": cold_ms, "warm_ms": warm_ms, "png_bytes": len(png)}))


def become_a_bot(folder: Path) -> Any:
    """This process as `dealbot run` has it before it connects anywhere; returns its core."""
    import dealbot.bot.run
    import dealbot.bot.slack_wiring
    import dealbot.bot.telegram_wiring  # noqa: F401  (what `dealbot run` imports)
    from dealbot.bot.settings import Settings
    from dealbot.bot.wiring import build_core

    settings = Settings(
        _env_file=None,
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        DEALBOT_CONFIG=str(folder / "no-such.toml"),
    )
    return build_core(settings, allow_sample=True)


def settled_rss_kb() -> int:
    """RSS once garbage and freed heap are given back, so that no row starts inflated."""
    from dealbot.handlers.charts.renderer import give_back_freed_memory

    gc.collect()
    give_back_freed_memory()
    return rss_kb()


def memory_child(case: str, renders: int) -> None:
    """What `case` adds to a running bot, after 3 charts and after 3 × `renders`, as JSON."""
    with tempfile.TemporaryDirectory() as folder:
        core = become_a_bot(Path(folder))
        try:
            result = asyncio.run(_draw_in_a_bot(case, renders))
        finally:
            core.engine.dispose()
    print(json.dumps(result))


async def _draw_in_a_bot(case: str, renders: int) -> dict[str, float]:
    draw = _drawer(case)
    before = settled_rss_kb()
    first: float | None = None
    for round_number in range(renders):
        for name in CHART_NAMES:
            png = await draw(name)
            assert png is None or png.startswith(b"\x89PNG"), case
        if round_number == 0:
            first = (rss_kb() - before) / 1024
    return {"after_3": first or 0.0, "after_all": (rss_kb() - before) / 1024}


def _drawer(case: str) -> Callable[[str], Awaitable[bytes | None]]:
    if case == "import only":

        async def import_only(name: str) -> None:
            import matplotlib.backends.backend_agg
            import matplotlib.figure  # noqa: F401

        return import_only
    if case == "bare matplotlib":
        made: list[Callable[[], bytes]] = []

        async def bare(name: str) -> bytes:
            if not made:
                made.append(bare_chart())  # imports matplotlib, as a first chart would
            return await asyncio.to_thread(made[0])

        return bare
    from dealbot.handlers.charts import ChartRenderer

    charts = {**stats_charts("ja")}
    charts["industry"] = stats_charts("ru")["industry"]
    charts["size"] = stats_charts("zh")["size"]
    renderer = ChartRenderer()

    async def dealbot(name: str) -> bytes | None:
        return await renderer.png(charts[name])

    return dealbot


def worker_child(renders: int) -> None:
    """A fresh interpreter that only draws charts: what a separate render process would hold.

    Its charts come as JSON on stdin, as a bot would hand them over, so that it imports the
    chart package alone (no store, no chat SDK)."""
    from dealbot.handlers.charts import Chart, render_png
    from dealbot.handlers.charts.renderer import give_back_freed_memory

    charts = [Chart.from_json(data) for data in json.loads(sys.stdin.read())]
    for _ in range(renders):
        for chart in charts:
            render_png(chart)
            gc.collect(1)
            give_back_freed_memory()
    assert "sqlalchemy" not in sys.modules and "slack_sdk" not in sys.modules
    print(json.dumps({"rss_mb": rss_kb() / 1024}))


@dataclass(frozen=True)
class TimeRow:
    case: str
    cold_ms: float
    warm_median_ms: float
    warm_p95_ms: float
    png_kb: float


def run_child(*args: str, given: str = "") -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args],
        input=given,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"bench child {args} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def measure_time(case: str, *, renders: int, cold_runs: int) -> TimeRow:
    runs = [run_child("--time-child", case, "--renders", str(renders)) for _ in range(cold_runs)]
    warm = sorted(ms for run in runs for ms in run["warm_ms"])
    return TimeRow(
        case=case,
        cold_ms=statistics.median(run["cold_ms"] for run in runs),
        warm_median_ms=statistics.median(warm),
        warm_p95_ms=warm[min(len(warm) - 1, int(len(warm) * 0.95))],
        png_kb=runs[0]["png_bytes"] / 1024,
    )


def measure_memory(case: str, *, renders: int, runs: int) -> tuple[float, float]:
    results = [run_child("--memory-child", case, "--renders", str(renders)) for _ in range(runs)]
    return (
        statistics.median(r["after_3"] for r in results),
        statistics.median(r["after_all"] for r in results),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--renders", type=int, default=30, help="renders (rounds) per process")
    parser.add_argument("--cold-runs", type=int, default=3, help="fresh processes per row")
    parser.add_argument("--time-child", choices=[BASELINE, *TIME_CASES], help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", choices=MEMORY_CASES, help=argparse.SUPPRESS)
    parser.add_argument("--worker-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_child:
        time_child(args.time_child, args.renders)
        return
    if args.memory_child:
        memory_child(args.memory_child, args.renders)
        return
    if args.worker_child:
        worker_child(args.renders)
        return
    if args.renders < 20:
        parser.error("the warm median needs at least 20 renders")

    times = [
        measure_time(case, renders=args.renders, cold_runs=args.cold_runs)
        for case in (BASELINE, *TIME_CASES)
    ]
    memory = {
        case: measure_memory(case, renders=args.renders, runs=args.cold_runs)
        for case in MEMORY_CASES
    }
    handed_over = json.dumps([chart.to_json() for chart in stats_charts("ja").values()])
    worker = statistics.median(
        run_child("--worker-child", "--renders", str(args.renders), given=handed_over)["rss_mb"]
        for _ in range(args.cold_runs)
    )

    print(
        f"Render time, 1200×800 PNG; cold: median of {args.cold_runs} fresh processes; "
        f"warm: {args.renders} renders in each"
    )
    header = f"{'chart':36} {'cold ms':>8} {'warm p50':>9} {'warm p95':>9} {'KB':>6}"
    print(header)
    print("-" * len(header))
    for row in times:
        print(
            f"{row.case:36} {row.cold_ms:8.0f} {row.warm_median_ms:9.1f} "
            f"{row.warm_p95_ms:9.1f} {row.png_kb:6.0f}"
        )
    print()
    print(
        f"RSS added to a running bot (MB; median of {args.cold_runs} bot processes, "
        f"{3 * args.renders} charts in each)"
    )
    header = f"{'renderer':44} {'after 3':>8} {f'after {3 * args.renders}':>10}"
    print(header)
    print("-" * len(header))
    labels = {
        "import only": "import matplotlib.figure + backend_agg only",
        "bare matplotlib": "bare matplotlib bar, asyncio.to_thread",
        "dealbot": "dealbot ChartRenderer (its own thread)",
    }
    for case in MEMORY_CASES:
        after_3, after_all = memory[case]
        print(f"{labels[case]:44} {after_3:8.1f} {after_all:10.1f}")
    print(
        f"a separate render process instead: the bot adds ~0, the process holds {worker:.1f} MB "
        "of its own (interpreter + matplotlib)"
    )
    slowest = max(row.warm_median_ms for row in times if row.case != BASELINE)
    largest = max(memory["dealbot"])
    warm_verdict = "met" if slowest < WARM_TARGET_MS else "MISSED"
    rss_verdict = "met" if largest < RSS_TARGET_MB else "MISSED"
    print(
        f"targets: warm < {WARM_TARGET_MS:.0f} ms {warm_verdict} ({slowest:.1f}); "
        f"renderer +RSS in a running bot < {RSS_TARGET_MB:.0f} MB {rss_verdict} ({largest:.1f})"
    )


if __name__ == "__main__":
    main()
