"""When an event happened: from its own sentence, from the story around it, or from the article.

:func:`date_events` gives each event a date and says how the date was obtained (its
``date_basis``):

- ``sentence``: a resolved time expression in the event's own sentence, the one nearest the
  trigger ("vowed on Tuesday", "in March").
- ``context``: the sentence gives no date (no time expression at all, resolved or not, and the
  event is not inside a quotation, whose words keep the speaker's frame of time), but the
  sentence just before it, or an earlier one in the same paragraph, dates an event of the same
  actors (a shared country or organisation at either end) with the same outlook (both planned,
  or both reported as done): the story goes on about the same thing, so the event takes that
  date and that time expression's words. Only dates read from a sentence are handed on, never
  dates that were themselves inherited. Failing that, an earlier report anywhere in the article of
  the same happening (same type, same parties at each end, same outlook) that is dated from its
  sentence or the article gives its date too.
- ``article``: still undated (on the same conditions), the event stands in the lead (the first
  two sentences of the first paragraph), is reported as having happened (``asserted``,
  ``alleged`` or ``denied``) and its verb is in the past tense or the present perfect ("Benin
  opened its borders", "has expelled"), or its event noun hangs from such a verb ("left for
  summit talks"): news reports such an event on or just before its publication day, so it takes
  the article's date. A planned or hypothetical event has not happened, so it does not. Such a
  lead takes instead the day a later sentence gives the same happening (basis ``context``): the
  text's own date beats the publication day.
- None: no date; nothing in the text supports one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from newsgraph._span_index import SpanIndex
from newsgraph.dates.expressions import TimeExpression
from newsgraph.dates.partial import PartialDate
from newsgraph.events import EventRecord
from newsgraph.nlp import doc_text

__all__ = ["DATE_BASES", "DATE_PRECISIONS", "DateBasis", "DatePrecision", "EventDate", "date_events", "event_time", "precision_of"]

DateBasis = Literal["sentence", "context", "article"]
DATE_BASES: tuple[DateBasis, ...] = ("sentence", "context", "article")
DatePrecision = Literal["day", "week", "month", "year", "range"]
DATE_PRECISIONS: tuple[DatePrecision, ...] = ("day", "week", "month", "year", "range")

_LEAD_SENTENCES = 2
_DONE = frozenset({"asserted", "alleged", "denied"})
_CLOSING = (".", "!", "?", '"', "\u201d", "'", "\u2019", ")")
_QUOTE_MARKS = ('"', "\u201c", "\u201d")
_MODALS = frozenset({"will", "would", "shall", "should", "could", "can", "may", "might", "must"})
# How far up the parse an event noun looks for its verb, and the links that end a clause.
_HEAD_STEPS = 3
# Verbs that report an event; a time on one of them dates the telling ("said Saturday").
_REPORTING = frozenset({
    "say", "tell", "report", "announce", "confirm", "state", "add", "claim", "allege", "write", "post", "note",
    "disclose", "reveal", "declare",
})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "appos"})


@dataclass(frozen=True)
class EventDate:
    """An event's date (ISO, at its precision), the words it was read from, how it was found, and
    its precision: ``day``, ``week``, ``month``, ``year``, or ``range`` when the words name a span
    ("June 19-20", "this weekend": the value is its first day, week, month or year)."""

    value: str | None
    text: str | None
    basis: DateBasis | None
    precision: DatePrecision | None = None


_UNDATED = EventDate(None, None, None)


def precision_of(value: str | None) -> DatePrecision | None:
    """The precision of an ISO date at its precision ("2024-06-18" day, "2024-W25" week, ...);
    None when there is no date or it cannot be read."""
    if not value:
        return None
    if "-W" in value:
        return "week"
    try:
        return PartialDate.from_iso(value).precision
    except ValueError:
        return None


def event_time(event: EventRecord, times: list[TimeExpression]) -> TimeExpression | None:
    """The resolved time expression of the event's sentence nearest its trigger, if any."""
    inside = [
        time
        for time in times
        if event.evidence_start <= time.start and time.end <= event.evidence_end and time.value is not None
    ]
    if not inside:
        return None
    return min(inside, key=lambda time: abs(time.start - event.trigger_start))


