"""`dealbot import customers|products FILE.csv [--team NAME]` (PRODUCT.md §3.1).

Every row is read and checked before anything is written; a bad row is reported as
`line N: column: reason` and nothing of it is imported; of two rows with the same name and
different data the later wins and the earlier is reported. The good rows are then written in
chunks of one transaction each. Exit 0 when every row went in, 1 when some were refused, 2
when the file or the command is wrong (one line, nothing imported).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, TypeVar

from sqlalchemy import select

from dealbot.bot.csv_file import FileRefused, Row, check_utf8, rows
from dealbot.bot.directory_file import load_directory
from dealbot.bot.schema import upgrade
from dealbot.bot.settings import Settings
from dealbot.domain.core.clock import Clock, SystemClock
from dealbot.domain.core.directory import TeamSpec, sync_directory
from dealbot.domain.core.errors import Invalid
from dealbot.domain.core.imports import RowRefused, Written, refresh_statistics
from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.store import SessionFactory, make_engine, make_session_factory
from dealbot.domain.core.text import search_key
from dealbot.domain.customers import imports as customer_imports
from dealbot.domain.customers.enums import Channel
from dealbot.domain.deals.enums import CompanySize, Industry
from dealbot.domain.products import imports as product_imports
from dealbot.handlers.core.i18n import Translator

# Rows per transaction: big enough that 100,000 rows are a hundred round trips, small enough
# that one statement stays within SQLite's 32,766 parameters.
CHUNK = 1000
ENGLISH = Translator("en")
T = TypeVar("T")


@dataclass
class Report:
    """What the operator is told: one line per refused row, then the summary."""

    refused: list[tuple[int, str, str]] = field(default_factory=list)
    written: Written = field(default_factory=Written)

    def refuse(self, line: int, problem: RowRefused) -> None:
        self.refused.append((line, problem.column, ENGLISH.error(problem.error)))

    def lines(self) -> list[str]:
        shown = [f"line {n}: {column}: {reason}" for n, column, reason in sorted(self.refused)]
        w = self.written
        return [*shown, f"{w.imported} imported, {w.updated} updated, {len(self.refused)} refused"]


def _folded(text: str) -> str:
    return search_key(text).replace("\u2013", "-").replace("\u2014", "-")


def vocabulary() -> customer_imports.Vocabulary:
    """The keys and the English labels of industries, sizes and channels."""

    def words(group: str, values: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for value in values:
            found[_folded(value)] = value
            found[_folded(ENGLISH.choice(group, value))] = value
        return found

    return customer_imports.Vocabulary(
        industry=words("industry", [i.value for i in Industry]),
        company_size=words("size", [s.value for s in CompanySize]),
        channel=words("channel", [c.value for c in Channel]),
        choices={
            "industry": ", ".join(i.value for i in Industry),
            "company_size": ", ".join(s.value for s in CompanySize),
            "channel": ", ".join(c.value for c in Channel),
        },
    )


def _header(path: Path, row: Row | None, columns: Sequence[str], required: str) -> list[str]:
    if row is None:
        raise FileRefused(f"{path}: the file is empty; its first line must name the columns")
    if row.broken is not None:
        raise FileRefused(f"{path}: line 1: the header is not valid CSV: {row.broken}")
    names = [c.strip().lower() for c in row.cells]
    for name in names:
        if name not in columns:
            raise FileRefused(f"{path}: line 1: column '{name}' is not one of {', '.join(columns)}")
        if names.count(name) > 1:
            raise FileRefused(f"{path}: line 1: column '{name}' is named twice")
    if required not in names:
        raise FileRefused(f"{path}: line 1: the column '{required}' is required")
    return names


def _cells(row: Row, names: list[str]) -> dict[str, str]:
    if row.broken is not None:
        raise RowRefused("*", Invalid("error-import-broken", reason=row.broken))
    if len(row.cells) != len(names):
        raise RowRefused(
            names[len(row.cells)] if len(row.cells) < len(names) else "*",
            Invalid("error-import-cells", count=len(row.cells), expected=len(names)),
        )
    return dict(zip(names, row.cells, strict=True))


def _read(
    path: Path,
    columns: Sequence[str],
    required: str,
    read: Callable[[dict[str, str], int], T],
    report: Report,
) -> list[T]:
    """Every good row, checked; the bad ones go into the report."""
    lines = rows(path)
    names = _header(path, next(lines, None), columns, required)
    good: list[T] = []
    for row in lines:
        try:
            good.append(read(_cells(row, names), row.line))
        except RowRefused as problem:
            report.refuse(row.line, problem)
    return good


def _drop_clashes(
    good: list[T],
    key: Callable[[T], str],
    line: Callable[[T], int],
    clash: Callable[[T, T], str | None],
    report: Report,
) -> list[T]:
    """Of two rows for one customer (or product) with different data, the later wins."""
    by_key: dict[str, list[T]] = defaultdict(list)
    for row in good:
        by_key[key(row)].append(row)
    dropped: set[int] = set()
    for same in by_key.values():
        for index, earlier in enumerate(same):
            for later in same[index + 1 :]:
                column = clash(earlier, later)
                if column is not None:
                    error = Invalid("error-import-repeated", later=line(later), column=column)
                    report.refuse(line(earlier), RowRefused(column, error))
                    dropped.add(line(earlier))
                    break
    return [r for r in good if line(r) not in dropped]


def _chunks(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _grown(chunk: int) -> bool:
    """After chunks 1, 2, 4, 8, …: each time the table may have doubled."""
    return chunk & (chunk - 1) == 0


class Progress:
    """A progress bar on a terminal (rich), nothing when the output goes to a file or pipe."""

    def __init__(self, total: int, what: str, out: TextIO) -> None:
        self.bar: Any = None
        if out.isatty() and total:
            from rich.progress import Progress as Bar

            self.bar = Bar(transient=True)
            self.bar.start()
            self.task = self.bar.add_task(what, total=total)

    def advance(self, count: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=count)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def _team(teams: Sequence[TeamSpec], wanted: str | None, config: str) -> str:
    names = [t.name for t in teams]
    if wanted is not None:
        if wanted not in names:
            raise FileRefused(f"{config}: no team is named '{wanted}'; teams: {', '.join(names)}")
        return wanted
    if len(names) > 1:
        raise FileRefused(
            f"{config} has {len(names)} teams ({', '.join(names)}): say which with --team NAME"
        )
    return names[0]


@contextmanager
def _store(settings: Settings) -> Iterator[SessionFactory]:
    """The store at the newest schema, with the teams and members of dealbot.toml in it."""
    teams, members, sample = load_directory(settings.config_path)
    engine = make_engine(settings.sqlalchemy_url)
    try:
        upgrade(engine)
        sessions = make_session_factory(engine)
        with sessions.begin() as session:
            sync_directory(session, teams, members, deactivate_missing=not sample)
        yield sessions
    finally:
        engine.dispose()


def import_customers(
    settings: Settings, path: Path, team: str | None, out: TextIO, clock: Clock
) -> Report:
    check_utf8(path)
    teams, _, _ = load_directory(settings.config_path)
    team_name = _team(teams, team, settings.config_path)
    with _store(settings) as sessions:
        return _write_customers(sessions, path, team_name, out, clock)


def _write_customers(
    sessions: SessionFactory, path: Path, team_name: str, out: TextIO, clock: Clock
) -> Report:
    with sessions.begin() as session:
        team_id = session.scalars(select(Team.id).where(Team.name == team_name)).one()
        members = session.scalars(
            select(Member).where(Member.team_id == team_id, Member.active.is_(True))
        )
        owners = {m.handle.lower(): m.id for m in members}
    words = vocabulary()
    report = Report()
    good = _read(
        path,
        customer_imports.COLUMNS,
        "name",
        lambda cells, line: customer_imports.read_row(cells, line, owners, words),
        report,
    )
    good = _drop_clashes(good, lambda r: r.name, lambda r: r.line, customer_imports.clash, report)
    progress = Progress(len(good), "customers", out)
    try:
        for number, chunk in enumerate(_chunks(good), 1):
            with sessions.begin() as session:
                customer_imports.write_chunk(session, team_id, chunk, clock.now(), report.written)
                if _grown(number):
                    refresh_statistics(session, ["customers", "contracts"])
            progress.advance(len(chunk))
    finally:
        progress.close()
    return report


def import_products(settings: Settings, path: Path, out: TextIO, clock: Clock) -> Report:
    check_utf8(path)
    with _store(settings) as sessions:
        return _write_products(sessions, path, out, clock)


def _write_products(sessions: SessionFactory, path: Path, out: TextIO, clock: Clock) -> Report:
    report = Report()
    good = _read(path, product_imports.COLUMNS, "sku", product_imports.read_row, report)
    good = _drop_clashes(good, lambda r: r.sku, lambda r: r.line, product_imports.clash, report)
    progress = Progress(len(good), "products", out)
    try:
        for number, chunk in enumerate(_chunks(good), 1):
            with sessions.begin() as session:
                refused = product_imports.write_chunk(session, chunk, clock.now(), report.written)
                if _grown(number):
                    refresh_statistics(session, ["products"])
            for line, problem in refused:
                report.refuse(line, problem)
            progress.advance(len(chunk))
    finally:
        progress.close()
    return report


def run(
    settings: Settings,
    kind: str,
    file: str,
    team: str | None,
    out: TextIO = sys.stdout,
    clock: Clock | None = None,
) -> int:
    """The import; raises FileRefused (exit 2) when the file or the command is wrong."""
    path = Path(file)
    if not path.is_file():
        raise FileRefused(f"{file}: no such file")
    clock = clock or SystemClock()
    if kind == "customers":
        report = import_customers(settings, path, team, out, clock)
    else:
        report = import_products(settings, path, out, clock)
    for line in report.lines():
        print(line, file=out)
    return 1 if report.refused else 0
