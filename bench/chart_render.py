"""Render time and memory of the chart renderer, beside bare matplotlib drawing a bar chart.

Every measurement runs in fresh processes, one per row and run, so that no row warms another:
- cold: the first chart of a new process, from before `import matplotlib` (and the font lookup)
  to the PNG bytes; the median over `--cold-runs` processes;
- warm: the median (and 95th percentile) of `--renders` further charts in the same process;
- RSS added: how much the process grew (VmRSS) from before the first import to after the last
  render; the median over the runs.

The baseline is a minimal Figure + Agg bar chart of the same size with no dealbot code: what any
matplotlib chart costs here, so that the rows above it show what dealbot adds.

    .venv/bin/python bench/chart_render.py [--renders 30] [--cold-runs 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

WARM_TARGET_MS = 300.0
RSS_TARGET_MB = 60.0
BASELINE = "matplotlib bare bar (en)"


def baseline_chart() -> Callable[[], bytes]:
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


def dealbot_chart(kind: str) -> Callable[[], bytes]:
    from dealbot.handlers.charts import Chart, render_png

    charts = {
        "bar": Chart.of(
            "bar",
            "按公司规模的赢单率",
            ["1–10 人", "11–50 人", "51–200 人", "201–1000 人", "1000 人以上"],
            [0.2, 0.35, 0.5, 0.41, 0.66],
            ["20%", "35%", "50%", "41%", "66%"],
            category_axis_label="公司规模",
        ),
        "horizontal_bar": Chart.of(
            "horizontal_bar",
            "Доля выигранных сделок по отраслям",
            [
                "Розничная торговля",
                "Производство промышленного оборудования",
                "Логистика",
                "Информационные технологии",
                "Сельское хозяйство",
                "Строительство",
                "Медицина",
                "Прочее",
            ],
            [0.62, 0.48, 0.31, None, 0.9, 0.12, 0.55, 0.0],
            ["62 %", "48 %", "31 %", "—", "90 %", "12 %", "55 %", "0 %"],
            value_axis_label="Доля выигранных",
        ),
        "funnel": Chart.of(
            "funnel",
            "営業ファネル（今四半期）",
            ["リード", "商談", "提案", "交渉", "受注"],
            [120, 64, 31, 12, 7],
            ["120件", "64件", "31件", "12件", "7件"],
            value_axis_label="案件数",
        ),
    }
    chart = charts[kind]
    return lambda: render_png(chart)


CASES: dict[str, Callable[[], Callable[[], bytes]]] = {
    BASELINE: baseline_chart,
    "dealbot bar (zh)": lambda: dealbot_chart("bar"),
    "dealbot horizontal_bar (ru)": lambda: dealbot_chart("horizontal_bar"),
    "dealbot funnel (ja)": lambda: dealbot_chart("funnel"),
}


def rss_kb() -> int:
    """The process's resident set now; the peak so far where /proc is not there."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def import_child() -> None:
    """What importing matplotlib's object API alone adds, the floor under every row."""
    rss_before = rss_kb()
    import matplotlib.backends.backend_agg
    import matplotlib.figure  # noqa: F401

    print(json.dumps({"rss_added_kb": rss_kb() - rss_before}))


def child(case: str, renders: int) -> None:
    """One fresh process's measurements, printed as JSON for the parent."""
    rss_before = rss_kb()
    started = time.perf_counter()
    render = CASES[case]()
    png = render()
    cold_ms = (time.perf_counter() - started) * 1000
    warm_ms = []
    for _ in range(renders):
        started = time.perf_counter()
        render()
        warm_ms.append((time.perf_counter() - started) * 1000)
    result = {
        "cold_ms": cold_ms,
        "warm_ms": warm_ms,
        "rss_added_kb": rss_kb() - rss_before,
        "png_bytes": len(png),
    }
    print(json.dumps(result))


@dataclass(frozen=True)
class Row:
    case: str
    cold_ms: float
    warm_median_ms: float
    warm_p95_ms: float
    rss_added_mb: float
    png_kb: float


def run_child(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def measure(case: str, *, renders: int, cold_runs: int) -> Row:
    runs = [run_child("--child", case, "--renders", str(renders)) for _ in range(cold_runs)]
    warm = sorted(ms for run in runs for ms in run["warm_ms"])
    return Row(
        case=case,
        cold_ms=statistics.median(run["cold_ms"] for run in runs),
        warm_median_ms=statistics.median(warm),
        warm_p95_ms=warm[min(len(warm) - 1, int(len(warm) * 0.95))],
        rss_added_mb=statistics.median(run["rss_added_kb"] for run in runs) / 1024,
        png_kb=runs[0]["png_bytes"] / 1024,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--renders", type=int, default=30, help="warm renders per process")
    parser.add_argument("--cold-runs", type=int, default=3, help="fresh processes per row")
    parser.add_argument("--child", choices=sorted(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--import-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_child:
        import_child()
        return
    if args.child:
        child(args.child, args.renders)
        return
    if args.renders < 20:
        parser.error("the warm median needs at least 20 renders")

    rows = [measure(case, renders=args.renders, cold_runs=args.cold_runs) for case in CASES]
    import_mb = (
        statistics.median(
            run_child("--import-child")["rss_added_kb"] for _ in range(args.cold_runs)
        )
        / 1024
    )
    print(
        f"1200×800 PNG; cold: median of {args.cold_runs} fresh processes; "
        f"warm: {args.renders} renders in each"
    )
    header = f"{'chart':30} {'cold ms':>8} {'warm p50':>9} {'warm p95':>9} {'+RSS MB':>8} {'KB':>6}"
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.case:30} {row.cold_ms:8.0f} {row.warm_median_ms:9.1f} {row.warm_p95_ms:9.1f} "
            f"{row.rss_added_mb:8.1f} {row.png_kb:6.0f}"
        )
    dealbot_rows = [row for row in rows if row.case != BASELINE]
    slowest = max(row.warm_median_ms for row in dealbot_rows)
    largest = max(row.rss_added_mb for row in dealbot_rows)
    print(f"importing matplotlib.figure and backend_agg alone adds {import_mb:.1f} MB RSS")
    warm_verdict = "met" if slowest < WARM_TARGET_MS else "MISSED"
    rss_verdict = "met" if largest < RSS_TARGET_MB else "MISSED"
    print(
        f"targets: warm < {WARM_TARGET_MS:.0f} ms {warm_verdict} ({slowest:.1f}); "
        f"+RSS < {RSS_TARGET_MB:.0f} MB {rss_verdict} ({largest:.1f})"
    )


if __name__ == "__main__":
    main()
