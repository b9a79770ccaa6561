"""`dealbot import customers` of 100,000 rows on SQLite and PostgreSQL, beside bare baselines.

Rows as the tests make them (many scripts, quoting, line breaks in cells, contracts on a third
of them), written to a temporary file. For each store:
- dealbot import: the command in a fresh process on a fresh database (it migrates it itself),
  wall time and the process's peak RSS;
- bare csv: Python's csv module reading the same file, nothing else;
- bare executemany: the rows' cells inserted as they are into a table of text columns with one
  executemany per 1,000 rows, no checks, no upsert.

    .venv/bin/python bench/customer_import.py [--rows 100000]
Targets: under 20 s and 300 MB on each store. PostgreSQL: DEALBOT_TEST_PG_URL (a scratch DB:
its public schema is dropped).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sqlalchemy import Column, MetaData, Table, Text, create_engine, insert, text

from support.csv_files import HEADER, customer_lines
from support.slack_bot import DIRECTORY
from support.store import PG_URL

TIME_TARGET_S = 20.0
RSS_TARGET_MB = 300.0


def fresh(url: str, folder: Path, name: str) -> str:
    if url.startswith("sqlite"):
        path = folder / f"{name}.sqlite3"
        for old in folder.glob(f"{name}.sqlite3*"):
            old.unlink()
        return f"sqlite:///{path}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def dealbot_import(url: str, csv_path: Path, config: Path) -> tuple[float, float, str]:
    env = {**os.environ, "DATABASE_URL": url, "DEALBOT_CONFIG": str(config)}
    # The child reports its own peak RSS, so that each import is measured alone.
    script = (
        "import resource, sys\n"
        "from dealbot.bot.cli import main\n"
        f"code = main(['import', 'customers', {str(csv_path)!r}])\n"
        "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
        "sys.exit(code)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}): {done.stderr or done.stdout}")
    lines = done.stdout.strip().splitlines()
    peak_kb = int(lines[-1].split()[1])
    return elapsed, peak_kb / 1024, lines[-2]


def bare_csv(csv_path: Path) -> float:
    started = time.perf_counter()
    with csv_path.open(encoding="utf-8", newline="") as file:
        count = sum(1 for _ in csv.reader(file, delimiter=";"))
    assert count > 1
    return time.perf_counter() - started


def bare_executemany(url: str, csv_path: Path) -> float:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    table = Table("bare_rows", MetaData(), *(Column(c, Text) for c in HEADER))
    table.drop(engine, checkfirst=True)
    table.create(engine)
    started = time.perf_counter()
    with csv_path.open(encoding="utf-8", newline="") as file:
        reader = csv.reader(file, delimiter=";")
        next(reader)
        batch: list[dict[str, str]] = []
        with engine.begin() as connection:
            for cells in reader:
                batch.append(dict(zip(HEADER, cells, strict=True)))
                if len(batch) == 1000:
                    connection.execute(insert(table), batch)
                    batch = []
            if batch:
                connection.execute(insert(table), batch)
    elapsed = time.perf_counter() - started
    table.drop(engine)
    engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = folder / "dealbot.toml"
        config.write_text(DIRECTORY, encoding="utf-8")
        csv_path = folder / "customers.csv"
        with csv_path.open("w", encoding="utf-8", newline="") as file:
            file.writelines(customer_lines(args.rows))
        size = csv_path.stat().st_size / 1e6
        print(f"{args.rows:,} rows, {size:.1f} MB; targets {TIME_TARGET_S:.0f} s, "
              f"{RSS_TARGET_MB:.0f} MB")  # fmt: skip
        print(f"{'store':<11} {'what':<22} {'seconds':>8} {'peak MB':>8}  result")
        failed = False
        for store, base in (("sqlite", "sqlite"), ("postgresql", PG_URL)):
            url = fresh(base, folder, "import")
            seconds, peak, summary = dealbot_import(url, csv_path, config)
            ok = seconds < TIME_TARGET_S and peak < RSS_TARGET_MB
            failed |= not ok
            print(f"{store:<11} {'dealbot import':<22} {seconds:>8.2f} {peak:>8.0f}  {summary}"
                  f"{'' if ok else '  OVER TARGET'}")  # fmt: skip
            again, peak_again, summary_again = dealbot_import(url, csv_path, config)
            print(f"{store:<11} {'  again (all updates)':<22} {again:>8.2f} {peak_again:>8.0f}  "
                  f"{summary_again}")  # fmt: skip
            print(f"{store:<11} {'bare csv':<22} {bare_csv(csv_path):>8.2f}")
            bare_url = fresh(base, folder, "bare")
            print(
                f"{store:<11} {'bare executemany':<22} {bare_executemany(bare_url, csv_path):>8.2f}"
            )
        if failed:
            sys.exit(1)


if __name__ == "__main__":
    main()
