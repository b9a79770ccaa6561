"""Shared fixtures: a fresh, migrated store on SQLite and on PostgreSQL for every test."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, text

from dealbot.bot.directory_file import parse_directory
from dealbot.domain.core.directory import sync_directory
from dealbot.domain.core.store import SessionFactory, make_engine

PG_URL = os.environ.get(
    "DEALBOT_TEST_PG_URL", "postgresql+psycopg://dealbot:dealbot@127.0.0.1:5432/dealbot_test"
)


@dataclass
class FakeClock:
    """A clock the test moves by hand."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 2, 9, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def fresh_postgres() -> Engine:
    engine = make_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return engine


TEAMS = """
[[teams]]
name = "Tokyo Sales"
leader = "sato"
timezone = "Asia/Tokyo"
locale = "ja"
currency = "JPY"
slack_channel = "C0TOKYO01"

[[teams]]
name = "Moscow Sales"
leader = "ivan"
timezone = "Europe/Moscow"
locale = "ru"
currency = "RUB"

[[members]]
handle = "sato"
name = "Sato Hanako"
team = "Tokyo Sales"
roles = ["leader"]

[[members]]
handle = "kenji"
name = "Kenji Tanaka"
team = "Tokyo Sales"
roles = ["sales"]

[[members]]
handle = "yui"
name = "Yui Mori"
team = "Tokyo Sales"
roles = ["sales"]

[[members]]
handle = "ivan"
name = "Ivan Petrov"
team = "Moscow Sales"
roles = ["leader"]

[[members]]
handle = "olga"
name = "Olga Smirnova"
team = "Moscow Sales"
roles = ["sales"]

[[members]]
handle = "root"
name = "Ada Admin"
team = "Tokyo Sales"
roles = ["admin"]
"""


def load(sessions: SessionFactory, toml: str) -> None:
    teams, members = parse_directory(toml)
    with sessions.begin() as session:
        sync_directory(session, teams, members)


def scratch_postgres(suffix: str) -> str:
    """A database of its own beside the test database, for processes that may be killed
    holding connections: dropping it afterwards cannot hold up the other tests."""
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    name = f"{url.database}_{suffix}"
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop_scratch_postgres(database_url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(database_url).database
    admin = make_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
