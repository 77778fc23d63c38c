"""A calendar date known only in part: a year, a month, a day, or some of them.

News text states dates at every precision: "June 18, 2024" (a day), "February 2022" (a month),
"in 2000" (a year), "Sept. 20" (a month-day whose year the reader must infer). A
:class:`PartialDate` holds whichever parts were stated and writes them as ISO 8601, using the
``--MM-DD`` form for a month-day without a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

__all__ = ["PartialDate", "Precision"]

Precision = Literal["day", "month", "year"]

_ISO = re.compile(
    r"(?:(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?|--(?P<bare_month>\d{2})(?:-(?P<bare_day>\d{2}))?)"
)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date with any of year, month and day unknown (``None``).

    A day needs a month, and a year with a day needs the month too: "2024, the 18th" is not a
    date. The parts must name a real calendar day (February 29 only in a leap year, or with the
    year unknown).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.year is None and self.month is None:
            raise ValueError("a partial date needs at least a year or a month")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None and self.month is not None:
            # With the year unknown, February 29 may still exist.
            year = self.year if self.year is not None else 2000
            if not 1 <= self.day <= calendar.monthrange(year, self.month)[1]:
                raise ValueError(f"day {self.day} does not exist in month {self.month}")

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """The full date ``value``."""
        return cls(value.year, value.month, value.day)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read what :meth:`iso` writes; raises ValueError for anything else."""
        match = _ISO.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"not an ISO partial date: {text!r}")
        parts = match.groupdict()
        if parts["year"] is not None:
            return cls(int(parts["year"]), _int(parts["month"]), _int(parts["day"]))
        return cls(None, _int(parts["bare_month"]), _int(parts["bare_day"]))

    @property
    def is_full(self) -> bool:
        """True when year, month and day are all known."""
        return self.year is not None and self.month is not None and self.day is not None

    @property
    def precision(self) -> Precision:
        """The finest part known: ``day``, ``month`` or ``year``."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def first_day(self) -> date:
        """The first day the date can mean: ``2024-06`` is 2024-06-01, ``2024`` is 2024-01-01.
        Raises ValueError when the year is unknown."""
        if self.year is None:
            raise ValueError(f"{self.iso()} has no year")
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The last day the date can mean: ``2024-06`` is 2024-06-30, ``2024`` is 2024-12-31.
        Raises ValueError when the year is unknown."""
        if self.year is None:
            raise ValueError(f"{self.iso()} has no year")
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    def day_after(self) -> date:
        """The day after the last day the date can mean: ``2024-06`` gives 2024-07-01."""
        return self.last_day() + timedelta(days=1)

    def to_date(self) -> date | None:
        """The :class:`datetime.date`, when the date is full."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    def with_year(self, year: int) -> PartialDate:
        """The same month and day in ``year``; raises ValueError if that day does not exist."""
        return PartialDate(year, self.month, self.day)

    def iso(self) -> str:
        """ISO 8601 at the known precision: ``2024-06-18``, ``2024-06``, ``2024``, ``--06-18``, ``--06``."""
        if self.year is None:
            head = f"--{self.month:02d}"
            return head if self.day is None else f"{head}-{self.day:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)
