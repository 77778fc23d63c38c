"""The rules that choose the day a weekday means and the year of a date written without one."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.dates.period import Period
from newsgraph.dates.resolve import weekday_near, weekday_relative, year_for, year_for_month_relative
from newsgraph.dates.tense import Tense

TUESDAY = date(2024, 6, 18)
MONDAY, WEDNESDAY, FRIDAY, SATURDAY = 0, 2, 4, 5


@pytest.mark.parametrize(
    ("weekday", "tense", "day"),
    [
        (1, "past", date(2024, 6, 18)),
        (1, "future", date(2024, 6, 18)),
        (1, None, date(2024, 6, 18)),
        (WEDNESDAY, "past", date(2024, 6, 12)),
        (WEDNESDAY, "future", date(2024, 6, 19)),
        (WEDNESDAY, None, date(2024, 6, 19)),
        (MONDAY, "future", date(2024, 6, 24)),
        (MONDAY, None, date(2024, 6, 17)),
        (FRIDAY, None, date(2024, 6, 21)),
        (SATURDAY, None, date(2024, 6, 15)),
    ],
)
def test_a_weekday_is_the_nearest_on_the_side_the_tense_says(weekday: int, tense: Tense | None, day: date) -> None:
    assert weekday_near(TUESDAY, weekday, tense) == day


@pytest.mark.parametrize(
    ("weekday", "direction", "day"),
    [
        (1, -1, date(2024, 6, 11)),
        (1, 1, date(2024, 6, 25)),
        (FRIDAY, -1, date(2024, 6, 14)),
        (FRIDAY, 1, date(2024, 6, 21)),
        (MONDAY, 0, date(2024, 6, 17)),
        (FRIDAY, 0, date(2024, 6, 21)),
    ],
)
def test_last_this_and_next_weekday(weekday: int, direction: int, day: date) -> None:
    assert weekday_relative(TUESDAY, weekday, direction) == day


DAY = Period(TUESDAY, "day")


@pytest.mark.parametrize(
    ("month", "day", "tense", "year"),
    [
        (5, 30, None, 2024),
        (5, 30, "past", 2024),
        (5, 30, "future", 2025),
        (8, None, "past", 2023),
        (8, None, None, 2024),
        (8, None, "future", 2024),
        (12, 28, None, 2023),
        (6, 18, "past", 2024),
        (6, None, "future", 2024),
    ],
)
def test_the_year_of_a_date_without_one(month: int, day: int | None, tense: Tense | None, year: int) -> None:
    assert year_for(DAY, month, day, tense) == year


def test_a_weekday_given_with_the_date_picks_the_year_where_it_falls() -> None:
    # June 18 was a Sunday in 2023 and is a Wednesday in 2025.
    assert year_for(DAY, 6, 18, None, weekday=6) == 2023
    assert year_for(DAY, 6, 18, None, weekday=2) == 2025


def test_february_29_only_in_a_leap_year() -> None:
    assert year_for(Period(date(2025, 3, 10), "day"), 2, 29, None) == 2024
    assert year_for(Period(date(2026, 3, 10), "day"), 2, 29, None) is None


def test_a_reference_known_to_the_year_gives_its_year() -> None:
    assert year_for(Period(date(2024, 1, 1), "year"), 11, 3, "past") == 2024


@pytest.mark.parametrize(
    ("month", "direction", "year"), [(11, -1, 2023), (6, -1, 2023), (3, 1, 2025), (9, 1, 2024), (3, 0, 2024)]
)
def test_last_this_and_next_month(month: int, direction: int, year: int) -> None:
    assert year_for_month_relative(DAY, month, direction) == year
