"""State front ends keep in the store: half-filled forms and requests already handled."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dealbot.domain.models import ConversationState, HandledRequest, Member


def load_conversation(session: Session, platform: str, chat_key: str) -> dict[str, Any] | None:
    row = session.scalar(
        select(ConversationState).where(
            ConversationState.platform == platform, ConversationState.chat_key == chat_key
        )
    )
    return dict(row.state) if row else None


def save_conversation(
    session: Session, platform: str, chat_key: str, state: dict[str, Any], now: datetime
) -> None:
    row = session.scalar(
        select(ConversationState).where(
            ConversationState.platform == platform, ConversationState.chat_key == chat_key
        )
    )
    if row is None:
        row = ConversationState(platform=platform, chat_key=chat_key, updated_at=now)
        session.add(row)
    row.state = state
    row.updated_at = now


def clear_conversation(session: Session, platform: str, chat_key: str) -> None:
    session.execute(
        delete(ConversationState).where(
            ConversationState.platform == platform, ConversationState.chat_key == chat_key
        )
    )


def first_time(session: Session, platform: str, request_key: str, now: datetime) -> bool:
    """True the first time a request is seen, across processes; False for every repeat."""
    try:
        with session.begin_nested():
            session.add(HandledRequest(platform=platform, request_key=request_key, handled_at=now))
    except IntegrityError:
        return False
    return True


def mark_telegram_started(session: Session, telegram_user: int) -> int | None:
    """Note that a person started the bot; returns their member id if they are on a team."""
    member = session.scalar(select(Member).where(Member.telegram_user == telegram_user))
    if member is None:
        return None
    member.telegram_started = True
    return member.id
