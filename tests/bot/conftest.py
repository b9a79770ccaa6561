from __future__ import annotations

import pytest

from dealbot.domain.core.store import SessionFactory
from support.outbox import World, world
from support.store import TEAMS, FakeClock, load


@pytest.fixture
def w(sessions: SessionFactory, clock: FakeClock) -> World:
    """Two teams and an admin (as `desk`), on the made-up platforms alpha and beta."""
    load(sessions, TEAMS)
    return world(sessions, clock)
