"""The Slack front end served for real: Bolt over HTTP, the stand-in Web API, the dispatcher."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from support.slack_bot import SlackBot, running_bot


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[SlackBot]:
    async with running_bot(tmp_path) as running:
        yield running
