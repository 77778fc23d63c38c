"""Periods: a day, ISO week, month or year, written as ISO 8601 and moved by whole units."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.dates.partial import PartialDate
from newsgraph.dates.period import Period, Precision

TUESDAY = Period(date(2024, 6, 18), "day")


@pytest.mark.parametrize(
    ("precision", "iso", "last"),
    [
        ("day", "2024-06-18", date(2024, 6, 18)),
        ("week", "2024-W25", date(2024, 6, 23)),
        ("month", "2024-06", date(2024, 6, 30)),
        ("year", "2024", date(2024, 12, 31)),
    ],
)
def test_the_period_holding_a_day_writes_its_precision(precision: Precision, iso: str, last: date) -> None:
    period = Period.of(date(2024, 6, 18), precision)
    assert (period.iso(), period.last) == (iso, last)


@pytest.mark.parametrize(
    ("unit", "count", "iso"),
    [
        ("day", -1, "2024-06-17"),
        ("day", 14, "2024-07-02"),
        ("week", -1, "2024-W24"),
        ("week", 1, "2024-W26"),
        ("month", -6, "2023-12"),
        ("month", 7, "2025-01"),
        ("year", -24, "2000"),
    ],
)
def test_moving_a_day_by_units(unit: Precision, count: int, iso: str) -> None:
    moved = TUESDAY.shifted(unit, count)
    assert moved is not None and moved.iso() == iso


def test_the_iso_week_of_a_day_near_new_year_belongs_to_the_iso_year() -> None:
    assert Period.of(date(2024, 12, 30), "week").iso() == "2025-W01"


@pytest.mark.parametrize(
    ("start", "unit"), [(Period(date(2024, 6, 1), "month"), "day"), (Period(date(2024, 1, 1), "year"), "week")]
)
def test_a_coarse_period_cannot_move_by_a_finer_unit(start: Period, unit: Precision) -> None:
    assert start.shifted(unit, 1) is None


@pytest.mark.parametrize(
    ("partial", "iso"),
    [
        (PartialDate(2024, 6, 18), "2024-06-18"),
        (PartialDate(2024, 6), "2024-06"),
        (PartialDate(2024), "2024"),
        (PartialDate(None, 6, 18), None),
    ],
)
def test_from_a_partial_date_needs_its_year(partial: PartialDate, iso: str | None) -> None:
    period = Period.from_partial(partial)
    assert (period.iso() if period else None) == iso


def test_a_period_must_start_where_its_precision_starts() -> None:
    with pytest.raises(ValueError):
        Period(date(2024, 6, 18), "month")


@pytest.mark.parametrize(
    ("period", "precision", "iso"),
    [(TUESDAY, "week", "2024-W25"), (TUESDAY, "year", "2024"), (Period(date(2024, 6, 1), "month"), "day", None)],
)
def test_a_period_seen_at_another_precision(period: Period, precision: Precision, iso: str | None) -> None:
    coarser = period.at(precision)
    assert (coarser.iso() if coarser else None) == iso


@pytest.mark.parametrize(("unit", "count"), [("week", 600_000), ("year", -3000), ("day", 10**7)])
def test_a_move_off_the_calendar_gives_nothing(unit: Precision, count: int) -> None:
    assert TUESDAY.shifted(unit, count) is None
