"""The customer picker at 100,000 customers of one team, on SQLite and PostgreSQL.

For each store, a fresh database gets 100,000 customers (the import bench's rows) and:
- options answer: what Slack's options listener computes for a typed query, through the
  router and the registered `customers` source (the person's team, the first page, as Slack
  options), for queries of 1 to 8 letters of names, contacts and addresses in several scripts,
  and for letters that match nothing (the slowest case: the whole index is walked);
- bare query: the same SQL run straight on a connection, without dealbot around it;
- modal opening: building the opening-report modal (context and blocks) with 10 customers
  and with 100,000: the type-ahead field loads none of them;
- the query plans of a three-letter and a one-letter query.

    .venv/bin/python bench/customer_picker.py [--customers 100000] [--queries 400]
Target: options answer p99 under 50 ms on each store. PostgreSQL: DEALBOT_TEST_PG_URL (a
scratch database: its public schema is dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sqlalchemy import Engine, insert, select, text

from dealbot.bot.capabilities import build_desks, build_registry
from dealbot.bot.directory_file import parse_directory
from dealbot.bot.schema import upgrade
from dealbot.domain.core.directory import sync_directory
from dealbot.domain.core.store import make_engine, make_session_factory
from dealbot.domain.core.text import search_key
from dealbot.domain.customers.models import Customer
from dealbot.domain.customers.search import customer_search_text, matching
from dealbot.domain.outbox.notify import Outbox
from dealbot.handlers.core.outcomes import FormRequest
from dealbot.handlers.core.router import MATCHES, Router
from dealbot.handlers.deals.forms import NEW_DEAL
from dealbot.handlers.slack.modals import ModalState, modal_view, option_list
from support.slack_bot import DIRECTORY
from support.store import PG_URL, FakeClock

TARGET_P99_MS = 50.0
WORDS = (
    "Acme", "Robotics", "Ромашка", "Петров", "東京", "ポンプ", "Café", "Straße", "Müller",
    "Smith", "Sons", "Логистик", "株式会社", "Ｆｕｌｌ", "Nord", "Süd", "Ost", "West",
)  # fmt: skip


def name_of(i: int, rng: random.Random) -> tuple[str, str, str]:
    words = rng.sample(WORDS, 2)
    name = f"{words[0]} {words[1]} {i}"
    contact = rng.choice(("Иван Петров", "佐藤花子", "Anna Schmidt", "John Smith", "Léa Dubois"))
    address = f"{rng.randint(1, 999)} {rng.choice(('Main St', 'Тверская ул.', '千代田区', 'Rue'))}"
    return name, contact, address


def fill(engine: Engine, count: int, rng: random.Random) -> int:
    """`count` customers for the team of the directory; the team's id."""
    sessions = make_session_factory(engine)
    teams, members = parse_directory(DIRECTORY)
    with sessions.begin() as session:
        sync_directory(session, teams, members)
    clock = FakeClock()
    with engine.begin() as connection:
        team_id = connection.execute(text("SELECT id FROM teams")).scalar_one()
        batch = []
        for i in range(1, count + 1):
            name, contact, address = name_of(i, rng)
            batch.append(
                {
                    "team_id": team_id,
                    "name": name,
                    "name_key": search_key(name),
                    "search_text": customer_search_text(name, contact, None, address),
                    "contact_name": contact,
                    "contact_address": address,
                    "created_at": clock.now(),
                }
            )
            if len(batch) == 5000:
                connection.execute(insert(Customer), batch)
                batch = []
        if batch:
            connection.execute(insert(Customer), batch)
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE customers"))
        else:
            connection.execute(text("ANALYZE"))
    return int(team_id)


def queries(rng: random.Random, count: int) -> list[str]:
    typed = []
    for _ in range(count):
        word = rng.choice((*WORDS, "Иван", "佐藤", "Anna", "Тверская", "千代田"))
        typed.append(word[: rng.randint(1, min(8, len(word)))].lower())
    # letters that match nothing: each store must walk its whole index to say so
    return typed + ["zq", "qxz", "жъь", "ヂヅ"] * max(1, count // 40)


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.99) - 1] * 1000


async def timed(run: Callable[[str], Awaitable[object]], typed: list[str]) -> list[float]:
    times = []
    for query in typed:
        started = time.perf_counter()
        await run(query)
        times.append(time.perf_counter() - started)
    return times


