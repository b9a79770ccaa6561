"""The reminder ledger and what a person or a deal changes about reminders.

The ledger holds one row per (kind, subject, person, occasion) under a unique key: the row is
written in the same transaction as the reminder's outbox row, insert-or-ignore, so restarts
and any number of processes sweeping one database send each reminder once.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from dealbot.domain.core.models import Base
from dealbot.domain.customers.models import Contract, Customer
from dealbot.domain.deals.models import Deal

MAX_LABEL = 200


class Reminder(Base):
    """One occasion of one reminder for one person, and what became of it (`State`)."""

    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("kind", "subject_type", "subject_id", "member_id", "occasion"),
        # `/deal reminders`: what the last 7 days recorded.
        Index("ix_reminders_recorded_at", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int] = mapped_column(Integer)
    # No foreign keys on member and team: a sweep writes tens of thousands of rows, and
    # PostgreSQL checks each key (a third of the writes' time). Members are never deleted
    # (only deactivated), nor teams, so the ids stay good; reports join on them explicitly.
    member_id: Mapped[int] = mapped_column(Integer)
    # The local day it is for: the reminder day of a key date, the due day of an installment.
    occasion: Mapped[date] = mapped_column(Date)
    team_id: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10))
    # What it was about, as `/deal reminders` lists it (`C-7 Acme`, `O-4 #2`, `PUMP-50`).
    label: Mapped[str] = mapped_column(String(MAX_LABEL))
    # The instant the sweep ran as of (`dealbot remind --at`), and when it really ran.
    swept_at: Mapped[datetime]
    recorded_at: Mapped[datetime]


class ReminderMute(Base):
    """A person silenced a topic of reminders (`/deal mute stock`)."""

    __tablename__ = "reminder_mutes"
    __table_args__ = (UniqueConstraint("member_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    topic: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]


class SweepMark(Base):
    """The latest local day a team's reminders were swept through: what the bot was down
    for, when a sweep comes after a gap, is the days after it."""

    __tablename__ = "reminder_sweeps"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), unique=True)
    through: Mapped[date] = mapped_column(Date)
    swept_at: Mapped[datetime]


class DealSnooze(Base):
    """ "Snooze 3 days" on a stagnant deal: no stagnation reminder before `until`."""

    __tablename__ = "deal_snoozes"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id"), unique=True)
    until: Mapped[date] = mapped_column(Date)
    by_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    at: Mapped[datetime]


# The key dates of a team's customers, found by date ranges (one per year): each range is a
# walk of one of these indexes, whatever the number of customers.
KEY_DATE_INDEXES = (
    Index("ix_customers_team_id_founded", Customer.team_id, Customer.founded),
    Index("ix_customers_team_id_first_contract", Customer.team_id, Customer.first_contract),
    Index("ix_customers_team_id_contact_birthday", Customer.team_id, Customer.contact_birthday),
)
# Contracts ending within the next N days: a range of this index.
CONTRACT_END_INDEX = Index("ix_contracts_ends_on", Contract.ends_on)
# A team's deals of one status by when they closed (the digest's week) or last moved on
# (stagnant deals): a range of one of these, however many deals the team won in earlier years.
DEAL_STATUS_INDEXES = (
    Index("ix_deals_team_id_status_closed_at", Deal.team_id, Deal.status, Deal.closed_at),
    Index(
        "ix_deals_team_id_status_last_progress_at",
        Deal.team_id,
        Deal.status,
        Deal.last_progress_at,
    ),
)
