"""Relative time expressions: the grammar of words that place a time against another time.

"Last week", "two years ago", "yesterday", "earlier this year", "next Tuesday", "last November"
and "over the weekend" count from the publication date; "the same day", "a week later" and "that
year" count from the time the text named before; "in recent years" and "the 1990s" are times with
no single value. :func:`find_relative_mentions` finds them and says how to count each one, as a
:class:`RelativeMention`; :mod:`newsgraph.dates.expressions` does the counting.

Two readings are left out on purpose: "the last week" and "the past year" mean the seven days or
twelve months up to now, not the calendar week before, so they are vague; and "the day before"
or "two days after" followed by an event ("the day before the vote") count from that event, so
they are read as anchored only at the end of a clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newsgraph.numerals import NUMBER_WORD_PATTERN, parse_number
from newsgraph.dates.names import WEEKDAY_PATTERN, month_number, weekday_number
from newsgraph.dates.period import Precision

__all__ = ["RelativeMention", "find_relative_mentions"]


@dataclass(frozen=True, slots=True)
class RelativeMention:
    """A relative time expression at ``text[start:end]`` and how to count it.

    The value is ``shift`` units of ``unit`` from the publication date, or from the previous
    expression when ``anchored``. A named weekday (``weekday``, Monday 0) or month (``month``) is
    the last one before (``shift`` -1), the one in the current week or year (0) or the next one
    after (+1); with ``by_tense`` the tense of the sentence chooses. ``days`` is how many days a
    named day covers (2 for a weekend). ``unit`` is ``None`` for a vague expression.
    """

    start: int
    end: int
    text: str
    unit: Precision | None
    shift: int = 0
    anchored: bool = False
    weekday: int | None = None
    month: int | None = None
    days: int = 1
    by_tense: bool = False


_COUNT = rf"(?P<n>a\s+few|a\s+couple\s+of|several|an?|{NUMBER_WORD_PATTERN})"
_UNIT_WORDS = r"(?P<unit>day|week|month|year|decade|centur(?:y|ie))s?"
_DIRECTIONS = {"last": -1, "this past": -1, "this": 0, "next": 1, "coming": 1, "this coming": 1}
_DIRECTION = r"(?P<dir>this\s+past|this\s+coming|last|this|next|coming)"
_UNIT_SCALE: dict[str, tuple[Precision, int]] = {
    "day": ("day", 1),
    "week": ("week", 1),
    "month": ("month", 1),
    "year": ("year", 1),
    "decade": ("year", 10),
    "century": ("year", 100),
    "centurie": ("year", 100),
}
_PART_OF_DAY = {"morning", "afternoon", "evening", "night"}
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)]|$))"
_FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_SATURDAY = 5


def find_relative_mentions(text: str) -> list[RelativeMention]:
    """Every relative or vague time expression in ``text``, in order, never overlapping.

    Where two readings overlap, the one starting first wins, then the longer one.
    """
    candidates: list[RelativeMention] = []
    lowered = text.lower()
    for pattern, reader, cues in _READERS:
        if not any(cue in lowered for cue in cues):
            continue  # the text lacks every word the pattern needs: no need to scan it
        for match in pattern.finditer(text):
            mention = reader(match)
            if mention is not None:
                candidates.append(mention)
    chosen: list[RelativeMention] = []
    cursor = 0
    for mention in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if mention.start >= cursor:
            chosen.append(mention)
            cursor = mention.end
    return chosen


def _make(
    match: re.Match[str],
    unit: Precision | None,
    shift: int = 0,
    *,
    anchored: bool = False,
    weekday: int | None = None,
    month: int | None = None,
    days: int = 1,
    by_tense: bool = False,
) -> RelativeMention:
    start, end = match.span()
    return RelativeMention(start, end, match.group(), unit, shift, anchored, weekday, month, days, by_tense)


def _direction(match: re.Match[str]) -> int:
    return _DIRECTIONS[" ".join(match["dir"].lower().split())]


def _count(words: str) -> int | None:
    lowered = " ".join(words.lower().split())
    if lowered in ("a", "an"):
        return 1
    value = parse_number(lowered.split())
    return int(value) if value is not None and value == int(value) else None


def _scaled(match: re.Match[str], sign: int, anchored: bool) -> RelativeMention | None:
    count = _count(match["n"])
    if count is None:
        return _make(match, None)
    unit, factor = _UNIT_SCALE[match["unit"].lower()]
    return _make(match, unit, sign * count * factor, anchored=anchored)


def _read_ago(match: re.Match[str]) -> RelativeMention | None:
    return _scaled(match, -1, anchored=False)


def _read_later(match: re.Match[str]) -> RelativeMention | None:
    return _scaled(match, 1 if match["dir"].lower() in ("later", "after") else -1, anchored=True)


def _read_day_word(match: re.Match[str]) -> RelativeMention | None:
    words = match.group().lower().split()
    if words[0] == "the":
        words = words[1:]
    shift = 0 if words[0] == "this" else _DAY_WORDS[" ".join(words)]
    return _make(match, "day", shift)


_DAY_WORDS = {
    "day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "day after tomorrow": 2,
}


def _read_calendar(match: re.Match[str]) -> RelativeMention | None:
    before = match.string[max(0, match.start() - 8) : match.start()]
    if match["dir"].lower() == "last" and re.search(r"(?i)\bthe\s+$", before):
        return _make(match, None)
    return _make(match, _UNIT_SCALE[match["unit"].lower()][0], _direction(match))


def _read_in_the(match: re.Match[str]) -> RelativeMention | None:
    return _make(match, _UNIT_SCALE[match["unit"].lower()][0], 0)


def _read_weekend(match: re.Match[str]) -> RelativeMention | None:
    if match["dir"] is None:
        return _make(match, "day", 0, weekday=_SATURDAY, days=2, by_tense=True)
    return _make(match, "day", _direction(match), weekday=_SATURDAY, days=2)


def _read_named_weekday(match: re.Match[str]) -> RelativeMention | None:
    return _make(match, "day", _direction(match), weekday=weekday_number(match["wd"]))


def _read_named_month(match: re.Match[str]) -> RelativeMention | None:
    return _make(match, "month", _direction(match), month=month_number(match["mon"]))


def _read_anchored(match: re.Match[str]) -> RelativeMention | None:
    word = match["unit"].lower()
    unit = "day" if word in _PART_OF_DAY else _UNIT_SCALE[word][0]
    direction = (match.groupdict().get("dir") or "same").lower()
    return _make(match, unit, _ANCHORED_SHIFTS.get(direction, 0), anchored=True)


_ANCHORED_SHIFTS = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}


def _read_vague(match: re.Match[str]) -> RelativeMention | None:
    return _make(match, None)


_I = re.IGNORECASE
_UNIT_CUES = ("day", "week", "month", "year", "decade", "centur")
_PART_OF_DAY_CUES = tuple(sorted(_PART_OF_DAY))
_MONTH_CUES = tuple(_FULL_MONTHS.lower().split("|"))
# Each pattern, how to read its matches, and the words (in lower case) it cannot match without
# one of: a text holding none of them is not scanned with that pattern.
_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], RelativeMention | None], tuple[str, ...]], ...] = (
    (re.compile(rf"\b{_COUNT}\s+{_UNIT_WORDS}\s+ago\b", _I), _read_ago, ("ago",)),
    (re.compile(rf"\b{_COUNT}\s+{_UNIT_WORDS}\s+(?P<dir>later|earlier)\b", _I), _read_later, ("later", "earlier")),
    (re.compile(rf"\b{_COUNT}\s+{_UNIT_WORDS}\s+(?P<dir>before|after){_CLAUSE_END}", _I), _read_later, ("before", "after")),
    (
        re.compile(
            r"\b(?:(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tonight|tomorrow"
            r"|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            _I,
        ),
        _read_day_word,
        ("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"),
    ),
    (
        re.compile(
            rf"\b(?:(?:earlier|later|early|late|mid)[\s-]+)?{_DIRECTION}\s+(?P<unit>week|month|year)\b(?!-)", _I
        ),
        _read_calendar,
        _UNIT_CUES,
    ),
    (re.compile(r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b", _I), _read_in_the, ("earlier", "later")),
    (re.compile(rf"\b(?:{_DIRECTION}|(?:over|at|during|on)\s+the)\s+weekend\b", _I), _read_weekend, ("weekend",)),
    (re.compile(rf"\b(?i:{_DIRECTION})\s+(?P<wd>{WEEKDAY_PATTERN})"), _read_named_weekday, ("day",)),
    (re.compile(rf"\b(?i:{_DIRECTION})\s+(?P<mon>{_FULL_MONTHS})(?![A-Za-z])"), _read_named_month, _MONTH_CUES),
    (
        re.compile(
            r"\bthe\s+(?P<dir>same|next|following|previous|preceding)\s+"
            r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b(?!-)",
            _I,
        ),
        _read_anchored,
        _UNIT_CUES + _PART_OF_DAY_CUES,
    ),
    (
        re.compile(
            r"\b(?:(?:later|earlier)\s+)?that\s+(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b(?!-)",
            _I,
        ),
        _read_anchored,
        ("that",),
    ),
    (re.compile(rf"\bthe\s+(?P<unit>day)\s+(?P<dir>before|after){_CLAUSE_END}", _I), _read_anchored, ("day",)),
    (
        re.compile(
            rf"\b(?:in|over|during|for|within)\s+(?:the\s+(?:past|last|coming|next)|recent)\s+"
            rf"(?:(?:few|several|couple\s+of|{NUMBER_WORD_PATTERN})\s+)?(?:days?|weeks?|months?|years?|decades?)\b",
            _I,
        ),
        _read_vague,
        _UNIT_CUES,
    ),
    (
        re.compile(
            r"\bin\s+the\s+past\b|\b(?:recently|lately|soon)\b|\b(?:in|for)\s+(?:years|decades|months|weeks)\b"
            r"|\bat\s+the\s+time\b|\b(?:many\s+|some\s+)?(?:years|decades|months)\s+ago\b",
            _I,
        ),
        _read_vague,
        ("past", "recently", "lately", "soon", "years", "decades", "months", "weeks", "time"),
    ),
    (
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:1[5-9]|20)\d0s\b|\bthe\s+\d{1,2}(?:st|nd|rd|th)\s+century\b",
            _I,
        ),
        _read_vague,
        ("0s", "century"),
    ),
)
