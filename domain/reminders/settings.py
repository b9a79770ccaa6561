"""A team's reminder settings (`[teams.reminders]` in dealbot.toml), with their defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The bounds dealbot.toml is checked against (inclusive).
LIMITS: dict[str, tuple[int, int]] = {
    "hour": (0, 23),
    "payment_due_days": (0, 60),
    "overdue_escalate_days": (1, 365),
    "key_date_days": (0, 60),
    "contract_end_days": (1, 365),
    "catch_up_days": (1, 60),
}


@dataclass(frozen=True)
class ReminderSettings:
    hour: int = 9
    payment_due_days: int = 3
    overdue_escalate_days: int = 7
    key_date_days: int = 3
    contract_end_days: int = 30
    digest_day: str = "monday"
    catch_up_days: int = 7

    @classmethod
    def of(cls, team_settings: Mapping[str, Any]) -> ReminderSettings:
        """The settings stored with a team (checked when dealbot.toml was read); a key left
        out, or not understood, keeps its default."""
        stored = team_settings.get("reminders")
        if not isinstance(stored, Mapping):
            return cls()
        chosen: dict[str, Any] = {}
        for field in fields(cls):
            value = stored.get(field.name)
            if field.name == "digest_day":
                if isinstance(value, str) and value.lower() in WEEKDAYS:
                    chosen[field.name] = value.lower()
            elif isinstance(value, int) and not isinstance(value, bool):
                low, high = LIMITS[field.name]
                if low <= value <= high:
                    chosen[field.name] = value
        return cls(**chosen)

    @property
    def digest_weekday(self) -> int:
        return WEEKDAYS.index(self.digest_day)