def plan(engine: Engine, team_id: int, query: str) -> str:
    statement = matching(
        query, select(Customer.id).where(Customer.team_id == team_id), engine.dialect.name
    )
    statement = statement.order_by(Customer.name_key).limit(MATCHES)
    sql = str(statement.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True}))
    explain = (
        "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)"
        if engine.dialect.name == "postgresql"
        else "EXPLAIN QUERY PLAN"
    )
    with engine.connect() as connection:
        # psycopg reads pyformat's doubled %% as one; SQLite's driver has no such escape.
        if engine.dialect.name == "sqlite":
            sql = sql.replace("%%", "%")
        rows = connection.exec_driver_sql(f"{explain} {sql}").all()
    return "\n".join("    " + " | ".join(str(c) for c in row) for row in rows)


async def measure(
    store: str, engine: Engine, customers: int, typed: list[str], rng: random.Random
) -> bool:
    upgrade(engine)
    started = time.perf_counter()
    team_id = fill(engine, 10, rng)
    small = await modal_time(engine)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM customers"))
    fill(engine, customers, rng)
    print(f"\n{store}: {customers:,} customers loaded in {time.perf_counter() - started:.1f} s")
    sessions = make_session_factory(engine)
    desks = build_desks(sessions, FakeClock(), Outbox())
    router = Router(build_registry(desks), desks.people)
    person = await router.person(handle="sam")
    ask = router.ask(person, "slack")
    request = FormRequest(NEW_DEAL)

    async def answer(query: str) -> object:
        return option_list(await router.matches(ask, request, "customer", query))

    async def bare(query: str) -> object:
        def run() -> object:
            statement = matching(
                query,
                cast(Any, select(Customer.id, Customer.name)).where(Customer.team_id == team_id),
                engine.dialect.name,
            )
            with engine.connect() as connection:
                return connection.execute(
                    statement.order_by(Customer.name_key).limit(MATCHES)
                ).all()

        return await asyncio.to_thread(run)

    await timed(answer, typed[:20])  # warm the caches of both
    options = await timed(answer, typed)
    baseline = await timed(bare, typed)
    big = await modal_time(engine)
    p50, p99 = percentiles(options)
    b50, b99 = percentiles(baseline)
    ok = p99 < TARGET_P99_MS
    print(f"  {'what':<32} {'p50 ms':>8} {'p99 ms':>8}")
    print(
        f"  {'options answer (router+source)':<32} {p50:>8.2f} {p99:>8.2f}"
        + ("" if ok else "  OVER TARGET")
    )
    print(f"  {'bare query':<32} {b50:>8.2f} {b99:>8.2f}")
    print(f"  {'modal opening, 10 customers':<32} {small:>8.2f}")
    print(f"  {'modal opening, ' + format(customers, ',') + ' customers':<32} {big:>8.2f}")
    slowest = sorted(zip(options, typed, strict=True), reverse=True)[:6]
    shown = ", ".join(f"{q!r} {t * 1000:.1f}" for t, q in slowest)
    print(f"  slowest options answers (ms): {shown}")
    print(f"  plan of 'ром' (three letters):\n{plan(engine, team_id, 'ром')}")
    print(f"  plan of 'a' (one letter):\n{plan(engine, team_id, 'a')}")
    print(f"  plan of 'qxz' (three letters, no match):\n{plan(engine, team_id, 'qxz')}")
    return ok


async def modal_time(engine: Engine) -> float:
    """Median ms to build the opening-report modal for Sam, as `/deal new` does on Slack."""
    sessions = make_session_factory(engine)
    desks = build_desks(sessions, FakeClock(), Outbox())
    router = Router(build_registry(desks), desks.people)
    person = await router.person(handle="sam")
    ask = router.ask(person, "slack")
    times = []
    for _ in range(30):
        started = time.perf_counter()
        request = FormRequest(NEW_DEAL, defaults={"currency": "USD"})
        context = await router.context(ask, request)
        modal_view(ModalState(request, "C0GENERAL"), context)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(4711)
    typed = queries(rng, args.queries)
    print(f"{len(typed)} queries; target: options answer p99 < {TARGET_P99_MS:.0f} ms")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'picker.sqlite3'}")
        results.append(await measure("sqlite", engine, args.customers, typed, rng))
        engine.dispose()
    engine = make_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    results.append(await measure("postgresql", engine, args.customers, typed, rng))
    engine.dispose()
    if not all(results):
        sys.exit(1)


if __name__ == "__main__":
    asyncio.run(main())
