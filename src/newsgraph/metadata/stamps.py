"""Date stamp lines near the top of an article: "[June 18, 2024]", "Published: 18 June 2024 10:02 GMT".

A stamp line is a line that is a date and nothing else, among the first lines of the article:
optionally in brackets, optionally labelled ("Published", "Updated", "Posted", "Date"), optionally
with a weekday, a time and a time zone, and possibly several such parts separated by ``|``
("Published: ... | Updated: ..."), or a date and then short fields with numbers ("June 18, 2024
| 4 min read"). Beside the time of day or the weather it is a page's top bar ("Wed, Jul 16, 2025
| Fajr 04:10 | DXB 40.6°C"): deleted, but its date is the day the page was read, not the
article's (a labelled date, "Last Updated: March 4, 2025 | 10:02 IST", is no top bar). A time
may end in a place or zone after a comma ("Tuesday 4 March 2025 14:02, UK"). A stamp followed by
"by" and a name ("Posted on March 4, 2025 by Ann Lee") loses only its date part: the byline step
reads the rest. Without a label the date must be a full day; with one, a month is enough. A line ending in a full stop is the end of a wrapped sentence, not a stamp. Stamp lines
are deleted; the publication date is the earliest part not labelled as an update, else the
earliest part.

Two more places hold stamps. A scraper's export may glue a ``date 2024-04-02`` field in front of
the page's first line (" date 2024-04-02 The minister said..."): that prefix is a stamp, deleted
alone, and the rest of the line stays for the steps after this one (a headline, the lead, or
furniture that :mod:`newsgraph.clean.furniture` already emptied). And a *labelled* stamp may stand
among the last :data:`TAIL_LINES` content lines ("First Published: Fri, October 07 2022. 07:08
IST"); there a label is required, since a bare date at the end is as often a footnote's. Stamps
at the top win over those at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.dates import PartialDate, parse_date
from newsgraph.metadata._lines import content_lines, delete_line
from newsgraph.steps import Found, StepResult, evidence_for
from newsgraph.textmap import Edit, TrackedText

__all__ = ["RULE", "TOP_LINES", "TAIL_LINES", "find_stamp", "is_publication_stamp", "stamp_prefix"]

RULE = "stamp"
TOP_LINES = 6
"""How many content lines from the top may hold a stamp."""
TAIL_LINES = 4
"""How many content lines from the end may hold a labelled stamp."""

_MAX_STAMP = 120
_WIDGET_WORDS = 4
# What a top bar shows beside today's date: the time of day, a temperature.
_TODAY = re.compile(r"\d{1,2}:\d{2}|°")
_DIGIT = re.compile(r"\d")
_BRACKETED = re.compile(r"\s*[\[(](?P<inner>.*)[\])]\s*")
_PART = re.compile(r"[^|•·]+")
_LABEL = re.compile(
    r"\s*(?P<label>(?i:first\s+published|last\s+updated|last\s+modified|published|updated|posted|modified|dated|date))"
    r"(?:\s+(?i:on|at))?\s*:?\s*"
)
_UPDATE_LABEL = re.compile(r"(?i:updated|modified)")
# "... 14:02, UK": a place or a zone after a time.
_TIME_PLACE = re.compile(r"(?<=\d)\s*,\s*[A-Z][A-Za-z]{1,15}(?:\s[A-Z][a-z]+)?\s*$")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
# "March 4, 2025 by Ann Lee": a byline after the stamp.
_BY_TAIL = re.compile(r"\s+(?i:by)\s+[A-Z]\S*(?:\s+\S+){0,5}\s*$")
# " date 2024-04-02 " glued before a line's text by a scraper's export.
_PREFIX = re.compile(
    r"[ \t]*(?i:date)[ \t]*:?[ \t]*(?P<iso>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"(?![\w:-])[ \t]*"
)
# A date ending in a full stop ends a wrapped sentence ("... notes due\nApril 15, 2007."), unless
# the stop belongs to "a.m." or "p.m.".
_SENTENCE_END = re.compile(r"(?<![ap]\.m)(?<![AP]\.M)\.\s*$")


@dataclass(frozen=True, slots=True)
class _Stamp:
    start: int
    end: int
    date: PartialDate
    is_update: bool


def find_stamp(text: TrackedText) -> StepResult:
    """Delete the stamp lines among the first :data:`TOP_LINES` content lines; report the date.

    Reports ``Found("published", iso_date, confidence=1.0)`` with the chosen part as evidence.
    """
    result = StepResult()
    stamps: list[_Stamp] = []
    lines = content_lines(text)
    top = lines[:TOP_LINES]
    for line in top:
        found = _read_line(line.text)
        by = _BY_TAIL.search(line.text) if found is None else None
        head = _read_line(line.text[: by.start()]) if by is not None else None
        if head is not None and by is not None:
            result.edits.append(Edit(line.start, line.start + by.start(), "", RULE))
            stamps.extend(_Stamp(line.start + s.start, line.start + s.end, s.date, s.is_update) for s in head)
            continue
        if found is None:
            prefix = stamp_prefix(line.text)
            if prefix is not None and not stamps:
                date = PartialDate.from_iso(prefix.group("iso"))
                start, end = line.start + prefix.start("iso"), line.start + prefix.end("iso")
                result.edits.append(Edit(line.start, line.start + prefix.end(), "", RULE + ".prefix"))
                stamps.append(_Stamp(start, end, date, False))
            continue
        result.edits.append(delete_line(line, RULE))
        if _is_top_bar(line.text, found):
            continue  # a top bar's date beside the time or the weather is the day the page was read
        stamps.extend(_Stamp(line.start + s.start, line.start + s.end, s.date, s.is_update) for s in found)
    for line in lines[max(len(top), len(lines) - TAIL_LINES) :]:
        found = _read_line(line.text, labelled=True)
        if found is None:
            continue
        result.edits.append(delete_line(line, RULE))
        if not stamps:
            stamps.extend(_Stamp(line.start + s.start, line.start + s.end, s.date, s.is_update) for s in found)
    if stamps:
        chosen = min(stamps, key=lambda stamp: (stamp.is_update, _sort_key(stamp.date)))
        evidence = evidence_for(text, chosen.start, chosen.end, RULE)
        result.found.append(Found("published", chosen.date.iso(), evidence, 1.0))
    return result


def is_publication_stamp(line: str) -> bool:
    """Whether ``line`` is a stamp line whose date is the article's ("March 4, 2025 | 4 min read"),
    not a page's top bar beside the time or the weather."""
    found = _read_line(line)
    return found is not None and not _is_top_bar(line, found)


