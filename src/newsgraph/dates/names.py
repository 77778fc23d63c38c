"""The English names of months and weekdays, and the regular expressions that match them.

Names match capitalised ("June", "Sept.") or in capitals ("JUNE", "FEB"), never in lower case:
lower-case "may", "march" and "sat" are words, not dates. Some month names are English words even
when capitalised at the start of a sentence ("May", "March", "August") or are abbreviations that
read as words ("Jan", "Mar"); :data:`AMBIGUOUS_MONTHS` lists them, and the date grammar only
takes them as months beside a day or a year.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "AMBIGUOUS_MONTHS",
    "MONTH_PATTERN",
    "WEEKDAY_PATTERN",
    "month_number",
    "weekday_number",
]

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)

MONTHS = MappingProxyType(
    {name.lower(): number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
)
"""Month number by lower-case full name or abbreviation."""

WEEKDAYS = MappingProxyType(
    {
        name.lower(): number
        for number, name in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
    }
)
"""Weekday number (Monday 0, as :meth:`datetime.date.weekday`) by lower-case name."""

AMBIGUOUS_MONTHS = frozenset({"may", "march", "august"} | {n.lower() for names in _MONTH_NAMES for n in names[1:]})
"""Month names that are also words or bare abbreviations: a month only beside a day or a year."""


def _alternatives(names: list[str]) -> str:
    # Longest first, so "Sept" wins over "Sep" and "June" over "Jun".
    forms = sorted({form for name in names for form in (name, name.upper())}, key=len, reverse=True)
    return "|".join(forms)


# Only an abbreviation takes a period: in "visited in September." the period ends the sentence.
MONTH_PATTERN = (
    r"(?:(?:" + _alternatives([names[0] for names in _MONTH_NAMES]) + r")(?![A-Za-z])"
    r"|(?:" + _alternatives([name for names in _MONTH_NAMES for name in names[1:]]) + r")(?![A-Za-z])\.?)"
)
"""A month name, or an abbreviation with an optional period (capitalised or in capitals)."""

WEEKDAY_PATTERN = r"(?:" + _alternatives([name.capitalize() for name in WEEKDAYS]) + r")(?![A-Za-z])"
"""A full weekday name, capitalised or in capitals ("Wednesday's" matches "Wednesday")."""


def month_number(name: str) -> int | None:
    """The month number of ``name`` ("Sept." is 9), or ``None``."""
    return MONTHS.get(name.rstrip(".").lower())


def weekday_number(name: str) -> int | None:
    """The weekday number of ``name`` (Monday is 0), or ``None``."""
    return WEEKDAYS.get(name.lower())
