"""Time expressions in an article, each resolved to a calendar value against the publication date.

:func:`find_time_expressions` is the date reader later stages use: it finds every explicit date
(:mod:`newsgraph.dates.explicit`), every relative or vague one (:mod:`newsgraph.dates.relative`)
and the months that are also English words when a time preposition shows they are months ("in
March", "since May"), joins pairs into ranges ("from May 1 to May 3"), and resolves each to an ISO
value at its precision (:mod:`newsgraph.dates.resolve`, :mod:`newsgraph.dates.period`): a day
"2024-06-18", an ISO week "2024-W25", a month "2024-06" or a year "2024".

Each :class:`TimeExpression` says what its value was counted from: ``anchor`` is ``None`` for a
date the text states whole ("September 13, 2023"), ``"published"`` for one read against the
publication date ("Tuesday", "May 30", "last week"), and the index of an earlier expression for
one that counts from it ("the same day", "a week later"). Expressions whose value cannot be known
("in recent years", a weekday without a publication day) keep their words with value ``None``.

A day's span takes in the words that only narrow it ("the early hours of Wednesday", "Wednesday
(Korea time)", "Tuesday night"); "since" is kept in the span ("since November") because it makes
the date the start of an open range, and "from"/"between" start a range's span.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc

from newsgraph.dates.explicit import DateMention, find_explicit_dates
from newsgraph.dates.partial import PartialDate
from newsgraph.dates.period import Period, Precision
from newsgraph.dates.relative import RelativeMention, find_relative_mentions
from newsgraph.dates.resolve import weekday_near, weekday_relative, year_for, year_for_month_relative
from newsgraph.dates.tense import Tense, tense_in_doc, tense_in_text
from newsgraph.nlp import doc_text

__all__ = ["Anchor", "TimeExpression", "find_time_expressions"]

Anchor = Literal["published"] | int | None
"""What a value was counted from: the publication date, an earlier expression's index, or nothing."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression at ``text[start:end]`` and the calendar value it resolves to.

    ``value`` is ISO 8601 at ``precision`` ("2024-06-18" day, "2024-W25" week, "2024-06" month,
    "2024" year), or ``None`` (and ``precision`` ``None``) when it cannot be resolved.
    ``range_end`` is the last day, week, month or year of a range ("June 19-20", a weekend).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None
    range_end: str | None = None
    anchor: Anchor = None


