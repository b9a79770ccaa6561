"""The processes serving one database, as each registers and heartbeats itself.

`dealbot shell` looks here to refuse a database that a running bot uses, so that it never
shows, or swallows, the team's real notifications.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy import JSON, String, delete, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from dealbot.domain.core.models import Base
from dealbot.domain.core.store import database_now


class Runner(Base):
    __tablename__ = "runners"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))
    platforms: Mapped[list[str]] = mapped_column(JSON, default=list)
    started_at: Mapped[datetime]
    seen_at: Mapped[datetime]


@dataclass(frozen=True)
class LiveRunner:
    id: str
    mode: str
    platforms: tuple[str, ...]
    seen_at: datetime


def new_runner_id() -> str:
    """Unique per process: the holder named on every claim it takes."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid4().hex[:8]}"


def register(session: Session, runner_id: str, mode: str, platforms: list[str]) -> None:
    now = database_now(session)
    session.add(Runner(id=runner_id, mode=mode, platforms=platforms, started_at=now, seen_at=now))


def heartbeat(session: Session, runner_id: str) -> None:
    session.execute(
        update(Runner).where(Runner.id == runner_id).values(seen_at=database_now(session))
    )


def unregister(session: Session, runner_id: str) -> None:
    session.execute(delete(Runner).where(Runner.id == runner_id))


def live(session: Session, mode: str, within: timedelta) -> list[LiveRunner]:
    since = database_now(session) - within
    rows = session.scalars(
        select(Runner).where(Runner.mode == mode, Runner.seen_at >= since).order_by(Runner.id)
    )
    return [LiveRunner(r.id, r.mode, tuple(r.platforms), r.seen_at) for r in rows]
