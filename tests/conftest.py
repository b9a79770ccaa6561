"""Shared fixtures: a fresh, migrated store on SQLite and on PostgreSQL for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, text

from bot.directory_file import SAMPLE, parse_directory
from domain.desk import DealDesk
from domain.directory import sync_directory
from domain.store import SessionFactory, make_engine, make_session_factory, upgrade

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


def _fresh_postgres() -> Engine:
    engine = make_engine(PG_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return engine


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "dealbot.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
    else:
        engine = _fresh_postgres()
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> SessionFactory:
    return make_session_factory(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


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


@pytest.fixture
def desk(sessions: SessionFactory, clock: FakeClock) -> DealDesk:
    """Two teams (Tokyo in ja/JPY, Moscow in ru/RUB) and an admin."""
    load(sessions, TEAMS)
    return DealDesk(sessions, clock)


@pytest.fixture
def sample_desk(sessions: SessionFactory, clock: FakeClock) -> DealDesk:
    """The built-in sample team: Lena (leader, admin), Sam and Kim (sales)."""
    load(sessions, SAMPLE)
    return DealDesk(sessions, clock)
