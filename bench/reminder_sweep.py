"""One reminder sweep (`dealbot remind --at`) over 100,000 customers, 1,000,000 installments and
10,000 products, on SQLite and PostgreSQL, beside a bare baseline, in one run.

The store is seeded with bulk Core inserts (executemany; COPY for PostgreSQL's installments):
- customers: founding, first-contract and contact-birthday dates over many years, a fifth
  with a contract ending within two years; one deal each;
- installments: ten per order, one order per deal: 1 % due within the sweep's window (today
  to `payment_due_days` ahead), 1 % overdue, the rest due later or paid;
- products: 1 % below their minimum, 0.5 % above their maximum.

For each store, each timed as a whole fresh process (interpreter start to exit; the child
reports its own peak RSS):
- bare baseline: the interpreter, SQLAlchemy imported, one engine, `SELECT 1`;
- dealbot remind, cold: the first sweep of the instant (migrations checked, the teams synced,
  every kind swept, the ledger and outbox rows written);
- dealbot remind, again: the same instant once more, nothing new to send.
Then the plan of every SELECT a sweep runs (EXPLAIN QUERY PLAN / EXPLAIN), captured from an
in-process sweep of the next day.

    .venv/bin/python bench/reminder_sweep.py [--customers 100000] [--installments 1000000]
Targets: under 2 s and 300 MB per sweep on each store. PostgreSQL: a scratch database beside
DEALBOT_TEST_PG_URL (`<name>_bench_reminders`, dropped and made again). Not run in CI.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import contextlib

from sqlalchemy import Connection, Engine, event, insert, select, text
from sqlalchemy.exc import DBAPIError

from dealbot.bot.directory_file import parse_directory
from dealbot.bot.schema import upgrade
from dealbot.domain import schema
from dealbot.domain.core.directory import sync_directory
from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.store import make_engine, make_session_factory
from dealbot.domain.core.text import search_key
from dealbot.domain.outbox.notify import Outbox
from dealbot.domain.reminders.desk import ReminderDesk
from dealbot.domain.selling.reminders import unpaid_installments
from support.reminders import TEAMS
from support.store import FakeClock, scratch_postgres

TIME_TARGET_S = 2.0
RSS_TARGET_MB = 300.0
AS_OF = "2027-03-01T00:00:00+00:00"  # Monday 09:00 in Tokyo: the digest's day too
TODAY = date(2027, 3, 1)
CREATED = datetime(2020, 1, 1, tzinfo=UTC)
CHUNK = 20_000
PER_ORDER = 10


def chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk(connection: Connection, table: str, rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    for batch in chunks(rows):
        connection.execute(insert(schema.metadata.tables[table]), batch)
        count += len(batch)
    return count


def copy_installments(engine: Engine, rows: Iterator[dict[str, Any]]) -> int:
    """PostgreSQL's COPY, the way a bulk load goes there."""
    columns = ("order_id", "position", "due_date", "amount_minor", "paid_minor")
    raw = engine.raw_connection()
    count = 0
    try:
        cursor = raw.cursor()
        statement = f"COPY installments ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
                count += 1
        raw.commit()
    finally:
        raw.close()
    return count