def _is_top_bar(line: str, found: list[_Stamp]) -> bool:
    if _LABEL.match(line) is not None:
        return False
    return bool(_TODAY.search(line)) and len(found) < sum(1 for part in _PART.finditer(line) if part.group().strip())


def stamp_prefix(line: str) -> re.Match[str] | None:
    """The ``date 2024-04-02`` prefix a scraper glued before the text of ``line``, if any."""
    prefix = _PREFIX.match(line)
    if prefix is None or prefix.end() == len(line):
        return None
    try:
        PartialDate.from_iso(prefix.group("iso"))
    except ValueError:
        return None
    return prefix


def _read_line(line: str, *, labelled: bool = False) -> list[_Stamp] | None:
    """The stamps making up all of ``line`` (offsets within the line), or None if it is not one.

    ``labelled``: every part must carry a label ("Published", "Updated"...).
    """
    if len(line) > _MAX_STAMP or not _DIGIT.search(line):
        return None
    if _SENTENCE_END.search(line) and not (_LABEL.match(line) and parse_date(_LABEL.sub("", line, count=1))):
        return None
    offset, body = 0, line
    bracketed = _BRACKETED.fullmatch(line)
    if bracketed:
        offset, body = bracketed.start("inner"), bracketed["inner"]
    stamps: list[_Stamp] = []
    for part in _PART.finditer(body):
        if not part.group().strip():
            continue
        stamp = _read_part(part.group())
        if stamp is None and not labelled and stamps and _widget(part.group()):
            continue  # "Wed, Jul 16, 2025 | Fajr 04:10 | DXB 40.6°C": a date bar's widgets
        if stamp is None or (labelled and _LABEL.match(part.group()) is None):
            return None
        shift = offset + part.start()
        stamps.append(_Stamp(stamp.start + shift, stamp.end + shift, stamp.date, stamp.is_update))
    return stamps or None


def _widget(part: str) -> bool:
    """A short field with a number beside a date in a page's top bar: a time, a temperature, a
    date in another calendar."""
    return bool(_DIGIT.search(part)) and len(part.split()) <= _WIDGET_WORDS


def _read_part(part: str) -> _Stamp | None:
    label = _LABEL.match(part)
    value = part[label.end() :] if label else part
    place = _TIME_PLACE.search(value)
    if place is not None and _TIME.search(value, 0, place.start()):
        value = value[: place.start()]
    date = parse_date(value)
    if date is None or date.year is None or date.month is None:
        return None
    if label is None and date.day is None:
        return None
    start = len(part) - len(part.lstrip())
    end = len(part.rstrip())
    is_update = bool(label and _UPDATE_LABEL.search(label["label"]))
    return _Stamp(start, end, date, is_update)


def _sort_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year or 0, date.month or 0, date.day or 0)
