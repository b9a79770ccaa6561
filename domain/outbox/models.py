"""The outbox: notifications, their deliveries per platform and address, lanes and threads."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dealbot.domain.core.models import Base, Member, Team


class DeliveryState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    PARKED = "parked"
    # Not to be sent any more: its subject changed so that it must not reach that place.
    DROPPED = "dropped"


class LaneState(StrEnum):
    OPEN = "open"
    # The person never started the bot on Telegram: waits for them, not a failure.
    HELD = "held"
    # The place refused for good (removed from the group, archived channel): waits for an admin.
    PARKED = "parked"


class Notification(Base):
    """One message to one audience, written in the transaction of the change that caused it."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(48))
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    subject_type: Mapped[str | None] = mapped_column(String(16))
    subject_id: Mapped[int | None] = mapped_column(Integer)
    # Posts about one subject (a deal) share a thread on platforms that have threads.
    thread_key: Mapped[str | None] = mapped_column(String(48))
    # A card that may change later (a task, an approval): every place showing it is edited.
    card_key: Mapped[str | None] = mapped_column(String(48), index=True)
    audience: Mapped[str] = mapped_column(String(16))
    placement: Mapped[str] = mapped_column(String(16))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]

    team: Mapped[Team] = relationship()
    recipient: Mapped[Member | None] = relationship()


class Lane(Base):
    """A place on one platform (a channel, a group, a person's DMs), served strictly in order."""

    __tablename__ = "lanes"
    __table_args__ = (UniqueConstraint("platform", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(8), default=LaneState.OPEN.value)
    reason: Mapped[str | None] = mapped_column(Text)
    # Telegram moves a group that became a supergroup to a new id; its lane follows it.
    moved_to: Mapped[str | None] = mapped_column(String(64))
    changed_at: Mapped[datetime | None]
    # Counts how often the lane was parked, so that each parking tells the admins once.
    parkings: Mapped[int] = mapped_column(Integer, default=0)


class Delivery(Base):
    """One notification on one platform at one address: the unit that is claimed and sent."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("notification_id", "platform", "address"),
        Index("ix_deliveries_queue", "state", "platform", "lane_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    lane_id: Mapped[int] = mapped_column(ForeignKey("lanes.id"))
    # An edit of the card this earlier delivery put in the same place, rather than a new post.
    edit_of: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id"))
    state: Mapped[str] = mapped_column(String(8), default=DeliveryState.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    first_attempt_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claim_token: Mapped[str | None] = mapped_column(String(36))
    claimed_until: Mapped[datetime | None]
    # Set before a send starts and cleared when it failed cleanly: a claim that finds it set
    # knows an earlier send may have reached the platform (the sender died mid-send).
    send_started_at: Mapped[datetime | None]
    parts_sent: Mapped[int] = mapped_column(Integer, default=0)
    external_ids: Mapped[list[Any]] = mapped_column(default=list)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]

    notification: Mapped[Notification] = relationship()
    lane: Mapped[Lane] = relationship()


class Thread(Base):
    """Where the first post about a subject sits on one platform, so replies go under it."""

    __tablename__ = "threads"
    __table_args__ = (UniqueConstraint("thread_key", "platform", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_key: Mapped[str] = mapped_column(String(48))
    platform: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    root_id: Mapped[str] = mapped_column(String(64))