def date_events(
    doc: Doc, events: list[EventRecord], times: list[TimeExpression], published: str | None, title: str | None = None
) -> list[EventDate]:
    """The date of each event of ``doc`` (in the order given, which is text order), with its basis.

    ``times`` are the document's resolved time expressions, ``published`` the article's
    publication date as ISO text at its precision (None when unknown) and ``title`` its headline,
    which the text may begin with: the lead is what follows it.
    """
    text = doc_text(doc)
    paragraph_starts = [0] + [index + 2 for index in _all(text, "\n\n")]
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    lead = _lead(doc, text, _lead_start(text, paragraph_starts, title))
    dates: list[EventDate] = []
    # Each event reads only the times of its own sentence: reading all of them was quadratic.
    by_place = SpanIndex(times)
    own = [by_place.inside(event.evidence_start, event.evidence_end) for event in events]
    # Events whose only date is the day someone reported them ("..., an outlet said Saturday").
    said_on: set[int] = set()
    for position, (event, times_of_event) in enumerate(zip(events, own)):
        found = event_time(event, times_of_event)
        if found is None:
            dates.append(_UNDATED)
        else:
            precision: DatePrecision | None = "range" if found.range_end else found.precision
            dates.append(EventDate(found.value, found.text, "sentence", precision or precision_of(found.value)))
            if _dates_the_report(doc, event, found):
                said_on.add(position)
    for position, event in enumerate(events):
        if dates[position].basis is not None or _has_time(event, own[position]) or _quoted(text, event):
            continue
        inherited = _from_context(position, events, dates, paragraph_starts, sentence_starts)
        if inherited is not None:
            dates[position] = inherited
        elif published and lead[0] <= event.evidence_start < lead[1] and event.status in _DONE and _reported_done(doc, event):
            dates[position] = EventDate(published, None, "article", precision_of(published))
    # The latest dated report of each happening so far, so an undated one finds it without
    # reading every earlier event again (which made long articles quadratic).
    reported: dict[tuple[tuple[str, frozenset[str], frozenset[str]], bool], EventDate] = {}
    for position, event in enumerate(events):
        key = (_happening(event), event.status == "planned")
        if dates[position].basis is None and not _has_time(event, own[position]):
            dates[position] = _same_happening(event, reported.get(key)) or dates[position]
        if dates[position].basis in ("sentence", "article"):
            reported[key] = dates[position]
    _date_leads_from_their_details(events, dates, said_on)
    return dates


def _dates_the_report(doc: Doc, event: EventRecord, time: TimeExpression) -> bool:
    """Whether the time dates the reporting verb the event is reported under, not the event: "six
    journalists have been detained, an outlet said Saturday"."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None or trigger is None:
        return False
    verb = span.root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_.lower() not in _REPORTING or verb.i == trigger.root.i:
        return False
    return any(ancestor.i == verb.i for ancestor in trigger.root.ancestors)


def _date_leads_from_their_details(events: list[EventRecord], dates: list[EventDate], said_on: set[int]) -> None:
    """A lead dated only by the article ("Authorities have detained six journalists") or by the
    day it was reported ("..., an outlet said Saturday") takes the date a later sentence gives the
    same happening ("The journalists were detained ... on Friday evening"): the text's own date of
    the happening beats the day it was published or told. Basis ``context``."""
    later: dict[tuple[tuple[str, frozenset[str], frozenset[str]], bool], EventDate] = {}
    for position in range(len(events) - 1, -1, -1):
        event, found = events[position], dates[position]
        key = (_happening(event), event.status == "planned")
        weak = found.basis == "article" or position in said_on
        if weak and key in later:
            detail = later[key]
            dates[position] = EventDate(detail.value, detail.text, "context", detail.precision)
        elif found.basis == "sentence" and found.precision == "day" and position not in said_on:
            later[key] = found


def _same_happening(event: EventRecord, earlier: EventDate | None) -> EventDate | None:
    """The date of an earlier report of the same happening anywhere in the article (``earlier``,
    the latest with the same type, the same parties at each end and the same outlook, dated from
    its sentence or the article): "Russian jets entered Estonian airspace on Friday ... The
    incursion of the three Russian fighters ...": basis ``context``."""
    if event.status == "hypothetical" or earlier is None:
        return None
    return EventDate(earlier.value, earlier.text, "context", earlier.precision)


