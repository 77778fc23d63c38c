"""Deciding from the words around it what an ambiguous name means.

"Washington" is the US government, the US state or someone's surname; "Jordan" a country or a
first name; "the North" is North Korea only in a story about Korea. The knowledge base lists, for
each such name, its readings and the cues that point to each (``kb/sources/ambiguous.csv``).
:func:`resolve` applies them in a fixed order, from the most local evidence to the least:

1. a cue right before or right after the name ("state of Washington", "Washington state",
   "Jordan River");
2. for readings that are a person's name, the shape of the neighbours: a given name or a title
   before a surname ("Denzel Washington", "Mr. Washington"), a capitalised surname after a given
   name ("Chad Smith");
3. cue words anywhere in the wider context ("Tbilisi" for the country Georgia, "Pyongyang" for
   "the North"); when cues for two readings both occur, context cannot decide;
4. the reading marked as the default ("Turkey" is the country unless something says otherwise).

Otherwise the answer is ``unknown``: it is better to leave a name unresolved than to guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from newsgraph.actors._kb_files import Ambiguity, Reading
from newsgraph.actors.kb_records import ReadingKind, Resolution

__all__ = ["resolve", "PERSON_TITLES", "NOT_NAMES"]

# Titles that make the next word a person's name.
PERSON_TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sir Dame Lord Lady President Senator Sen Rep Representative Gen General "
    "Coach Judge Justice Professor Prof Mayor Ambassador Sgt Sergeant Capt Captain Col Colonel Lt "
    "Admiral Adm Rev Reverend Father Pastor Rabbi Imam Sheikh Prince Princess".split()
)
# Capitalised words that are not names: sentence openers, function words, titles of office,
# geographic and institutional nouns. Seeing one beside an ambiguous name says nothing about a person.
NOT_NAMES = frozenset(
    "The A An In On At By For From To Of And Or But Nor So Yet As If When While After Before Since "
    "Until Although Though Because With Without About Against Between Into Through During Under Over "
    "Meanwhile However Still Now Then Today Tonight Yesterday Tomorrow Also Even Only Just Both Either "
    "Neither Not No Yes This That These Those It Its He She They We You I His Her Their Our Your "
    "Said Says Say Told Tells Asked Added Called Urged Warned Denied Accused Welcome Welcomed "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December "
    "King Queen Emir President Prime Minister Foreign Defence Defense Secretary State Government "
    "Army Navy Air Force Ministry Department Office Council Assembly Parliament Congress Senate House "
    "Court Supreme National Federal Central Republic Kingdom Democratic People's North South East West "
    "Northern Southern Eastern Western Upper Lower Greater New Old Great "
    "River Valley Basin Sea Lake Mountains Mountain Gulf Coast Delta Bay Border Province Region City "
    "Street Avenue Square Bridge Airport Port Harbor Harbour University College School Post Times "
    "Tech Dome Stadium Capitals Nationals Commanders Wizards Mystics Huskies".split()
)
_WORD = r"[A-Z][A-Za-z'’]*(?:-[A-Z][A-Za-z'’]*)*"
_WORD_BEFORE = re.compile(rf"(?:^|[\s\"“(])({_WORD})\.?[ \t]+$")
_WORD_AFTER = re.compile(rf"^[ \t]+({_WORD})(?![A-Za-z])")


def _after_matches(after: str, cue: str) -> bool:
    """Whether ``after`` begins, past spaces, with ``cue`` (a plural of a word cue also counts)."""
    tail = r"s?(?![A-Za-z])" if cue[-1:].isalpha() else ""
    return re.match(rf"[ \t,]*{re.escape(cue)}{tail}", after) is not None


def _before_matches(before: str, cue: str) -> bool:
    """Whether ``before`` ends, ignoring trailing spaces and commas, with the word(s) ``cue``."""
    head = r"(?<![A-Za-z])" if cue[:1].isalpha() else ""
    return re.search(rf"{head}{re.escape(cue)}$", before.rstrip(" \t,")) is not None


def _in_context(context: str, cue: str) -> bool:
    return re.search(rf"(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z])", context) is not None


@lru_cache(maxsize=64)
def _in_long_context(context: str, cue: str) -> bool:
    """:func:`_in_context`, remembered: the whole article is the context of every ambiguous name
    in it, and reading it again for each would cost time growing with the square of its length."""
    return _in_context(context, cue)


def _outcome(reading: Reading, reason: str) -> Resolution:
    if reading.reading == "actor":
        return Resolution("actor", reading.target, reason, label=reading.note)
    kind: ReadingKind = "person" if reading.reading.startswith("person") else "other"
    return Resolution(kind, None, reason, label=reading.target)


def _single(readings: Iterable[tuple[Reading, str]]) -> Resolution | None:
    """The one outcome the fired readings agree on, or None when none or several fired."""
    outcomes: dict[tuple[str, str | None], Resolution] = {}
    for reading, reason in readings:
        outcome = _outcome(reading, reason)
        outcomes.setdefault((outcome.reading, outcome.actor_id), outcome)
    if len(outcomes) == 1:
        return next(iter(outcomes.values()))
    return None


def _looks_like_name(word: str, is_known_name: Callable[[str], bool]) -> bool:
    return word not in NOT_NAMES and not is_known_name(word)


def _person_by_shape(reading: Reading, before: str, after: str, is_known_name: Callable[[str], bool]) -> str | None:
    """Why the neighbours make this a person's name, or None."""
    if reading.reading == "person_surname":
        match = _WORD_BEFORE.search(before)
        if match:
            word = match.group(1)
            if word in PERSON_TITLES:
                return f"title {word!r} before the name"
            if _looks_like_name(word, is_known_name):
                return f"given name {word!r} before the name"
    if reading.reading == "person_given":
        match = _WORD_AFTER.match(after)
        if match and _looks_like_name(match.group(1), is_known_name):
            return f"surname {match.group(1)!r} after the name"
    return None


def resolve(
    ambiguity: Ambiguity,
    before: str = "",
    after: str = "",
    context: str = "",
    is_known_name: Callable[[str], bool] = lambda word: False,
) -> Resolution:
    """Decide what the ambiguous name means from the text right ``before`` and ``after`` it and a
    wider ``context`` (the sentence or the article; ``before`` and ``after`` count as context too).

    ``is_known_name`` tells whether a capitalised neighbour is itself a known name (a country, a
    capital), which rules it out as somebody's given name or surname.
    """
    readings = ambiguity.readings
    local = [
        (reading, f"{cue!r} right before the name")
        for reading in readings
        for cue in reading.before
        if _before_matches(before, cue)
    ] + [
        (reading, f"{cue!r} right after the name")
        for reading in readings
        for cue in reading.after
        if _after_matches(after, cue)
    ]
    if local:
        decided = _single(local)
        return decided or Resolution("unknown", None, "cues right beside the name point different ways")
    shaped = [(reading, why) for reading in readings if (why := _person_by_shape(reading, before, after, is_known_name))]
    if shaped:
        decided = _single(shaped)
        if decided:
            return decided
    by_context = [
        (reading, f"{cue!r} in the context")
        for reading in readings
        for cue in reading.context
        if _in_context(before, cue) or _in_context(after, cue) or _in_long_context(context, cue)
    ]
    if by_context:
        decided = _single(by_context)
        return decided or Resolution("unknown", None, "the context holds cues for different readings")
    for reading in readings:
        if reading.default:
            return _outcome(reading, "the usual reading; nothing in the context points elsewhere")
    return Resolution("unknown", None, "nothing in the context decides")
