"""State the front ends keep in the store, outside the domain: half-answered forms, and the
platform requests already handled (Slack retries, Telegram update ids) across processes."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Select, String, UniqueConstraint, bindparam, delete, exists, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Mapped, Session, mapped_column

from dealbot.domain.core.models import Base
from dealbot.domain.core.store import (
    SessionFactory,
    insert_ignoring,
    statement_sessions,
    upsert,
)

# Slack retries for up to about 5 minutes and Telegram redelivers for a day; a week is ample.
KEEP_HANDLED = timedelta(days=7)


class ConversationState(Base):
    """A form half-answered on a platform without modals, so a restart loses nothing."""

    __tablename__ = "conversation_states"
    __table_args__ = (UniqueConstraint("platform", "chat_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_key: Mapped[str] = mapped_column(String(64))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime]


class HandledRequest(Base):
    """A platform request already acted on, by whichever process got it first."""

    __tablename__ = "handled_requests"
    __table_args__ = (UniqueConstraint("platform", "request_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    request_key: Mapped[str] = mapped_column(String(128))
    handled_at: Mapped[datetime]


def first_time_in(session: Session, platform: str, request_key: str, now: datetime) -> bool:
    """`FrontState.first_time` inside a transaction the caller holds."""
    inserted = insert_ignoring(
        session,
        HandledRequest.__table__,  # type: ignore[arg-type]
        {"platform": platform, "request_key": request_key[:128], "handled_at": now},
        ["platform", "request_key"],
    )
    return inserted is not None


def noted_with_state(
    session: Session, platform: str, request_key: str, chat_key: str, now: datetime
) -> tuple[bool, dict[str, Any] | None]:
    """`first_time_in`, and the chat's form state when it is the first time.

    PostgreSQL does both in one statement (the insert in a `WITH`), one round trip fewer for
    every typed answer and click; SQLite, with no round trips to spare, in two.
    """
    if session.get_bind().dialect.name != "postgresql":
        if not first_time_in(session, platform, request_key, now):
            return False, None
        return True, state_in(session, platform, chat_key)
    values = {"platform": platform, "request_key": request_key[:128], "handled_at": now}
    row = session.execute(_noted_with_state(), {**values, "chat_key": chat_key}).one()
    if not row.fresh:
        return False, None
    return True, dict(row.state) if row.state is not None else None


@cache
def _noted_with_state() -> Select[Any]:
    handled = HandledRequest.__table__
    states = ConversationState.__table__.c
    noted = (
        postgresql.insert(HandledRequest)
        .values({c: bindparam(c) for c in ("platform", "request_key", "handled_at")})
        .on_conflict_do_nothing(index_elements=["platform", "request_key"])
        .returning(handled.c.id)
        .cte("noted")
    )
    state = (
        select(states.state)
        .where(states.platform == bindparam("platform"), states.chat_key == bindparam("chat_key"))
        .scalar_subquery()
    )
    return select(exists(select(noted.c.id)).label("fresh"), state.label("state"))


@cache
def _state_query() -> Select[Any]:
    # Read on every answer typed into a form: built once, read as a plain column.
    states = ConversationState.__table__.c
    return select(states.state).where(
        states.platform == bindparam("platform"), states.chat_key == bindparam("chat_key")
    )


def state_in(session: Session, platform: str, chat_key: str) -> dict[str, Any] | None:
    """`FrontState.load` inside a transaction the caller holds."""
    state = session.execute(
        _state_query(), {"platform": platform, "chat_key": chat_key}
    ).scalar_one_or_none()
    return dict(state) if state is not None else None


class FrontState:
    def __init__(self, sessions: SessionFactory) -> None:
        # Every call is one statement (a form's state is read, written or deleted whole).
        self.sessions = statement_sessions(sessions)

    def load(self, platform: str, chat_key: str) -> dict[str, Any] | None:
        with self.sessions.begin() as session:
            return state_in(session, platform, chat_key)

    def save(self, platform: str, chat_key: str, state: dict[str, Any], now: datetime) -> None:
        with self.sessions.begin() as session:
            upsert(
                session,
                ConversationState.__table__,  # type: ignore[arg-type]
                {"platform": platform, "chat_key": chat_key, "state": state, "updated_at": now},
                ["platform", "chat_key"],
            )

    def clear(self, platform: str, chat_key: str) -> bool:
        """Forget the chat's form; True when there was one."""
        with self.sessions.begin() as session:
            result = session.execute(
                delete(ConversationState).where(
                    ConversationState.platform == platform, ConversationState.chat_key == chat_key
                )
            )
            return bool(getattr(result, "rowcount", 0))

    def first_time(self, platform: str, request_key: str, now: datetime) -> bool:
        """True the first time a request is seen, across processes; False for every repeat."""
        with self.sessions.begin() as session:
            return first_time_in(session, platform, request_key, now)

    def forget(self, platform: str, request_key: str) -> None:
        """Let a request through again (it was refused without anything being saved)."""
        with self.sessions.begin() as session:
            session.execute(
                delete(HandledRequest).where(
                    HandledRequest.platform == platform, HandledRequest.request_key == request_key
                )
            )

    def forget_handled(self, now: datetime) -> int:
        with self.sessions.begin() as session:
            result = session.execute(
                delete(HandledRequest).where(HandledRequest.handled_at < now - KEEP_HANDLED)
            )
            return int(getattr(result, "rowcount", 0) or 0)
