"""The tables every capability stands on: the declarative base, teams and members.

Every time is stored in UTC; capabilities add their own tables to the same metadata.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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
        list[Any]: JSON,
    }


class Role(StrEnum):
    SALES = "sales"
    LEADER = "leader"
    FINANCE = "finance"
    WAREHOUSE = "warehouse"
    ADMIN = "admin"


def member_locale(
    chosen: str | None, configured: str | None, profile: str | None, team: str
) -> str:
    """The language a member reads: chosen with /lang, else configured, else their chat
    profile's, else the team's."""
    return chosen or configured or profile or team


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
    # Capability settings from `dealbot.toml` (reminders and the like), validated when read.
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)

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
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    team: Mapped[Team] = relationship(foreign_keys=[team_id])

    def has_role(self, role: Role) -> bool:
        return role.value in self.roles

    @property
    def locale(self) -> str:
        return member_locale(
            self.chosen_locale, self.configured_locale, self.profile_locale, self.team.locale
        )
