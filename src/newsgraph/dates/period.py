"""A stretch of calendar time at one precision: a day, an ISO week, a month or a year.

Resolving "last week" or "two years ago" is arithmetic on the publication date at the precision
the words state. A :class:`Period` holds the first day of the stretch and its precision, writes
itself as ISO 8601 ("2024-06-18", "2024-W25", "2024-06", "2024") and moves by whole units. A
period can only move by a unit at least as coarse as itself minus what it knows: a month cannot
be moved by days ("the day after" June 2024 is no day), so such moves give ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsgraph.dates.partial import PartialDate

__all__ = ["PRECISIONS", "Period", "Precision"]

Precision = Literal["day", "week", "month", "year"]
"""How much of a date a time expression states."""

PRECISIONS: tuple[Precision, ...] = ("day", "week", "month", "year")
"""The precisions from finest to coarsest."""

# Which precisions a period must have to be moved by a unit: a week needs its days, a month can
# be taken from a day or from a week's Monday, a year from anything.
_MOVABLE_BY: dict[Precision, frozenset[Precision]] = {
    "day": frozenset({"day"}),
    "week": frozenset({"day", "week"}),
    "month": frozenset({"day", "week", "month"}),
    "year": frozenset({"day", "week", "month", "year"}),
}


@dataclass(frozen=True, slots=True)
class Period:
    """The day, ISO week, month or year that starts on ``first``.

    ``first`` is the day itself, the Monday of the week, the 1st of the month or January 1st.
    """

    first: date
    precision: Precision

    def __post_init__(self) -> None:
        if self.first != _start(self.first, self.precision):
            raise ValueError(f"{self.first} does not start a {self.precision}")

    @classmethod
    def of(cls, day: date, precision: Precision) -> Period:
        """The period of ``precision`` that contains ``day``."""
        return cls(_start(day, precision), precision)

    @classmethod
    def from_partial(cls, value: PartialDate) -> Period | None:
        """The day, month or year ``value`` states, or ``None`` when it lacks the year."""
        if value.year is None:
            return None
        if value.month is None:
            return cls(date(value.year, 1, 1), "year")
        if value.day is None:
            return cls(date(value.year, value.month, 1), "month")
        return cls(date(value.year, value.month, value.day), "day")

    @property
    def last(self) -> date:
        """The last day of the period."""
        if self.precision == "day":
            return self.first
        if self.precision == "week":
            return self.first + timedelta(days=6)
        if self.precision == "month":
            return _add_months(self.first, 1) - timedelta(days=1)
        return date(self.first.year, 12, 31)

    def iso(self) -> str:
        """ISO 8601 at the period's precision: ``2024-06-18``, ``2024-W25``, ``2024-06``, ``2024``."""
        if self.precision == "day":
            return self.first.isoformat()
        if self.precision == "week":
            year, week, _ = self.first.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.year:04d}"

    def at(self, precision: Precision) -> Period | None:
        """The coarser period that holds this one ("2024-06-18" at "month" is "2024-06").

        ``None`` when ``precision`` is finer than the period: a month holds many days. A week
        becomes the month or year of its Monday.
        """
        if PRECISIONS.index(precision) < PRECISIONS.index(self.precision):
            return None
        return Period.of(self.first, precision)

    def can_move_by(self, unit: Precision) -> bool:
        """Whether the period knows enough to be moved by ``unit``."""
        return self.precision in _MOVABLE_BY[unit]

    def shifted(self, unit: Precision, count: int) -> Period | None:
        """The period ``count`` units of ``unit`` away, at the precision of ``unit``.

        The day before 2024-06-18 is 2024-06-17; two years before it is 2022; the week before is
        2024-W24. ``None`` when the period is too coarse for ``unit``, or the move leaves the years
        1 to 9999.
        """
        if not self.can_move_by(unit):
            return None
        try:
            if unit == "day":
                return Period(self.first + timedelta(days=count), "day")
            if unit == "week":
                return Period.of(self.first + timedelta(weeks=count), "week")
            if unit == "month":
                return Period(_add_months(date(self.first.year, self.first.month, 1), count), "month")
            return Period(date(self.first.year + count, 1, 1), "year")
        except (OverflowError, ValueError):
            # "10,000 years ago" is outside the calendar datetime can write.
            return None


def _start(day: date, precision: Precision) -> date:
    if precision == "day":
        return day
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return date(day.year, day.month, 1)
    return date(day.year, 1, 1)


def _add_months(first: date, count: int) -> date:
    index = first.year * 12 + first.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
