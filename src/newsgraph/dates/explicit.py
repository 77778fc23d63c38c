"""Explicit dates in running text: a small regular grammar, not a general date parser.

General parsers read dates into ordinary words ("we", "may"); this grammar only accepts forms
that newswire text uses for dates, and takes a month name that is also a word ("May", "March")
as a month only beside a day or a year. Recognised, each as a :class:`DateMention`:

- month-day with optional year: "June 18, 2024", "Sept. 20", "Sep 20", "May 30";
- day-month with optional year: "18 June 2024", "18th of June";
- month-year: "February 2022";
- ranges of days: "June 19-20", "19-20 June", "June 30-July 2" (``date`` is the first day,
  ``end_date`` the last);
- ISO dates with an optional time: "2024-06-18", "2024-06-18T09:30:00Z";
- the Reuters-21578 stamp: "26-FEB-1987 15:01:01.79";
- a month alone after a cue ("in September", "since November"), not for ambiguous names;
- a year alone after a cue ("in 2000", "since 2006", "by 2030", "of 2024"), 1800 to 2199, unless
  a counted noun follows ("by 2000 votes");
- weekdays ("Tuesday", "on Wednesday", "early hours of Wednesday") with ``weekday`` set and no
  date; a weekday right before a date ("Tuesday, June 18, 2024") joins that date's mention.

Relative expressions ("last Tuesday", "two years ago") are not explicit: a weekday after "last",
"next", "this", "every" and the like is left out, for the relative grammar to read. Numeric
day/month forms ("6/18/2024") are ambiguous between conventions and not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.dates.names import AMBIGUOUS_MONTHS, MONTH_PATTERN, WEEKDAY_PATTERN, month_number, weekday_number
from newsgraph.dates.partial import PartialDate

__all__ = ["DateMention", "find_explicit_dates"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date (or weekday) written in a text, at ``text[start:end]``.

    ``date`` is ``None`` for a bare weekday. ``weekday`` (Monday 0) is set when a weekday name
    is part of the mention. ``end_date`` is the last day of a range ("June 19-20").
    """

    start: int
    end: int
    text: str
    date: PartialDate | None
    weekday: int | None = None
    end_date: PartialDate | None = None


_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"[12]\d{3}"
_CUE = r"(?i:in|since|by|of|until|till|from|through|before|after|during|between|early|late|mid|around|circa)"
_RELATIVE_BEFORE = re.compile(r"(?i:\b(?:last|next|this|every|coming|previous|past|following|that)\s+)$")

_ISO = re.compile(
    r"(?<![\w-])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
)
_REUTERS = re.compile(
    r"(?<![\w-])(?P<d>\d{1,2})-(?P<mon>[A-Za-z]{3})-(?P<y>\d{4})(?:\s+\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?![\w-])"
)
_MONTH_DAY = re.compile(
    rf"(?<![A-Za-z])(?P<mon>{MONTH_PATTERN})\s+(?P<d>{_DAY})(?![\d:%]|\.\d)"
    rf"(?:\s*[-–]\s*(?:(?P<mon2>{MONTH_PATTERN})\s+)?(?P<d2>{_DAY})(?![\d:%]|\.\d))?"
    rf"(?:,?\s+(?P<y>{_YEAR})(?![\d:%]|\.\d))?"
)
_DAY_MONTH = re.compile(
    rf"(?<![\w.,])(?P<d>{_DAY})(?:\s*[-–]\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{MONTH_PATTERN})"
    rf"(?:,?\s+(?P<y>{_YEAR})(?![\d:%]|\.\d))?"
)
_MONTH_YEAR = re.compile(rf"(?<![A-Za-z])(?P<mon>{MONTH_PATTERN}),?\s+(?P<y>{_YEAR})(?![\d:%]|\.\d)")
_CUED_MONTH = re.compile(rf"\b{_CUE}[ -]+(?:(?i:early|late|mid)[ -]+)?(?P<mon>{MONTH_PATTERN})")
# "by 2000 votes", "of 1800 troops": a number before a counted noun is a count, not a year.
_COUNTED = (
    r"(?:hours?|minutes|people|troops|soldiers|votes?|cases|tonnes|tons|barrels|jobs|units|workers|"
    r"residents|miles|km|metres|meters|feet|dollars|dlrs|shares|points|pct|percent|times|members|"
    r"civilians|families|homes|students|employees|men|women|children|refugees|deaths|rounds)\b"
)
_CUED_YEAR = re.compile(rf"\b{_CUE}[ -]+(?P<y>1[89]\d{{2}}|2[01]\d{{2}})(?![\w%]|[-/.,]\d)(?!\s+{_COUNTED})")
_WEEKDAY = re.compile(rf"(?<![A-Za-z])(?P<wd>{WEEKDAY_PATTERN})")
_WEEKDAY_TO_DATE = re.compile(r"[\s,(]{0,3}")


