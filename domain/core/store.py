"""Engines, sessions, and the two statements every cross-process decision is made of."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, Executable, Table, bindparam, create_engine, event, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

SessionFactory = sessionmaker[Session]


def make_engine(url: str, **options: Any) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **options
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL lets the dispatcher read while a front end writes; FKs are off by default.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL is still safe from corruption; it only skips the fsync of
            # every commit, which would otherwise cost each click a disk flush.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    # No pre-ping (a round trip before every transaction, on the hot path of every click):
    # connections are recycled before servers and proxies drop idle ones, and a connection
    # found dead anyway invalidates the pool, so the next transaction gets a fresh one.
    options.setdefault("pool_recycle", 900)
    return create_engine(url, **options)


def make_session_factory(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)


def statement_sessions(sessions: SessionFactory) -> SessionFactory:
    """Sessions in which each statement commits on its own, on the same connections.

    For work that is one statement, or several that need not see each other atomically: each
    decision is still the one conditional write it always is. On PostgreSQL this spares the
    BEGIN and the COMMIT, two of a transaction's three round trips when it is one statement.
    SQLite has no round trips to spare, and its autocommit costs more than a transaction
    (a PRAGMA each time a connection changes mode): there these are the usual sessions.
    """
    engine: Engine = sessions.kw["bind"]
    if engine.dialect.name != "postgresql":
        return sessions
    return sessionmaker(
        engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False
    )


def insert_ignoring(
    session: Session, table: Table, values: Mapping[str, Any], conflict: Sequence[str]
) -> int | None:
    """Insert a row unless one with the same `conflict` columns exists; the new id, or None.

    This is how a decision taken by several processes at once is taken exactly once: the
    unique key decides, not a read before the write.
    """
    dialect = session.get_bind().dialect.name
    statement = _insert_ignoring(dialect, table, tuple(values), tuple(conflict))
    inserted = session.execute(statement, dict(values)).scalar()
    return int(inserted) if inserted is not None else None


@lru_cache(maxsize=256)
def _insert_ignoring(
    dialect: str, table: Table, columns: tuple[str, ...], conflict: tuple[str, ...]
) -> Executable:
    # Built once per shape: several of these run for every click and update.
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    return (
        insert.values({c: bindparam(c) for c in columns})
        .on_conflict_do_nothing(index_elements=list(conflict))
        .returning(table.c.id)
    )


def insert_all_ignoring(
    session: Session, table: Table, rows: Sequence[Mapping[str, Any]], conflict: str
) -> dict[Any, int]:
    """`insert_ignoring` for many rows of the same columns in one round trip (SQLAlchemy's
    "insertmanyvalues"); the new ids by their `conflict` column's value."""
    dialect = session.get_bind().dialect.name
    statement = _insert_all_ignoring(dialect, table, conflict)
    result = session.execute(statement, [dict(row) for row in rows])
    return {value: int(new_id) for new_id, value in result}


@lru_cache(maxsize=64)
def _insert_all_ignoring(dialect: str, table: Table, conflict: str) -> Executable:
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    return insert.on_conflict_do_nothing(index_elements=[conflict]).returning(
        table.c.id, table.c[conflict]
    )


def upsert(
    session: Session, table: Table, values: Mapping[str, Any], conflict: Sequence[str]
) -> None:
    """Insert a row, or overwrite the other columns of the one with the same `conflict` key:
    one statement, so two processes writing at once leave one whole row, never an error."""
    dialect = session.get_bind().dialect.name
    session.execute(_upsert(dialect, table, tuple(values), tuple(conflict)), dict(values))


@lru_cache(maxsize=256)
def _upsert(
    dialect: str, table: Table, columns: tuple[str, ...], conflict: tuple[str, ...]
) -> Executable:
    insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    statement = insert.values({c: bindparam(c) for c in columns})
    changed = {c: statement.excluded[c] for c in columns if c not in conflict}
    return statement.on_conflict_do_update(index_elements=list(conflict), set_=changed)


def database_now(session: Session) -> datetime:
    """The database's clock: what several processes agree on (leases, heartbeats)."""
    if session.get_bind().dialect.name == "postgresql":
        value = session.execute(text("SELECT clock_timestamp()")).scalar_one()
        return value.astimezone(UTC)  # type: ignore[no-any-return]
    stamp = session.execute(select(text("strftime('%Y-%m-%d %H:%M:%f', 'now')"))).scalar_one()
    return datetime.fromisoformat(str(stamp)).replace(tzinfo=UTC)
