"""Shared fixtures: a fresh, migrated store on SQLite and on PostgreSQL for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from dealbot.bot.directory_file import SAMPLE
from dealbot.bot.schema import upgrade
from dealbot.domain.core.store import SessionFactory, make_engine, make_session_factory
from dealbot.domain.deals.desk import DealDesk
from support.store import TEAMS, FakeClock, fresh_postgres, load


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "dealbot.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
    else:
        engine = fresh_postgres()
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> SessionFactory:
    return make_session_factory(engine)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


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