def find_explicit_dates(text: str) -> list[DateMention]:
    """Every explicit date and weekday mention in ``text``, in order, never overlapping.

    Where two readings overlap, the one starting first wins, then the longer one ("June 18,
    2024" over "June 18").
    """
    return list(_explicit_dates(text))


@lru_cache(maxsize=512)
def _explicit_dates(text: str) -> tuple[DateMention, ...]:
    # Kept for the last few hundred texts: the time and amount stages both read the dates of each
    # article, one stage over a whole batch of articles after the other.
    candidates: list[DateMention] = []
    for pattern, reader in _READERS:
        for match in pattern.finditer(text):
            mention = reader(match)
            if mention is not None:
                candidates.append(mention)
    chosen: list[DateMention] = []
    cursor = 0
    for mention in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if mention.start >= cursor:
            chosen.append(mention)
            cursor = mention.end
    return tuple(_join_weekdays(chosen, text))


def _mention(
    match: re.Match[str], group: str | int, date: PartialDate, end_date: PartialDate | None = None
) -> DateMention:
    start, end = match.span(group)
    return DateMention(start, end, match.string[start:end], date, None, end_date)


def _partial(year: str | None, month: int | None, day: str | None) -> PartialDate | None:
    if month is None:
        return None
    try:
        return PartialDate(
            int(year) if year else None,
            month,
            int(day.rstrip("stndrh")) if day else None,
        )
    except ValueError:
        return None


def _read_iso(match: re.Match[str]) -> DateMention | None:
    date = _partial(match["y"], int(match["m"]), match["d"])
    return None if date is None else _mention(match, 0, date)


def _read_reuters(match: re.Match[str]) -> DateMention | None:
    date = _partial(match["y"], month_number(match["mon"]), match["d"])
    return None if date is None else _mention(match, 0, date)


def _read_day_range(match: re.Match[str]) -> DateMention | None:
    month = month_number(match["mon"])
    date = _partial(match["y"], month, match["d"])
    if date is None:
        return None
    end_date = None
    if match["d2"]:
        last_month = month_number(match["mon2"]) if "mon2" in match.re.groupindex and match["mon2"] else month
        end_date = _partial(match["y"], last_month, match["d2"])
        # An end before the start is a mistake, except a year-less range into the next year
        # ("December 30-January 2"), whose year the reader infers.
        crosses_year = match["y"] is None and last_month is not None and month is not None and last_month < month
        if end_date is not None and (end_date.month, end_date.day) <= (date.month, date.day) and not crosses_year:
            end_date = None
    return _mention(match, 0, date, end_date)


def _read_month_year(match: re.Match[str]) -> DateMention | None:
    date = _partial(match["y"], month_number(match["mon"]), None)
    return None if date is None else _mention(match, 0, date)


def _read_cued_month(match: re.Match[str]) -> DateMention | None:
    name = match["mon"].rstrip(".").lower()
    if name in AMBIGUOUS_MONTHS:
        return None
    date = _partial(None, month_number(name), None)
    return None if date is None else _mention(match, "mon", date)


def _read_cued_year(match: re.Match[str]) -> DateMention | None:
    return _mention(match, "y", PartialDate(int(match["y"])))


def _read_weekday(match: re.Match[str]) -> DateMention | None:
    if _RELATIVE_BEFORE.search(match.string, max(0, match.start() - 20), match.start()):
        return None
    start, end = match.span("wd")
    return DateMention(start, end, match["wd"], None, weekday_number(match["wd"]))


_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], DateMention | None]], ...] = (
    (_ISO, _read_iso),
    (_REUTERS, _read_reuters),
    (_MONTH_DAY, _read_day_range),
    (_DAY_MONTH, _read_day_range),
    (_MONTH_YEAR, _read_month_year),
    (_CUED_MONTH, _read_cued_month),
    (_CUED_YEAR, _read_cued_year),
    (_WEEKDAY, _read_weekday),
)


def _join_weekdays(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Fold a bare weekday into a day-precise date that follows it ("Tuesday, June 18")."""
    joined: list[DateMention] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            mention.date is None
            and following is not None
            and following.date is not None
            and following.date.day is not None
            and _WEEKDAY_TO_DATE.fullmatch(text, mention.end, following.start)
        ):
            joined.append(
                DateMention(
                    mention.start,
                    following.end,
                    text[mention.start : following.end],
                    following.date,
                    mention.weekday,
                    following.end_date,
                )
            )
            index += 2
            continue
        joined.append(mention)
        index += 1
    return joined
