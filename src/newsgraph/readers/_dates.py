"""A publication date as an input format states it, read by :func:`newsgraph.dates.parse_date`."""

from __future__ import annotations

from newsgraph.dates import parse_date

__all__ = ["published_date", "DATE_FORMS"]

DATE_FORMS = '2024-06-18, 2024-06-18T09:30:00Z, "June 18, 2024", "18 June 2024" or RFC 2822'
"""Forms a stated date may take, for the hint of an error message."""


def published_date(value: str) -> str | None:
    """``value`` as an ISO date at its precision (``2024-06-18``, ``2024-06``, ``2024``), or
    ``None`` when it is not a date or has no year (a month and day alone cannot date an article)."""
    found = parse_date(value)
    if found is None or found.year is None:
        return None
    return found.iso()
