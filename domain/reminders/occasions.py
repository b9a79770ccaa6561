"""What a sweep works with: the window of days it looks at, the people reminders go to, and
each occasion found (a reminder due for one person on one day)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Member, Role, Team
from dealbot.domain.core.routing import Audience
from dealbot.domain.reminders.kinds import Kind
from dealbot.domain.reminders.settings import ReminderSettings


@dataclass(frozen=True)
class Window:
    """The local days one sweep of one team looks at.

    `day` is the latest day whose reminder hour has been reached; `first` the earliest day
    not swept yet (`day` itself on a team's first sweep); occasions from `caught_up` on are
    still sent (late when before `today`), older ones are recorded as missed.
    """

    first: date
    day: date
    today: date
    caught_up: date

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.day


Key = tuple[str, str, int, int, date]
Series = tuple[str, str, int, int]


# Not frozen, with slots: a sweep makes tens of thousands of these.
@dataclass(slots=True, eq=False)
class Occasion:
    """A reminder of `kind` about a subject, due to one member on the day `on`.

    A *condition* (stock still low, a contract still about to end, a deal still stagnant) is
    sent once however late, since it still holds; `due` is the day it was first due then.
    Of the occasions of one kind, subject and member in one sweep only the latest (by day,
    then `stage`) is sent.
    """

    kind: Kind
    subject_type: str
    subject_id: int
    member: Member
    audience: Audience
    on: date
    label: str
    # What the message says about it; or, when worth working out only for a new occasion,
    # `build` makes it (`details()`).
    item: dict[str, Any]
    stage: int = 0
    condition: bool = False
    due: date | None = None
    build: Callable[[], dict[str, Any]] | None = None
    # The member's id, read once: an ORM attribute costs more than a slot, a sweep asks often.
    # A source making many occasions for one member passes it (0: read from `member`).
    member_id: int = 0

    def __post_init__(self) -> None:
        if not self.member_id:
            self.member_id = self.member.id

    @property
    def key(self) -> Key:
        # A StrEnum is its value: the tuple equals the one read back from the ledger.
        return (self.kind, self.subject_type, self.subject_id, self.member_id, self.on)

    @property
    def series(self) -> Series:
        return (self.kind, self.subject_type, self.subject_id, self.member_id)

    def details(self) -> dict[str, Any]:
        return self.build() if self.build is not None else self.item

    @property
    def due_day(self) -> date:
        return self.due or self.on


class People:
    """The active members a team's reminders may go to, loaded once per sweep."""

    def __init__(self, session: Session, team: Team) -> None:
        members = session.scalars(
            select(Member).where(Member.active.is_(True)).order_by(Member.id)
        ).all()
        self.by_id = {m.id: m for m in members}
        self.team = team
        self.leader = self.by_id.get(team.leader_id) if team.leader_id is not None else None
        finance = [m for m in members if m.has_role(Role.FINANCE)]
        # As everywhere: the team's own finance people, else those of every team.
        self.finance = [m for m in finance if m.team_id == team.id] or finance
        # Products are shared: each warehouse member hears about them at their own team's hour.
        self.warehouse = [m for m in members if m.has_role(Role.WAREHOUSE) and m.team_id == team.id]
        self._owners: dict[int | None, tuple[Member, Audience] | None] = {}

    def owner(self, owner_id: int | None) -> tuple[Member, Audience] | None:
        """The owner, or the team's leader for a subject without one (or whose owner left)."""
        # Asked for each of tens of thousands of installments, of a few owners.
        try:
            return self._owners[owner_id]
        except KeyError:
            found = self._owners[owner_id] = self._owner(owner_id)
            return found

    def _owner(self, owner_id: int | None) -> tuple[Member, Audience] | None:
        owner = self.by_id.get(owner_id) if owner_id is not None else None
        if owner is not None:
            return owner, Audience.OWNER
        if self.leader is not None:
            return self.leader, Audience.LEADER
        return None


@dataclass
class SweepContext:
    """One team's sweep: the team, its settings, the window, the people, the instant."""

    session: Session
    team: Team
    settings: ReminderSettings
    window: Window
    people: People
    as_of: datetime
    now: datetime


# A kind of reminder: the occasions it finds for one team's sweep (set-based queries).
Source = Callable[[SweepContext], Iterable[Occasion]]