def _happening(event: EventRecord) -> tuple[str, frozenset[str], frozenset[str]]:
    sources = frozenset(actor.root for actor in event.source_actors if actor.root)
    targets = frozenset(actor.root for actor in event.target_actors if actor.root)
    if event.mutual:
        return event.type, sources | targets, frozenset()
    return event.type, sources, targets


def _has_time(event: EventRecord, times: list[TimeExpression]) -> bool:
    """Whether the event's sentence has a time expression, resolved or not ("on Tuesday" in an
    undated article): its own time, which no other date may replace."""
    return any(event.evidence_start <= time.start and time.end <= event.evidence_end for time in times)


def _quoted(text: str, event: EventRecord) -> bool:
    """Whether the trigger stands inside a quotation: a speaker's words keep the speaker's own
    frame of time, not the narrative's."""
    before = text[event.evidence_start : event.trigger_start]
    return sum(before.count(mark) for mark in _QUOTE_MARKS) % 2 == 1


def _all(text: str, needle: str) -> list[int]:
    found, index = [], text.find(needle)
    while index >= 0:
        found.append(index)
        index = text.find(needle, index + len(needle))
    return found


def _lead_start(text: str, paragraph_starts: list[int], title: str | None) -> int:
    """Where the body's first paragraph begins: after the headline when the text starts with one
    (the title, or a first line without closing punctuation, as headlines are written)."""
    for number, start in enumerate(paragraph_starts[:3]):
        end = paragraph_starts[number + 1] - 2 if number + 1 < len(paragraph_starts) else len(text)
        paragraph = text[start:end].strip()
        if paragraph and paragraph != (title or "").strip() and paragraph.endswith(_CLOSING):
            return start
    return 0


def _lead(doc: Doc, text: str, start: int) -> tuple[int, int]:
    """Where the lead begins and ends: its first paragraph from ``start``, at most two sentences."""
    paragraph_end = text.find("\n\n", start)
    end = paragraph_end if paragraph_end >= 0 else len(text)
    counted = 0
    for sentence in doc.sents:
        if sentence.start_char < start or not sentence.text.strip():
            continue
        counted += 1
        if counted == _LEAD_SENTENCES:
            end = min(end, sentence.end_char)
            break
    return start, end


def _from_context(
    position: int, events: list[EventRecord], dates: list[EventDate], paragraph_starts: list[int], sentence_starts: list[int]
) -> EventDate | None:
    event = events[position]
    paragraph = bisect_right(paragraph_starts, event.evidence_start)
    sentence = bisect_right(sentence_starts, event.evidence_start)
    planned = event.status == "planned"
    if event.status == "hypothetical":
        return None
    actors = _roots(event)
    for earlier in range(position - 1, -1, -1):
        other, when = events[earlier], dates[earlier]
        if other.evidence_start >= event.evidence_start:
            continue  # the same sentence: had it a date, this event would have it too
        same_paragraph = bisect_right(paragraph_starts, other.evidence_start) == paragraph
        previous_sentence = bisect_right(sentence_starts, other.evidence_start) == sentence - 1
        if not same_paragraph and not previous_sentence:
            return None
        if when.basis != "sentence" or (other.status == "planned") != planned or other.status == "hypothetical":
            continue
        if actors & _roots(other):
            return EventDate(when.value, when.text, "context", when.precision)
    return None


def _roots(event: EventRecord) -> set[str]:
    return {actor.root for actor in (*event.source_actors, *event.target_actors) if actor.root}


def _reported_done(doc: Doc, event: EventRecord) -> bool:
    """Whether the event's verb is in the past tense or the present perfect; for an event noun
    ("left for summit talks"), the verb that governs it, within its clause."""
    span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((token for token in span if token.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        verb = _governing_verb(span.root)
    return verb is not None and _past_or_perfect(verb)


def _governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from (through prepositions and nouns), never across a clause: a noun
    in a quotation's reporting clause or a relative clause is left alone."""
    current = token
    for _ in range(_HEAD_STEPS):
        if current.dep_ in _CLAUSE_DEPS or current.head is current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _past_or_perfect(verb: Token) -> bool:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.lower_ in _MODALS for aux in auxiliaries):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(aux.lemma_ == "have" or aux.tag_ == "VBD" for aux in auxiliaries)
    return False
