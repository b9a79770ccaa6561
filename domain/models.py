"""The stored state of dealbot, as typed SQLAlchemy 2 models. Every time is stored in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dealbot.domain.enums import (
    DealStatus,
    NotificationState,
    Role,
    TaskKind,
    TaskState,
    TimelineKind,
)
from dealbot.domain.money import Money


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware one")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    locale: Mapped[str] = mapped_column(String(16), default="en")
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    slack_channel: Mapped[str | None] = mapped_column(String(32))
    telegram_chat: Mapped[int | None] = mapped_column(BigInteger)
    leader_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", use_alter=True, ondelete="SET NULL")
    )
    stagnation_days: Mapped[int] = mapped_column(Integer, default=7)
    routing: Mapped[dict[str, Any]] = mapped_column(default=dict)

    leader: Mapped[Member | None] = relationship(foreign_keys=[leader_id], post_update=True)


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    roles: Mapped[list[str]] = mapped_column(default=list)
    configured_locale: Mapped[str | None] = mapped_column(String(16))
    chosen_locale: Mapped[str | None] = mapped_column(String(16))
    profile_locale: Mapped[str | None] = mapped_column(String(16))
    slack_user: Mapped[str | None] = mapped_column(String(32), unique=True)
    telegram_user: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    # Telegram lets a bot message a person only after they started it.
    telegram_started: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    team: Mapped[Team] = relationship(foreign_keys=[team_id])

    def has_role(self, role: Role) -> bool:
        return role.value in self.roles

    @property
    def locale(self) -> str:
        return (
            self.chosen_locale or self.configured_locale or self.profile_locale or self.team.locale
        )


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("team_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    name: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str | None] = mapped_column(String(32))
    company_size: Mapped[str | None] = mapped_column(String(16))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime]


class Deal(Base):
    __tablename__ = "deals"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    title: Mapped[str] = mapped_column(String(200))
    industry: Mapped[str] = mapped_column(String(32))
    company_size: Mapped[str] = mapped_column(String(16))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    expected_close: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=DealStatus.OPEN.value, index=True)
    reached_negotiation: Mapped[bool] = mapped_column(Boolean, default=False)
    lost_reason: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime]
    last_progress_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]

    team: Mapped[Team] = relationship()
    owner: Mapped[Member] = relationship()
    customer: Mapped[Customer] = relationship()
    timeline: Mapped[list[TimelineEntry]] = relationship(
        back_populates="deal", order_by="TimelineEntry.id"
    )

    @property
    def ref(self) -> str:
        return f"D-{self.id}"

    @property
    def money(self) -> Money:
        return Money.from_minor_units(self.amount_minor, self.currency)

    @property
    def deal_status(self) -> DealStatus:
        return DealStatus(self.status)


class TimelineEntry(Base):
    __tablename__ = "timeline"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]
    activity: Mapped[str | None] = mapped_column(String(16))
    progress: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)

    deal: Mapped[Deal] = relationship(back_populates="timeline")
    actor: Mapped[Member] = relationship()

    @property
    def timeline_kind(self) -> TimelineKind:
        return TimelineKind(self.kind)


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default=TaskKind.ADVICE.value)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), index=True)
    assignee_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    state: Mapped[str] = mapped_column(String(8), default=TaskState.OPEN.value)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]

    deal: Mapped[Deal] = relationship()
    assignee: Mapped[Member] = relationship()


class Notification(Base):
    """An outbox row: one message to one place, written with the change that caused it."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"))
    event: Mapped[str] = mapped_column(String(32))
    audience: Mapped[str] = mapped_column(String(8))
    placement: Mapped[str] = mapped_column(String(16))
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"))
    message: Mapped[str] = mapped_column(String(48))
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(
        String(8), default=NotificationState.PENDING.value, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]

    team: Mapped[Team] = relationship()
    recipient: Mapped[Member | None] = relationship()


class Delivery(Base):
    """One notification sent over one platform; its row is what makes a resend impossible."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("notification_id", "platform"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime]


class DealThread(Base):
    """Where a deal's first feed post sits on one platform, so replies can go under it."""

    __tablename__ = "deal_threads"
    __table_args__ = (UniqueConstraint("deal_id", "platform", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"))
    platform: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(64))
    root_id: Mapped[str] = mapped_column(String(64))


class ConversationState(Base):
    """A form half-filled on a platform without modals, so a restart loses nothing."""

    __tablename__ = "conversation_states"
    __table_args__ = (UniqueConstraint("platform", "chat_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_key: Mapped[str] = mapped_column(String(64))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime]


class HandledRequest(Base):
    """Platform requests already acted on (Slack retries, Telegram redeliveries)."""

    __tablename__ = "handled_requests"
    __table_args__ = (UniqueConstraint("platform", "request_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    request_key: Mapped[str] = mapped_column(String(128))
    handled_at: Mapped[datetime]
