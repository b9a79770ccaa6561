"""Local days in IANA zones: the reminder hour across daylight-saving changes, catch-up, and
key dates coming round (29 February on 28 February in common years)."""

from __future__ import annotations

from datetime import date

import pytest

from dealbot.domain.reminders.calendar import (
    anniversary,
    first_caught_up,
    key_date_ranges,
    reached_day,
    reminder_moment,
)
from support.reminders import at

NEW_YORK = "America/New_York"


def test_the_hour_is_reached_at_local_time_on_both_sides_of_a_daylight_saving_change() -> None:
    # Clocks go forward on 14 March 2027: 09:00 is 14:00 UTC before, 13:00 UTC after.
    assert reminder_moment(NEW_YORK, date(2027, 3, 13), 9) == at("2027-03-13T14:00Z")
    assert reminder_moment(NEW_YORK, date(2027, 3, 14), 9) == at("2027-03-14T13:00Z")
    # ...and back on 7 November 2027.
    assert reminder_moment(NEW_YORK, date(2027, 11, 6), 9) == at("2027-11-06T13:00Z")
    assert reminder_moment(NEW_YORK, date(2027, 11, 7), 9) == at("2027-11-07T14:00Z")
    assert reminder_moment("Asia/Tokyo", date(2027, 3, 1), 9) == at("2027-03-01T00:00Z")


def test_an_hour_the_change_skips_is_reached_at_the_next_minute_that_exists() -> None:
    # 02:00–02:59 does not exist in New York on 14 March 2027: 02:00 is reached at 03:00 EDT.
    assert reminder_moment(NEW_YORK, date(2027, 3, 14), 2) == at("2027-03-14T07:00Z")
    assert reached_day(NEW_YORK, 2, at("2027-03-14T06:59Z")) == date(2027, 3, 13)
    assert reached_day(NEW_YORK, 2, at("2027-03-14T07:00Z")) == date(2027, 3, 14)
    # Lord Howe Island moves by half an hour: 02:00 there is 02:30 on 3 October 2027.
    moment = reminder_moment("Australia/Lord_Howe", date(2027, 10, 3), 2)
    assert moment == at("2027-10-02T15:30Z")
    # An hour that happens twice (clocks back) is reached the first time.
    assert reminder_moment(NEW_YORK, date(2027, 11, 7), 1) == at("2027-11-07T05:00Z")


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        ("2027-02-28T23:59Z", date(2027, 2, 28)),  # 08:59 JST on 1 March: not yet
        ("2027-03-01T00:00Z", date(2027, 3, 1)),
        ("2027-03-01T14:59Z", date(2027, 3, 1)),  # 23:59 JST
    ],
)
def test_the_day_reached_is_the_local_day_once_its_hour_came(instant: str, day: date) -> None:
    assert reached_day("Asia/Tokyo", 9, at(instant)) == day


def test_catch_up_reaches_back_as_many_days_as_the_setting() -> None:
    # At 09:30 JST on 10 March, 7 days back is 09:30 on 3 March: its 09:00 came earlier.
    assert first_caught_up("Asia/Tokyo", 9, at("2027-03-10T00:30Z"), 7) == date(2027, 3, 4)
    assert first_caught_up("Asia/Tokyo", 9, at("2027-03-10T00:00Z"), 7) == date(2027, 3, 3)
    assert first_caught_up("Asia/Tokyo", 9, at("2027-03-10T00:00Z"), 1) == date(2027, 3, 9)


def test_29_february_comes_round_on_28_february_in_common_years() -> None:
    leap_day = date(1992, 2, 29)
    assert anniversary(leap_day, 2027) == date(2027, 2, 28)
    assert anniversary(leap_day, 2028) == date(2028, 2, 29)
    assert anniversary(date(1990, 3, 1), 2027) == date(2027, 3, 1)


def test_key_date_ranges_cover_every_earlier_year_and_the_leap_day() -> None:
    ranges = key_date_ranges(date(2027, 2, 28), date(2027, 2, 28), 1991)
    assert (date(1992, 2, 28), date(1992, 2, 29)) in ranges  # a leap year: 28 and 29 Feb
    assert (date(1991, 2, 28), date(1991, 2, 28)) in ranges
    assert len(ranges) == 2027 - 1991
    # In a leap year 28 February is itself only: 29 February has its own day.
    assert (date(1992, 2, 28), date(1992, 2, 28)) in key_date_ranges(
        date(2028, 2, 28), date(2028, 2, 28), 1991
    )
    # Across the new year: two ranges per earlier year.
    across = key_date_ranges(date(2026, 12, 30), date(2027, 1, 2), 2024)
    assert (date(2024, 12, 30), date(2024, 12, 31)) in across
    assert (date(2026, 1, 1), date(2026, 1, 2)) in across
    assert (date(2026, 12, 30), date(2026, 12, 31)) not in across  # not an anniversary yet
