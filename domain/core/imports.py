"""What every CSV import shares: a row refused for one reason at one column, cells read
the same strict way, and the statement that inserts or updates rows by their unique key."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table, func, or_, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import DomainError, Invalid
from dealbot.domain.core.text import cleaned, search_key

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Written:
    """What an import did so far: rows that created something, rows that changed it."""

    imported: int = 0
    updated: int = 0
    # The keys (names, SKUs) that this import created, so a later row of one updates it.
    seen: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class RowRefused(Exception):
    """A row that is not imported, and why: the column at fault and a catalog message."""

    column: str
    error: DomainError


def cell(cells: Mapping[str, str], column: str) -> str | None:
    """A cell as typed (control characters dropped, trimmed); None when empty or absent."""
    raw = cells.get(column)
    if not raw:
        return None
    value = cleaned(raw).strip()
    return value or None


def date_cell(cells: Mapping[str, str], column: str) -> date | None:
    value = cell(cells, column)
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise RowRefused(column, Invalid("error-date-format", value=value))
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RowRefused(column, Invalid("error-date-invalid", value=value)) from None


def vocabulary_cell(
    cells: Mapping[str, str], column: str, words: Mapping[str, str], choices: str
) -> str | None:
    """A key of a closed list, given as the key or as one of its labels (`words`, folded)."""
    value = cell(cells, column)
    if value is None:
        return None
    found = words.get(search_key(value).replace("\u2013", "-"))
    if found is None:
        raise RowRefused(column, Invalid("error-import-choice", value=value, choices=choices))
    return found


def refresh_statistics(session: Session, tables: Sequence[str]) -> None:
    """Let PostgreSQL's planner see how much a table grew during an import.

    Without it, a table that was empty when the import started still looks empty, and the
    lookup of each chunk's names is planned as a scan of the whole table: quadratic time.
    """
    if session.get_bind().dialect.name == "postgresql":
        for table in tables:
            session.execute(text(f"ANALYZE {table}"))


def upsert(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    key: Sequence[str],
    *,
    keep_when_empty: Sequence[str] = (),
    insert_only: Sequence[str] = (),
    untracked: Sequence[str] = ("updated_at",),
) -> None:
    """Insert `rows`, or update the row with the same `key`: one statement, the key decides.

    Columns in `keep_when_empty` keep the stored value when the new one is NULL; columns in
    `insert_only` (creation times) are written only by an insert; a change of `untracked`
    columns alone (the time of the update) does not make a stored row change.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    # Many parameter sets to one compiled statement, compiled once and cached.
    statement = insert
    changed: dict[str, Any] = {}
    for column in rows[0]:
        if column in key or column in insert_only:
            continue
        new = statement.excluded[column]
        if column in keep_when_empty:
            changed[column] = func.coalesce(new, table.c[column])
        else:
            changed[column] = new
    # A row whose data is already stored is left alone: no new row version, no index work,
    # so that importing the same file again costs little.
    differs = [
        table.c[column].is_distinct_from(value)
        for column, value in changed.items()
        if column not in untracked
    ]
    statement = statement.on_conflict_do_update(
        index_elements=list(key), set_=changed, where=or_(*differs) if differs else None
    )
    # Without RETURNING, psycopg sends the parameter sets through one prepared statement in
    # pipeline mode, much faster than a multi-row VALUES it must parse for every chunk.
    session.execute(statement, list(rows))