def seed(engine: Engine, customers: int, installments: int, products: int) -> dict[str, float]:
    rng = random.Random(11)
    timings: dict[str, float] = {}
    upgrade(engine)
    teams, members = parse_directory(TEAMS)
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        sync_directory(session, teams, members)
        team_ids = {t.name: t.id for t in session.scalars(select(Team))}
        handles = {m.handle: m.id for m in session.scalars(select(Member))}
    tokyo, new_york = team_ids["Tokyo Sales"], team_ids["New York Sales"]
    owners = {tokyo: [handles["kenji"], handles["yui"]], new_york: [handles["ned"]]}

    def team_of(n: int) -> int:
        return new_york if n % 10 == 0 else tokyo

    def day_between(first: date, last: date) -> date:
        return first + timedelta(days=rng.randrange((last - first).days + 1))

    started = time.perf_counter()
    with engine.begin() as connection:
        bulk(
            connection,
            "customers",
            (
                {
                    "id": n,
                    "team_id": team_of(n),
                    "name": f"Customer {n}",
                    "name_key": search_key(f"Customer {n}"),
                    "search_text": f"customer {n}",
                    "owner_id": rng.choice(owners[team_of(n)]),
                    "contact_name": f"Contact {n}",
                    "founded": day_between(date(1950, 1, 1), date(2020, 12, 31)),
                    "first_contract": day_between(date(2000, 1, 1), date(2026, 12, 31)),
                    "contact_birthday": day_between(date(1950, 1, 1), date(2000, 12, 31)),
                    "created_at": CREATED,
                }
                for n in range(1, customers + 1)
            ),
        )
        bulk(
            connection,
            "contracts",
            (
                {
                    "customer_id": n,
                    "title": "Maintenance",
                    "ends_on": day_between(TODAY, TODAY + timedelta(days=730)),
                    "created_at": CREATED,
                }
                for n in range(1, customers + 1, 5)
            ),
        )
    timings["customers, contracts"] = time.perf_counter() - started

    orders = max(1, installments // PER_ORDER)
    started = time.perf_counter()
    with engine.begin() as connection:
        # One deal per order; fifty more in negotiation, quiet for a month (stagnant).
        quiet = datetime(2027, 1, 28, tzinfo=UTC)
        bulk(
            connection,
            "deals",
            (
                {
                    "id": n,
                    "team_id": team_of((n - 1) % customers + 1),
                    "customer_id": (n - 1) % customers + 1,
                    "owner_id": rng.choice(owners[team_of((n - 1) % customers + 1)]),
                    "title": f"Deal {n}",
                    "currency": "JPY",
                    "amount_minor": 1_000_000,
                    "status": "won" if n <= orders else "negotiation",
                    "reached_negotiation": True,
                    "opened_at": CREATED,
                    "last_progress_at": CREATED if n <= orders else quiet,
                    "closed_at": CREATED if n <= orders else None,
                }
                for n in range(1, orders + 51)
            ),
        )
        creator = handles["kenji"]
        bulk(
            connection,
            "quotes",
            (
                {
                    "id": n,
                    "deal_id": n,
                    "team_id": team_of((n - 1) % customers + 1),
                    "currency": "JPY",
                    "revision": 1,
                    "created_by_id": creator,
                    "created_at": CREATED,
                }
                for n in range(1, orders + 1)
            ),
        )
        bulk(
            connection,
            "quote_revisions",
            (
                {
                    "id": n,
                    "quote_id": n,
                    "number": 1,
                    "state": "accepted",
                    "valid_until": date(2020, 2, 1),
                    "total_minor": 1_000_000,
                    "created_by_id": creator,
                    "created_at": CREATED,
                }
                for n in range(1, orders + 1)
            ),
        )
        bulk(
            connection,
            "orders",
            (
                {
                    "id": n,
                    "quote_id": n,
                    "revision_id": n,
                    "deal_id": n,
                    "team_id": team_of((n - 1) % customers + 1),
                    "currency": "JPY",
                    "total_minor": 1_000_000,
                    "state": "approved",
                    "committed_minor": 1_000_000,
                    "paid_minor": 0,
                    "shipping": "none",
                    "created_by_id": creator,
                    "created_at": CREATED,
                }
                for n in range(1, orders + 1)
            ),
        )
    timings["deals, quotes, orders"] = time.perf_counter() - started

    def installment_rows() -> Iterator[dict[str, Any]]:
        window_last = TODAY + timedelta(days=3)
        for n in range(installments):
            share = rng.random()
            paid = False
            if share < 0.01:  # due within the window
                due = day_between(TODAY, window_last)
            elif share < 0.02:  # overdue by up to a month
                due = day_between(TODAY - timedelta(days=30), TODAY - timedelta(days=1))
            elif share < 0.51:  # later
                due = day_between(window_last + timedelta(days=1), date(2029, 12, 31))
            else:  # paid (most of them in the past)
                due = day_between(date(2020, 1, 1), date(2027, 6, 30))
                paid = True
            yield {
                "order_id": n // PER_ORDER + 1,
                "position": n % PER_ORDER + 1,
                "due_date": due,
                "amount_minor": 100_000,
                "paid_minor": 100_000 if paid else 0,
            }

    started = time.perf_counter()
    if engine.dialect.name == "postgresql":
        copy_installments(engine, installment_rows())
    else:
        with engine.begin() as connection:
            bulk(connection, "installments", installment_rows())
    timings["installments"] = time.perf_counter() - started

    started = time.perf_counter()
    with engine.begin() as connection:

        def stock(n: int) -> int:
            return 5 if n % 100 == 0 else 500 if n % 200 == 1 else 50

        bulk(
            connection,
            "products",
            (
                {
                    "sku": f"SKU-{n}",
                    "name": f"Product {n}",
                    "search_text": f"sku-{n} product {n}",
                    "unit_price_minor": 1000,
                    "currency": "JPY",
                    "on_hand": stock(n),
                    "minimum": 10,
                    "maximum": 100,
                    "created_at": CREATED,
                }
                for n in range(1, products + 1)
            ),
        )
        if engine.dialect.name == "sqlite":
            connection.execute(text("ANALYZE"))  # the statistics SQLite gathers once asked
    if engine.dialect.name == "postgresql":
        # What autovacuum leaves after a bulk load (statistics, the visibility map), done
        # now rather than by autovacuum on the million installments during a timed sweep.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
            # And the dirty pages written out now, not by the checkpointer during a timed
            # sweep (allowed to superusers and pg_checkpoint's members; else left to it).
            with contextlib.suppress(DBAPIError):
                connection.execute(text("CHECKPOINT"))
    timings["products, ANALYZE"] = time.perf_counter() - started
    return timings


def timed_process(script: str, env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """Wall time of a fresh interpreter running the script, its peak RSS (MB), its output."""
    # VmHWM, not getrusage: Linux carries ru_maxrss over exec from the forking parent.
    wrapped = script + PEAK
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapped],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    lines = done.stdout.splitlines()
    peak = next(int(line.split()[1]) for line in lines if line.startswith("PEAK"))
    return wall, peak / 1024, "\n".join(line for line in lines if not line.startswith("PEAK"))


PEAK = """
with open("/proc/self/status", encoding="ascii") as status:
    print("PEAK", next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""

BARE = """
from sqlalchemy import create_engine, text
import os
engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as connection:
    connection.execute(text("SELECT 1")).scalar()
"""

REMIND = f"""
from dealbot.bot.cli import main
code = main(["remind", "--at", {AS_OF!r}, "--quiet"])
assert code == 0, code
"""


def explain(engine: Engine, customers: int) -> list[tuple[str, list[str]]]:
    """The plan of every SELECT an in-process sweep of the next day runs."""
    captured: dict[str, Any] = {}

    def record(_c: Any, _cursor: Any, statement: str, parameters: Any, _x: Any, many: bool) -> None:
        if not many and statement.lstrip().upper().startswith("SELECT"):
            captured.setdefault(statement, parameters)

    event.listen(engine, "before_cursor_execute", record)
    sessions = make_session_factory(engine)
    desk = ReminderDesk(
        sessions,
        FakeClock(datetime(2027, 3, 2, tzinfo=UTC)),
        Outbox(),
        installments=unpaid_installments,
    )
    desk.sweep(datetime(2027, 3, 2, tzinfo=UTC))
    event.remove(engine, "before_cursor_execute", record)
    plans: list[tuple[str, list[str]]] = []
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    raw = engine.raw_connection()
    try:
        for statement, parameters in captured.items():
            if "FROM members" in statement and "JOIN" not in statement:
                continue  # the team's people: a few rows
            cursor = raw.cursor()
            cursor.execute(prefix + statement, parameters)
            rows = cursor.fetchall()
            # A key date's range per year makes long conditions: their start is enough.
            lines = [str(r[-1] if engine.dialect.name == "sqlite" else r[0])[:150] for r in rows]
            plans.append((" ".join(statement.split())[:160], lines))
    finally:
        raw.close()
    return plans


def fresh(store: str, folder: Path) -> str:
    if store == "sqlite":
        return f"sqlite:///{folder / 'reminders.sqlite3'}"
    return scratch_postgres("bench_reminders")


def verdict(wall: float, rss: float) -> str:
    ok = wall < TIME_TARGET_S and rss < RSS_TARGET_MB
    return "ok" if ok else f"OVER (targets {TIME_TARGET_S} s, {RSS_TARGET_MB:.0f} MB)"


def run_store(store: str, args: argparse.Namespace, folder: Path) -> list[str]:
    url = fresh(store, folder)
    engine = make_engine(url)
    started = time.perf_counter()
    timings = seed(engine, args.customers, args.installments, args.products)
    seeded = time.perf_counter() - started
    print(
        f"\n== {store}: seeded in {seeded:.1f} s ("
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
        + ")"
    )
    (folder / "dealbot.toml").write_text(TEAMS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DEALBOT_"))}
    env["DATABASE_URL"] = url
    env["DEALBOT_CONFIG"] = str(folder / "dealbot.toml")
    rows = []
    for label, script in (
        ("bare: python + SQLAlchemy + SELECT 1", BARE),
        ("dealbot remind (first sweep)", REMIND),
        ("dealbot remind (again, nothing new)", REMIND),
    ):
        wall, rss, output = timed_process(script, env, folder)
        shown = verdict(wall, rss) if label.startswith("dealbot") else "baseline"
        rows.append(f"{store:10} {label:40} {wall:7.2f} s {rss:8.1f} MB  {shown}")
        if output:
            print("\n".join(f"   {line}" for line in output.splitlines()))
    print(f"\n-- {store}: query plans of a sweep (the next day)")
    for statement, plan in explain(engine, args.customers):
        print(f"   {statement}")
        print("\n".join(f"      {line}" for line in plan))
    engine.dispose()
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--installments", type=int, default=1_000_000)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--stores", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for store in args.stores.split(","):
            rows += run_store(store, args, Path(folder))
    print(
        f"\n{args.customers:,} customers, {args.installments:,} installments, "
        f"{args.products:,} products; each row a fresh process, wall time and peak RSS"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
