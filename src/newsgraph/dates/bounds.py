"""One date vocabulary for every reader: the bounds ``date_from``/``date_to`` (CLI, API and pages
alike) and the precision of a stored date.

A bound is a calendar date, month or year: ``2024-06-19``, ``2024-06`` or ``2024``; anything else,
``2024-13-45`` included, is refused with a message saying what would do. A stored date
(:attr:`newsgraph.records.Event.date`) is an ISO value whose shape is its precision: ``2024-06-19``
a day, ``2024-W25`` a week, ``2024-06`` a month, ``2024`` a year, two values joined by ``/`` a
range. :func:`date_precision` and :func:`date_precision_sql` read it from that shape, for
databases whose events carry no ``date_precision`` column of their own.
"""

from __future__ import annotations

import calendar
import re

from newsgraph.errors import NewsgraphError

__all__ = [
    "DATE_PRECISIONS",
    "DateBoundError",
    "check_date_bound",
    "check_date_range",
    "date_precision",
    "date_precision_sql",
]

DATE_PRECISIONS = ("day", "week", "month", "year", "range")

_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateBoundError(NewsgraphError):
    """A ``date_from``/``date_to`` value that is not a date, month or year."""


def check_date_bound(value: str, name: str = "date_from") -> str:
    """``value`` stripped, if it is a real date, month or year; else :class:`DateBoundError`."""
    text = value.strip()
    found = _BOUND.match(text)
    problem = None
    if found is None:
        problem = "write it as YYYY-MM-DD, YYYY-MM or YYYY"
    else:
        year = int(found[1])
        month = int(found[2]) if found[2] else None
        day = int(found[3]) if found[3] else None
        if month is not None and not 1 <= month <= 12:
            problem = f"there is no month {month}"
        elif day is not None and month and not 1 <= day <= calendar.monthrange(year, month)[1]:
            problem = f"{calendar.month_name[month]} {year} has no day {day}"
    if problem:
        raise DateBoundError(f"{name} must be a date like 2024-06-19, 2024-06 or 2024; {value!r} is not one ({problem})")
    return text


def check_date_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """Both bounds checked (None or blank for an open end), and the first not after the second."""
    start = check_date_bound(date_from, "date_from") if date_from and date_from.strip() else None
    end = check_date_bound(date_to, "date_to") if date_to and date_to.strip() else None
    if start and end and start[: len(end)] > end[: len(start)]:
        raise DateBoundError(f"date_from {start} is after date_to {end}; swap them")
    return start, end


def date_precision(value: str | None) -> str | None:
    """``day``, ``week``, ``month``, ``year`` or ``range`` from the shape of an ISO value; None for
    None or a shape none of these has."""
    if not value:
        return None
    if "/" in value or ".." in value:
        return "range"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None


def date_precision_sql(column: str) -> str:
    """A SQL expression giving :func:`date_precision` of ``column``."""
    return (
        f"CASE WHEN {column} IS NULL THEN NULL "
        f"WHEN contains({column}, '/') OR contains({column}, '..') THEN 'range' "
        f"WHEN regexp_full_match({column}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN 'day' "
        f"WHEN regexp_full_match({column}, '\\d{{4}}-W\\d{{2}}') THEN 'week' "
        f"WHEN regexp_full_match({column}, '\\d{{4}}-\\d{{2}}') THEN 'month' "
        f"WHEN regexp_full_match({column}, '\\d{{4}}') THEN 'year' END"
    )
