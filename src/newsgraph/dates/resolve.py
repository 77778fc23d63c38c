"""Which calendar day, month or year a weekday or a year-less date means, given when it was written.

News names days by weekday and dates without the year, trusting the reader to know the
publication date. The rules, for a reference (publication) date R:

- **A weekday alone** ("on Tuesday", "said Wednesday") is the nearest such day to R: in a past-tense
  sentence the latest one on or before R, in a future one the first one on or after R, and when the
  tense is unknown the one within three days either side of R. "On or" matters: wire style names the
  day of publication by its weekday, never as "today", so "said Tuesday" in a Tuesday story is R.
- **A weekday with a direction** ("last Tuesday", "next Friday") is strictly before or after R;
  "this Tuesday" is the Tuesday of R's week (Monday to Sunday).
- **A month-day or a month without a year** ("May 30", "in March") is in the year that puts it on the
  right side of R: past tense the latest on or before R, future the first on or after R, unknown the
  one nearest R (so R's own year unless that is more than half a year away). A weekday given with the
  date ("Tuesday, June 18") picks, among the nearby years, one where the date falls on that weekday.
- **A month with a direction** ("last November", "next March") is the latest one strictly before R's
  month or the first strictly after; "this March" is in R's year.

R may itself be partial: a weekday needs R's day, a month-day needs at least R's year.
"""

from __future__ import annotations

from datetime import date, timedelta

from newsgraph.dates.period import Period
from newsgraph.dates.tense import Tense

__all__ = ["weekday_near", "weekday_relative", "year_for", "year_for_month_relative"]

_HALF_WEEK = 3


def weekday_near(reference: date, weekday: int, tense: Tense | None) -> date:
    """The day with ``weekday`` (Monday 0) nearest ``reference`` on the side ``tense`` says."""
    ahead = (weekday - reference.weekday()) % 7
    if tense == "past":
        return reference - timedelta(days=(7 - ahead) % 7)
    if tense == "future":
        return reference + timedelta(days=ahead)
    return reference + timedelta(days=ahead if ahead <= _HALF_WEEK else ahead - 7)


def weekday_relative(reference: date, weekday: int, direction: int) -> date:
    """The ``weekday`` strictly before ``reference`` (-1), strictly after (1), or in its week (0)."""
    if direction < 0:
        return reference - timedelta(days=(reference.weekday() - weekday) % 7 or 7)
    if direction > 0:
        return reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    return reference + timedelta(days=weekday - reference.weekday())


def year_for(
    reference: Period, month: int, day: int | None, tense: Tense | None, weekday: int | None = None
) -> int | None:
    """The year of a date stated as ``month`` (and ``day``) without one, or ``None`` if none fits.

    Only the reference's year and the years either side are considered; a February 29 only
    where it exists.
    """
    year = reference.first.year
    if reference.precision == "year":
        return year if _exists(year, month, day) else None
    candidates = [y for y in (year - 1, year, year + 1) if _exists(y, month, day)]
    if weekday is not None and day is not None:
        matching = [y for y in candidates if date(y, month, day).weekday() == weekday]
        candidates = matching or candidates
    if not candidates:
        return None
    # Compare by days when both sides have one, else by months (the reference's month counts as "on").
    by_day = reference.precision in ("day", "week") and day is not None
    first = reference.first
    target = _position(first.year, first.month, first.day, by_day)
    positions = {y: _position(y, month, day or 1, by_day) for y in candidates}
    if tense == "past":
        before = [y for y in candidates if positions[y] <= target]
        return max(before) if before else None
    if tense == "future":
        after = [y for y in candidates if positions[y] >= target]
        return min(after) if after else None
    # Nearest; on a tie the earlier year, as news reports more than it announces.
    return min(candidates, key=lambda y: (abs(positions[y] - target), y))


def year_for_month_relative(reference: Period, month: int, direction: int) -> int | None:
    """The year of "last November" (-1), "this November" (0) or "next November" (1)."""
    year = reference.first.year
    if direction == 0:
        return year
    if reference.precision == "year":
        return None
    current = reference.first.month
    if direction < 0:
        return year if month < current else year - 1
    return year if month > current else year + 1


def _exists(year: int, month: int, day: int | None) -> bool:
    if day is None:
        return True
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _position(year: int, month: int, day: int, by_day: bool) -> int:
    return date(year, month, day).toordinal() if by_day else year * 12 + month - 1
