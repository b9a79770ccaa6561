"""Writing occasions into the ledger: many rows in one statement, insert-or-ignore on the
ledger's unique key, answering which rows are new (only those are sent).

One statement per few thousand rows keeps a sweep of tens of thousands of occasions well
under a second: PostgreSQL takes them as arrays (`unnest`), SQLite as one JSON array
(`json_each`). Rows go in in key order, so two processes sweeping at once wait for each
other on the first key rather than deadlocking.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, Integer, String, bindparam, text
from sqlalchemy.orm import Session

from dealbot.domain.core.models import UTCDateTime
from dealbot.domain.reminders.kinds import State
from dealbot.domain.reminders.occasions import Key, Occasion

CHUNK = 5000
COLUMNS = (
    "kind, subject_type, subject_id, member_id, occasion, team_id, state, label, "
    "swept_at, recorded_at"
)
CONFLICT = "(kind, subject_type, subject_id, member_id, occasion)"
RETURNING = "RETURNING id, kind, subject_type, subject_id, member_id, occasion"

POSTGRESQL = f"""
INSERT INTO reminders ({COLUMNS})
SELECT k, t, s, m, o, :team, st, l, :swept, :recorded
FROM unnest(
    CAST(:kinds AS varchar[]), CAST(:types AS varchar[]), CAST(:subjects AS integer[]),
    CAST(:members AS integer[]), CAST(:occasions AS date[]), CAST(:states AS varchar[]),
    CAST(:labels AS varchar[])
) AS u(k, t, s, m, o, st, l)
ORDER BY k, t, s, m, o
ON CONFLICT {CONFLICT} DO NOTHING
{RETURNING}
"""

SQLITE = f"""
INSERT INTO reminders ({COLUMNS})
SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
       json_extract(value, '$[3]'), json_extract(value, '$[4]'), :team,
       json_extract(value, '$[5]'), json_extract(value, '$[6]'), :swept, :recorded
FROM json_each(:rows) WHERE true
ON CONFLICT {CONFLICT} DO NOTHING
{RETURNING}
"""


@dataclass(frozen=True, slots=True)
class Entry:
    occasion: Occasion
    state: State


def _statement(dialect: str) -> object:
    return (
        text(POSTGRESQL if dialect == "postgresql" else SQLITE)
        .bindparams(
            bindparam("swept", type_=UTCDateTime()), bindparam("recorded", type_=UTCDateTime())
        )
        .columns(
            id=Integer,
            kind=String,
            subject_type=String,
            subject_id=Integer,
            member_id=Integer,
            occasion=Date,
        )
    )


def record(
    session: Session,
    team_id: int,
    entries: Sequence[Entry],
    swept_at: datetime,
    recorded_at: datetime,
) -> dict[Key, int]:
    """Write the entries that are not in the ledger yet; the new ones' ledger ids by key."""
    dialect = session.get_bind().dialect.name
    statement = _statement(dialect)
    ordered = sorted(entries, key=lambda e: e.occasion.key)
    new: dict[Key, int] = {}
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        values: dict[str, object] = {"team": team_id, "swept": swept_at, "recorded": recorded_at}
        if dialect == "postgresql":
            values |= {
                "kinds": [e.occasion.kind.value for e in chunk],
                "types": [e.occasion.subject_type for e in chunk],
                "subjects": [e.occasion.subject_id for e in chunk],
                "members": [e.occasion.member.id for e in chunk],
                "occasions": [e.occasion.on for e in chunk],
                "states": [e.state.value for e in chunk],
                "labels": [e.occasion.label for e in chunk],
            }
        else:
            values["rows"] = json.dumps(
                [
                    [
                        e.occasion.kind.value,
                        e.occasion.subject_type,
                        e.occasion.subject_id,
                        e.occasion.member.id,
                        e.occasion.on.isoformat(),
                        e.state.value,
                        e.occasion.label,
                    ]
                    for e in chunk
                ],
                ensure_ascii=False,
            )
        for row in session.execute(statement, values):  # type: ignore[call-overload]
            occasion = (
                row.occasion if isinstance(row.occasion, date) else date.fromisoformat(row.occasion)
            )
            new[(row.kind, row.subject_type, row.subject_id, row.member_id, occasion)] = row.id
    return new