Mention = DateMention | RelativeMention


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A mention, or the two ends of a range, with the span the expression covers."""

    start: int
    end: int
    first: Mention
    last: Mention | None = None
    since: bool = False


@dataclass(frozen=True, slots=True)
class _Resolved:
    period: Period | None
    last: Period | None = None
    anchor: Anchor = None


# Months that are also words ("March", "May", "August") are months after a time preposition,
# unless a name or a possessive follows ("in May's cabinet", "since May Day").
_WORD_MONTH = re.compile(
    r"\b(?i:in|since|until|till|from|through|during|early|late|mid)[ -]+"
    r"(?P<mon>March|May|August|MARCH|MAY|AUGUST)(?![A-Za-z])(?!['’]s)(?!\s+[A-Z\d])"
)
_WORD_MONTH_NUMBERS = {"march": 3, "may": 5, "august": 8}
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "FAC", "GPE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i:\b(?:from|between)\s+)$")
_DAY_PREFIX = re.compile(
    r"(?i:(?:the\s+)?(?:early|small|wee)\s+hours\s+of|(?:early|late)(?:\s+on)?"
    r"|(?:the\s+)?(?:morning|afternoon|evening|night)\s+of)\s+$"
)
_DAY_SUFFIX = re.compile(
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?:\s*\((?:[\w.]+\s+){0,2}(?i:time)\)|\s*\(\d{4}\s+GMT\))?"
)
_SINCE = re.compile(r"(?i:\bsince\s+)$")
_LOOKBEHIND = 40


def find_time_expressions(text: str, reference: PartialDate | None, doc: Doc | None = None) -> list[TimeExpression]:
    """Every time expression in ``text`` in order, resolved against ``reference``.

    ``reference`` is the publication date at whatever precision is known (``None`` when unknown:
    only stated dates and those anchored to them resolve). ``doc``, a spaCy parse of the same
    ``text``, lets the governing verb's tense choose between the past and the coming weekday
    ("visited on Wednesday" and "will visit on Wednesday"); without it the nearest tense cue in
    the sentence does. Raises ValueError if ``doc`` is not a parse of ``text``.
    """
    if doc is not None and doc_text(doc) != text:
        raise ValueError("doc must be the parse of text: its text differs")
    base = Period.from_partial(reference) if reference is not None else None

    def tense_of(mention: Mention) -> Tense | None:
        if doc is not None:
            return tense_in_doc(doc, mention.start, mention.end)
        return tense_in_text(text, mention.start)

    expressions: list[TimeExpression] = []
    earlier: list[tuple[int, Period]] = []
    for candidate in _candidates(text, doc):
        resolved = _resolve(candidate, base, tense_of, earlier)
        period = resolved.period
        expressions.append(
            TimeExpression(
                candidate.start,
                candidate.end,
                text[candidate.start : candidate.end],
                period.iso() if period else None,
                period.precision if period else None,
                resolved.last.iso() if period and resolved.last else None,
                resolved.anchor if period else None,
            )
        )
        if period is not None:
            earlier.append((len(expressions) - 1, period))
    return expressions


def _candidates(text: str, doc: Doc | None) -> list[_Candidate]:
    explicit: list[Mention] = [*find_explicit_dates(text), *_word_months(text, doc)]
    relative: list[Mention] = list(find_relative_mentions(text))
    chosen: list[Mention] = []
    cursor = 0
    for mention in sorted([*explicit, *relative], key=lambda m: (m.start, -(m.end - m.start))):
        if mention.start >= cursor:
            chosen.append(mention)
            cursor = mention.end
    candidates: list[_Candidate] = []
    index = 0
    while index < len(chosen):
        mention = chosen[index]
        following = chosen[index + 1] if index + 1 < len(chosen) else None
        if following is not None and _joins(text, mention, following):
            opener = _RANGE_OPEN.search(text, max(0, mention.start - _LOOKBEHIND), mention.start)
            start = opener.start() if opener else mention.start
            candidates.append(_Candidate(start, following.end, mention, following))
            index += 2
            continue
        candidates.append(_widen(text, mention))
        index += 1
    return candidates


def _word_months(text: str, doc: Doc | None) -> list[DateMention]:
    found: list[DateMention] = []
    for match in _WORD_MONTH.finditer(text):
        start, end = match.span("mon")
        if doc is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            # A name, or the subject of a verb ("since May lost"), is a person, not a month.
            if span is not None and any(
                token.ent_type_ in _NAME_ENTITIES or token.dep_ in ("nsubj", "nsubjpass") for token in span
            ):
                continue
        month = PartialDate(None, _WORD_MONTH_NUMBERS[match["mon"].lower()])
        found.append(DateMention(start, end, match["mon"], month))
    return found


def _joins(text: str, first: Mention, last: Mention) -> bool:
    """Whether two neighbouring mentions are the ends of one range ("from May 1 to May 3")."""
    if not (isinstance(first, DateMention) and isinstance(last, DateMention)):
        return False
    if (first.date is None) != (last.date is None) or first.end_date is not None:
        return False
    joint = _RANGE_JOIN.fullmatch(text, first.end, last.start)
    if joint is None:
        return False
    opener = _RANGE_OPEN.search(text, max(0, first.start - _LOOKBEHIND), first.start)
    if joint.group().strip().lower() == "and":
        return opener is not None and opener.group().lower().startswith("between")
    return opener is not None or joint.group().strip() in ("-", "–", "—")


def _widen(text: str, mention: Mention) -> _Candidate:
    """The candidate for one mention, its span taking in "since" or the words narrowing a day."""
    start, end = mention.start, mention.end
    lookbehind = max(0, start - _LOOKBEHIND)
    if _is_day(mention):
        prefix = _DAY_PREFIX.search(text, lookbehind, start)
        start = prefix.start() if prefix else start
        suffix = _DAY_SUFFIX.match(text, end)
        end = suffix.end() if suffix else end
        return _Candidate(start, end, mention)
    since = _SINCE.search(text, lookbehind, start) if isinstance(mention, DateMention) else None
    return _Candidate(since.start() if since else start, end, mention, since=since is not None)


def _is_day(mention: Mention) -> bool:
    if isinstance(mention, RelativeMention):
        return mention.unit == "day" and not mention.anchored
    return mention.date is None or mention.date.day is not None


def _resolve(
    candidate: _Candidate,
    base: Period | None,
    tense_of: Callable[[Mention], Tense | None],
    earlier: list[tuple[int, Period]],
) -> _Resolved:
    first = _resolve_one(candidate.first, base, tense_of, earlier, "past" if candidate.since else None)
    if candidate.last is None or first.period is None:
        return first
    last = _resolve_one(candidate.last, base, lambda _: tense_of(candidate.first), earlier, None)
    return replace(first, last=_after(candidate.last, first.period, last.period))


def _after(mention: Mention, first: Period, last: Period | None) -> Period | None:
    """The end of a range, moved forward to follow its start when the words left that open."""
    if last is None or last.first >= first.first:
        return last
    if isinstance(mention, DateMention) and mention.date is None and mention.weekday is not None:
        return Period(first.first + timedelta(days=(mention.weekday - first.first.weekday()) % 7), "day")
    if isinstance(mention, DateMention) and mention.date is not None and mention.date.year is None:
        try:
            return Period(last.first.replace(year=last.first.year + 1), last.precision)
        except ValueError:
            return None
    return last


def _resolve_one(
    mention: Mention,
    base: Period | None,
    tense_of: Callable[[Mention], Tense | None],
    earlier: list[tuple[int, Period]],
    forced: Tense | None,
) -> _Resolved:
    if isinstance(mention, DateMention):
        return _resolve_explicit(mention, base, lambda: forced or tense_of(mention))
    return _resolve_relative(mention, base, lambda: forced or tense_of(mention), earlier)


def _resolve_explicit(mention: DateMention, base: Period | None, tense: Callable[[], Tense | None]) -> _Resolved:
    stated = mention.date
    if stated is None:
        if base is None or base.precision != "day" or mention.weekday is None:
            return _Resolved(None)
        return _Resolved(Period(weekday_near(base.first, mention.weekday, tense()), "day"), anchor="published")
    if stated.year is not None:
        last = Period.from_partial(mention.end_date) if mention.end_date else None
        return _Resolved(Period.from_partial(stated), last)
    if base is None or stated.month is None:
        return _Resolved(None)
    year = year_for(base, stated.month, stated.day, tense(), mention.weekday)
    if year is None:
        return _Resolved(None)
    period = Period.from_partial(stated.with_year(year))
    last = None
    if period is not None and mention.end_date is not None and mention.end_date.month is not None:
        end = mention.end_date
        last = _in_year_after(end, year, period)
    return _Resolved(period, last, "published")


def _in_year_after(end: PartialDate, year: int, start: Period) -> Period | None:
    for candidate_year in (year, year + 1):
        try:
            period = Period.from_partial(end.with_year(candidate_year))
        except ValueError:
            continue
        if period is not None and period.first >= start.first:
            return period
    return None


def _resolve_relative(
    mention: RelativeMention,
    base: Period | None,
    tense: Callable[[], Tense | None],
    earlier: list[tuple[int, Period]],
) -> _Resolved:
    unit = mention.unit
    if unit is None:
        return _Resolved(None)
    if mention.anchored:
        for index, period in reversed(earlier):
            if period.can_move_by(unit):
                return _Resolved(period.shifted(unit, mention.shift), anchor=index)
        return _Resolved(None)
    if base is None:
        return _Resolved(None)
    if mention.weekday is not None:
        if base.precision != "day":
            return _Resolved(None)
        day = (
            weekday_near(base.first, mention.weekday, tense())
            if mention.by_tense
            else weekday_relative(base.first, mention.weekday, mention.shift)
        )
        last = Period(day + timedelta(days=mention.days - 1), "day") if mention.days > 1 else None
        return _Resolved(Period(day, "day"), last, "published")
    if mention.month is not None:
        year = year_for_month_relative(base, mention.month, mention.shift)
        return _Resolved(Period(date(year, mention.month, 1), "month") if year else None, anchor="published")
    return _Resolved(base.shifted(unit, mention.shift), anchor="published")
