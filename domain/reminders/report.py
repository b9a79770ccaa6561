"""`/deal reminders`: what the last 7 days sent, sent late and missed, for admins."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealbot.domain.core.errors import NotAllowed
from dealbot.domain.core.models import Member, Team
from dealbot.domain.core.permissions import is_admin
from dealbot.domain.reminders.kinds import Kind, State
from dealbot.domain.reminders.models import Reminder

DAYS = 7
LISTED = 20
SHOWN = (State.SENT, State.LATE, State.MISSED)


@dataclass(frozen=True)
class ReportLine:
    state: str
    kind: str
    label: str
    member: str
    team: str
    occasion: date
    recorded_at: datetime


@dataclass(frozen=True)
class ReminderReport:
    since: datetime
    counts: dict[str, int]
    by_kind: dict[str, dict[str, int]]
    # The latest of each state, newest first.
    lines: tuple[ReportLine, ...]


def reminder_report(session: Session, viewer: Member, now: datetime) -> ReminderReport:
    if not is_admin(viewer):
        raise NotAllowed("error-reminders-admins")
    since = now - timedelta(days=DAYS)
    recent = (Reminder.recorded_at >= since, Reminder.state.in_([s.value for s in SHOWN]))
    counts: Counter[str] = Counter()
    by_kind: dict[str, dict[str, int]] = {}
    for kind, state, count in session.execute(
        select(Reminder.kind, Reminder.state, func.count())
        .where(*recent)
        .group_by(Reminder.kind, Reminder.state)
    ):
        counts[state] += int(count)
        by_kind.setdefault(kind, {})[state] = int(count)
    lines: list[ReportLine] = []
    for state in SHOWN:
        rows = session.execute(
            select(Reminder, Member.name, Team.name)
            .join(Member, Member.id == Reminder.member_id)
            .join(Team, Team.id == Reminder.team_id)
            .where(*recent, Reminder.state == state.value)
            .order_by(Reminder.recorded_at.desc(), Reminder.id.desc())
            .limit(LISTED)
        )
        lines += [
            ReportLine(r.state, r.kind, r.label, member, team, r.occasion, r.recorded_at)
            for r, member, team in rows
        ]
    ordered: dict[str, dict[str, int]] = {
        str(k.value): by_kind[k.value] for k in Kind if k.value in by_kind
    }
    return ReminderReport(since, {s.value: counts[s.value] for s in SHOWN}, ordered, tuple(lines))
