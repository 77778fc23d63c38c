"""Dates at their precision ("2024-06-18", "2024-06", "2024", "2024-W25") as day intervals, so the
linker can ask whether two reports can be about the same time."""

from __future__ import annotations

from datetime import date, timedelta

from newsgraph.dates.partial import PartialDate

__all__ = ["interval", "overlaps", "within", "LINK_WINDOW_DAYS", "still_running"]


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a date string covers, or None when unknown or unreadable."""
    if not value:
        return None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week[:2]), 1)
            return start, start + timedelta(days=6)
        found = PartialDate.from_iso(value[:10])
        return found.first_day(), found.last_day()
    except ValueError:
        return None


def overlaps(a: tuple[date, date], b: tuple[date, date], slack_days: int) -> bool:
    """Whether the intervals overlap once each is widened by ``slack_days``."""
    slack = timedelta(days=slack_days)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def within(day: date, start: date, end: date, before_days: int, after_days: int) -> bool:
    return start - timedelta(days=before_days) <= day <= end + timedelta(days=after_days)


# How long after its latest report a story, event or quotation can still take a new report. The
# linker keeps in memory only what was reported within this window, so the same rule must hold
# whether documents are linked all at once or one run at a time.
LINK_WINDOW_DAYS = 14


def still_running(last_reported: str | None, published: str | None) -> bool:
    """Whether something last reported then can take a report published then."""
    last, new = interval(last_reported), interval(published)
    if last is None or new is None:
        return True
    return new[0] - last[1] <= timedelta(days=LINK_WINDOW_DAYS)
