"""Local days in IANA time zones: when a team's reminder hour is reached, across daylight-saving
changes, and when a key date comes round again (29 February on 28 February in other years)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

ONE_DAY = timedelta(days=1)


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_date(timezone: str, instant: datetime) -> date:
    return instant.astimezone(zone(timezone)).date()


def _exists(wall: datetime) -> bool:
    """Whether a wall-clock time happens at all (not inside a daylight-saving gap)."""
    back = wall.astimezone(UTC).astimezone(wall.tzinfo)
    return back.replace(tzinfo=None) == wall.replace(tzinfo=None)


@lru_cache(maxsize=4096)
def reminder_moment(timezone: str, day: date, hour: int) -> datetime:
    """The instant the hour is reached on that local day, in UTC.

    An hour that a daylight-saving change skips is reached at the next minute that exists;
    an hour that happens twice (the clocks go back) is reached the first time.
    """
    wall = datetime.combine(day, time(hour), zone(timezone))
    for minute in range(24 * 60):
        # Aware arithmetic on one tzinfo is wall-clock arithmetic: minute by minute locally.
        candidate = wall + timedelta(minutes=minute)
        if _exists(candidate):
            return candidate.astimezone(UTC)
    raise ValueError(f"no minute of {day} exists in {timezone}")


def reached_day(timezone: str, hour: int, as_of: datetime) -> date:
    """The latest local day whose reminder hour has been reached at `as_of`."""
    today = local_date(timezone, as_of)
    return today if reminder_moment(timezone, today, hour) <= as_of else today - ONE_DAY


def start_of_day(timezone: str, day: date) -> datetime:
    """Local midnight (or the first minute that exists, where midnight is skipped), in UTC."""
    return reminder_moment(timezone, day, 0)


def first_caught_up(timezone: str, hour: int, as_of: datetime, days: int) -> date:
    """The earliest occasion day still made up at `as_of`: one whose reminder hour came at
    most `days` days before it."""
    cutoff = as_of - timedelta(days=days)
    day = local_date(timezone, cutoff)
    return day if reminder_moment(timezone, day, hour) >= cutoff else day + ONE_DAY


def days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def anniversary(key: date, year: int) -> date:
    """The day a date comes round in `year`: 29 February falls on 28 February in other years."""
    if key.month == 2 and key.day == 29 and not is_leap(year):
        return date(year, 2, 28)
    return key.replace(year=year)


def _clamped(year: int, month: int, day: int, *, upward: bool) -> date:
    """A month and day in `year`; 29 February of a common year becomes 1 March (a range's
    start) or 28 February (its end)."""
    if month == 2 and day == 29 and not is_leap(year):
        return date(year, 3, 1) if upward else date(year, 2, 28)
    return date(year, month, day)


def key_date_ranges(first: date, last: date, oldest_year: int) -> list[tuple[date, date]]:
    """Ranges of stored dates (one per earlier year) whose anniversary falls between `first`
    and `last` (at most a year apart): an index on the date answers each range.

    A stored 29 February is in the range of a common year's 28 February.
    """
    ranges: list[tuple[date, date]] = []
    segments = []
    if first.year == last.year:
        segments.append((first, last))
    else:
        segments += [(first, date(first.year, 12, 31)), (date(last.year, 1, 1), last)]
    for start, end in segments:
        end_month, end_day = end.month, end.day
        if (end_month, end_day) == (2, 28) and not is_leap(end.year):
            end_day = 29  # the leap years' 29 February comes round on this 28 February
        for year in range(oldest_year, start.year):
            low = _clamped(year, start.month, start.day, upward=True)
            high = _clamped(year, end_month, end_day, upward=False)
            if low <= high:
                ranges.append((low, high))
    return ranges
