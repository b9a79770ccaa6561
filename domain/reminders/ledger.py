"""Writing occasions into the ledger: many rows in one statement, insert-or-ignore on the
ledger's unique key, answering which rows are new (only those are sent).

One statement per few thousand rows keeps a sweep of tens of thousands of occasions well
under a second: both stores take them as one JSON array (`jsonb_array_elements` on
PostgreSQL, parsed once rather than at every `->>` as `json` would be; `json_each` on
SQLite), cheaper to send and to unpack than one array per column. Rows go in in key order
(sorted here, and both functions give the array's elements in order), so two processes
sweeping at once wait for each other on the first key rather than deadlocking.
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

# Each row a JSON array: kind, subject type, subject id, member id, occasion, state, label.
POSTGRESQL = f"""
INSERT INTO reminders ({COLUMNS})
SELECT r->>0, r->>1, CAST(r->>2 AS integer), CAST(r->>3 AS integer), CAST(r->>4 AS date), :team,
       r->>5, r->>6, :swept, :recorded
FROM jsonb_array_elements(CAST(:rows AS jsonb)) AS r
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
    statement = _statement(session.get_bind().dialect.name)
    # In key order (the day as ISO text sorts as the day does); keys are unique here.
    rows = sorted(
        [
            # StrEnums are their values (and `.value` costs an enum descriptor's call).
            o.kind,
            o.subject_type,
            o.subject_id,
            o.member_id,
            o.on.isoformat(),
            e.state,
            o.label,
        ]
        for e in entries
        for o in (e.occasion,)
    )
    new: dict[Key, int] = {}
    # SQLite answers the day as text: a sweep's rows are of a few days, each parsed once.
    days: dict[object, date] = {}
    for start in range(0, len(rows), CHUNK):
        values = {
            "team": team_id,
            "swept": swept_at,
            "recorded": recorded_at,
            "rows": json.dumps(rows[start : start + CHUNK], ensure_ascii=False),
        }
        result = session.execute(statement, values)  # type: ignore[call-overload]
        for ledger_id, kind, subject_type, subject_id, member_id, on in result:
            day = days.get(on)
            if day is None:
                day = days[on] = on if isinstance(on, date) else date.fromisoformat(on)
            new[(kind, subject_type, subject_id, member_id, day)] = ledger_id
    return new
