"""One reminder sweep as of an instant: for each team, what is due at its local reminder hour,
decided by the ledger, written with its outbox rows in one transaction per team.

What is due is worked out from the store each time, never from what a timer remembers: a
sweep that did not run (the bot was down) is made up by the next one. Of the days since a
team's last sweep, occasions of the last `catch_up_days` are sent (late when their day has
passed), older ones are recorded as missed; of one kind, subject and person only the latest
occasion is sent.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from dealbot.domain.core.models import Team
from dealbot.domain.core.routing import Placement
from dealbot.domain.core.store import SessionFactory, insert_ignoring
from dealbot.domain.outbox.notify import Note, Outbox, Recipient, Subject
from dealbot.domain.products.levels import note_levels
from dealbot.domain.reminders.calendar import first_caught_up, local_date, reached_day
from dealbot.domain.reminders.kinds import Kind, State, Topic, note_kind
from dealbot.domain.reminders.ledger import Entry, record
from dealbot.domain.reminders.models import ReminderMute, SweepMark
from dealbot.domain.reminders.occasions import (
    Occasion,
    People,
    Series,
    Source,
    SweepContext,
    Window,
)
from dealbot.domain.reminders.settings import ReminderSettings
from dealbot.domain.reminders.stagnation import card_key

# How far back a sweep after a long gap still looks (the days before are not recorded).
MAX_WINDOW_DAYS = 62
# Reminders of one topic for one person in one sweep are one message; it lists this many.
LISTED = 25
# SQLite refuses a write whose transaction read before another writer committed: the team's
# sweep is then made again (PostgreSQL waits on the unique key instead).
WRITE_ATTEMPTS = 5
T = TypeVar("T")


class Written(NamedTuple):
    """A ledger row this sweep wrote, as `dealbot remind` prints it (a tuple: a sweep writes
    tens of thousands)."""

    state: State
    kind: Kind
    label: str
    member: str
    handle: str
    on: date


@dataclass
class TeamSweep:
    team: str
    timezone: str
    hour: int
    day: date
    first: date
    counts: Counter[State] = field(default_factory=Counter)
    written: list[Written] = field(default_factory=list)
    notifications: int = 0


@dataclass
class SweepReport:
    as_of: datetime
    teams: list[TeamSweep] = field(default_factory=list)
    crossings: int = 0

    @property
    def notifications(self) -> int:
        return sum(t.notifications for t in self.teams)

    @property
    def counts(self) -> Counter[State]:
        total: Counter[State] = Counter()
        for team in self.teams:
            total.update(team.counts)
        return total


def _window(
    team: Team, settings: ReminderSettings, mark: SweepMark | None, as_of: datetime
) -> Window:
    day = reached_day(team.timezone, settings.hour, as_of)
    # A team's first sweep starts from today: before it nothing was promised.
    first = (
        day if mark is None else max(min(mark.through, day), day - timedelta(days=MAX_WINDOW_DAYS))
    )
    return Window(
        first=first,
        day=day,
        today=local_date(team.timezone, as_of),
        caught_up=first_caught_up(team.timezone, settings.hour, as_of, settings.catch_up_days),
    )


def _latest_first(occasions: Sequence[Occasion]) -> dict[Series, list[Occasion]]:
    series: dict[Series, list[Occasion]] = defaultdict(list)
    for o in occasions:
        series[(o.kind, o.subject_type, o.subject_id, o.member_id)].append(o)
    for found in series.values():
        if len(found) > 1:
            found.sort(key=lambda o: (o.on, o.stage), reverse=True)
    return series


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A sweep makes tens of thousands of objects that all live until it ends: Python's cycle
    collector, walking them again every few hundred allocations, took a third of its time.
    Nothing it makes is cyclic garbage; the collector runs again after it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _no_jit(session: Session) -> None:
    """A sweep's statements are short; PostgreSQL cannot estimate the partial index of unpaid
    installments (a comparison of two columns), thinks their read costly and compiled it
    (JIT) for 0.4 s to save nothing. For this transaction only."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))


class Sweeper:
    def __init__(self, sessions: SessionFactory, outbox: Outbox, sources: Sequence[Source]) -> None:
        self.sessions = sessions
        self.outbox = outbox
        self.sources = tuple(sources)

    def _retried(self, work: Callable[[Session], T]) -> T:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.sessions.begin() as session:
                    _no_jit(session)
                    return work(session)
            except OperationalError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def sweep(self, as_of: datetime, now: datetime) -> SweepReport:
        """Sweep every team as of `as_of`; `now` is when it really runs (the outbox's time)."""
        if as_of.tzinfo is None:
            raise ValueError("a sweep runs as of an aware instant")
        with _collector_paused():
            return self._sweep(as_of, now)

    def _sweep(self, as_of: datetime, now: datetime) -> SweepReport:
        report = SweepReport(as_of)
        # Limits changed without a movement (an edited minimum) are caught here too.
        report.crossings = self._retried(lambda s: note_levels(s, now))
        with self.sessions.begin() as session:
            team_ids = list(session.scalars(select(Team.id).order_by(Team.id)))
        for team_id in team_ids:

            def team_sweep(session: Session, team_id: int = team_id) -> TeamSweep:
                return self.sweep_team(session, team_id, as_of, now)

            report.teams.append(self._retried(team_sweep))
        return report

    def sweep_team(
        self, session: Session, team_id: int, as_of: datetime, now: datetime
    ) -> TeamSweep:
        team = session.get_one(Team, team_id)
        settings = ReminderSettings.of(team.settings)
        mark = session.scalar(select(SweepMark).where(SweepMark.team_id == team.id))
        window = _window(team, settings, mark, as_of)
        people = People(session, team)
        context = SweepContext(session, team, settings, window, people, as_of, now)
        occasions = [o for source in self.sources for o in source(context)]
        result = TeamSweep(team.name, team.timezone, settings.hour, window.day, window.first)
        if occasions:
            self._record(session, team, window, occasions, as_of, now, result)
        self._mark(session, team.id, window.day, as_of, mark)
        return result

    def _record(
        self,
        session: Session,
        team: Team,
        window: Window,
        occasions: Sequence[Occasion],
        as_of: datetime,
        now: datetime,
        result: TeamSweep,
    ) -> None:
        series = _latest_first(occasions)
        superseded = State.SUPERSEDED
        earlier = [
            Entry(o, superseded) for found in series.values() if len(found) > 1 for o in found[1:]
        ]
        new_earlier = record(session, team.id, earlier, as_of, now)
        # A reminder standing for occasions of earlier days that were never sent is late.
        overdue_series = {
            (e.occasion.kind, e.occasion.subject_type, e.occasion.subject_id, e.occasion.member_id)
            for e in earlier
            if e.occasion.key in new_earlier and e.occasion.on < window.today
        }
        muted = self._muted(session, {o.member_id for o in occasions})
        topics = {kind: kind.topic.value for kind in Kind}
        first, today, caught_up = window.first, window.today, window.caught_up
        chosen: list[Entry] = []
        muted_state, missed, late, sent = State.MUTED, State.MISSED, State.LATE, State.SENT
        # Per occasion, tens of thousands of times, so written out. Late: it comes after its
        # day because no sweep ran then (the bot was down). A condition first due before the
        # days this sweep makes up (before the team's first sweep, or on a day already swept,
        # when it did not hold yet) is news, not late.
        for key, found in series.items():
            latest = found[0]
            if muted and (latest.member_id, topics[latest.kind]) in muted:
                state = muted_state
            elif not latest.condition and latest.on < caught_up:
                state = missed
            elif first <= (latest.due or latest.on) < today or key in overdue_series:
                state = late
            else:
                state = sent
            chosen.append(Entry(latest, state))
        new = record(session, team.id, chosen, as_of, now)
        for entry in earlier:
            if entry.occasion.key in new_earlier:
                result.counts[State.SUPERSEDED] += 1
        told: list[tuple[int, Entry]] = []
        sending = (State.SENT, State.LATE)
        names: dict[int, tuple[str, str]] = {}
        for entry in chosen:
            o = entry.occasion
            ledger_id = new.get((o.kind, o.subject_type, o.subject_id, o.member_id, o.on))
            if ledger_id is None:
                continue
            result.counts[entry.state] += 1
            name = names.get(o.member_id)
            if name is None:
                name = names[o.member_id] = (o.member.name, o.member.handle)
            result.written.append(Written(entry.state, o.kind, o.label, *name, o.on))
            if entry.state in sending:
                told.append((ledger_id, entry))
        result.notifications = self._notify(session, team, window, told, now)

    @staticmethod
    def _muted(session: Session, member_ids: set[int]) -> set[tuple[int, str]]:
        rows = session.execute(
            select(ReminderMute.member_id, ReminderMute.topic).where(
                ReminderMute.member_id.in_(member_ids)
            )
        )
        return {(member_id, topic) for member_id, topic in rows}

    def _notify(
        self,
        session: Session,
        team: Team,
        window: Window,
        told: Sequence[tuple[int, Entry]],
        now: datetime,
    ) -> int:
        """The outbox rows of the reminders just recorded: a stagnant deal's card (with its
        buttons) and a digest each on their own, the rest one message per person and topic."""
        today = window.today.isoformat()
        groups: dict[tuple[int, Topic], list[tuple[int, Entry]]] = defaultdict(list)
        notes: list[Note] = []
        for ledger_id, entry in told:
            o = entry.occasion
            if o.kind in (Kind.STAGNATION, Kind.DIGEST):
                single = {**o.details(), **_when(entry), "today": today}
                notes.append(_note(team, [(ledger_id, entry)], o.kind.topic, single))
            else:
                groups[(o.member_id, o.kind.topic)].append((ledger_id, entry))
        for (_, topic), members in groups.items():
            members.sort(key=lambda pair: (pair[1].occasion.on, pair[0]))
            items = [{**e.occasion.details(), **_when(e)} for _, e in members[:LISTED]]
            params: dict[str, Any] = {
                "today": today,
                "items": items,
                "more": max(0, len(members) - LISTED),
            }
            notes.append(_note(team, members, topic, params))
        return sum(len(ids) for ids in self.outbox.notify_all(session, notes, now))

    @staticmethod
    def _mark(
        session: Session, team_id: int, day: date, as_of: datetime, mark: SweepMark | None
    ) -> None:
        if mark is None:
            insert_ignoring(
                session,
                SweepMark.__table__,  # type: ignore[arg-type]
                {"team_id": team_id, "through": day, "swept_at": as_of},
                ["team_id"],
            )
        # A conditional write: of sweeps at once, or out of order, the latest day stays.
        session.execute(
            update(SweepMark)
            .where(SweepMark.team_id == team_id, SweepMark.through < day)
            .values(through=day, swept_at=as_of)
        )


def _note(
    team: Team, members: Sequence[tuple[int, Entry]], topic: Topic, params: dict[str, Any]
) -> Note:
    first_id, first = min(members, key=lambda pair: pair[0])
    o = first.occasion
    stagnation = o.kind is Kind.STAGNATION
    return Note(
        # Each ledger row is told in one message only: the first row's id names it.
        key=f"reminder-{first_id}",
        kind=note_kind(topic),
        team=team,
        recipients=[Recipient(o.audience.value, Placement.DM, o.member)],
        params=params,
        subject=Subject("deal", o.subject_id) if stagnation else None,
        card=card_key(o.subject_id) if stagnation else None,
    )


def _when(entry: Entry) -> dict[str, Any]:
    """What a message says about an occasion's day: when it was due, and if it comes late."""
    return {"due": entry.occasion.due_day.isoformat(), "late": entry.state is State.LATE}
