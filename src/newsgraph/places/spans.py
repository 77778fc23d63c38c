"""Where a parsed article names places: the stretches of tokens worth reading as places.

Five sources, the longest stretch winning where they overlap:

- the recogniser's places (``GPE``, ``LOC``, ``FAC``), and its organisations that the knowledge
  base knows as countries ("DPRK") or that end in a facility word ("the Kumsusan State Guest
  House"); an embassy or ministry is an actor, not a place, and is left out;
- runs of proper nouns the recogniser missed that end in a facility word ("Vostochny
  Cosmodrome") or a region word ("Gyeonggi Province"), or that are a country's name or the own
  name of a capital or a city of a million people ("Kyiv"); the same names labelled as
  organisations ("Minsk supplied ..."); smaller cities missed by the
  recogniser are taken only right after a preposition of place ("near Donetsk", cities of
  100,000 people or more), as elsewhere their names are too often people's;
- a name followed by a region word it governs, taken together ("Amur region", "Kursk oblast");
- "the <demonym> capital" and "<country>'s capital" ("the North Korean capital");
- a compass direction owned by a country ("Russia's far east", "the Russian far east").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import doc_tokens
from newsgraph.places._lexicon import (
    ADMINISTRATIVE_NOUNS,
    COMPASS,
    DIRECTIONAL_PREPOSITIONS,
    FACILITY_HEAD_PAIRS,
    FACILITY_HEADS,
    LOCATIVE_PREPOSITIONS,
    ORGANISATION_NOUNS,
    REGION_FIRST_WORDS,
    REGION_MODIFIERS,
    REGION_NOUNS,
)
from newsgraph.places.mention import PlaceKind
from newsgraph.places.readings import BIG_CITY, PlaceResolver

__all__ = [
    "CITY_AFTER_PREPOSITION",
    "PlaceSpan",
    "find_place_spans",
    "has_region_shape",
    "is_facility_name",
    "without_article",
]

CITY_AFTER_PREPOSITION = 100_000
"""A city the recogniser missed right after "in", "near", "to", ... is taken from this size."""

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | DIRECTIONAL_PREPOSITIONS


@dataclass(frozen=True)
class PlaceSpan:
    """Tokens ``start``..``end`` of a doc that may name a place.

    ``shape`` is what the words alone say the place is (``facility``, ``region``), or None;
    ``country`` the country the phrase itself names ("the North Korean capital", "Russia's far
    east"); ``capital`` is true for a phrase naming a country's capital; ``source`` says which
    rule found it.
    """

    start: int
    end: int
    source: str
    shape: PlaceKind | None = None
    country: str | None = None
    capital: bool = False


def is_facility_name(tokens: Span) -> bool:
    """Whether a name ends in a facility word ("... Airport", "... Guest House")."""
    if len(tokens) == 0:
        return False
    last = tokens[-1].lower_
    if last in FACILITY_HEADS:
        return len(tokens) > 1 or last in ("kremlin", "pentagon")
    return len(tokens) > 1 and (tokens[-2].lower_, last) in FACILITY_HEAD_PAIRS


def has_region_shape(name: Span, resolver: PlaceResolver) -> bool:
    """Whether an unknown name is shaped like a region's: it ends in a region word ("the Gulf of
    Mexico" ends in a known name, so: it starts with one, "Lake Michigan"), it is a compass
    direction ("the Northeast", "the Middle East"), or a direction or "Latin" before a known name
    ("Western Europe", "Latin America", "Southern Michigan")."""
    if len(name) == 0:
        return False
    first, last = name[0].lower_, name[-1].lower_
    if last in REGION_NOUNS or last in COMPASS or first in REGION_FIRST_WORDS:
        return True
    rest = name[1:]
    if first not in REGION_MODIFIERS or len(rest) == 0:
        return False
    return bool(resolver.kb.lookup(rest.text) or resolver.read(rest.text))


def without_article(span: Span) -> Span:
    """The name without a leading "the"."""
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def _region_extension(span: Span, resolver: PlaceResolver) -> Span:
    """The name with the region word right after it ("Amur" + "region", "Washington" + "state");
    "state" only after a name that is not a country's ("Russia state media" is not a region)."""
    doc = span.doc
    if span.end < len(doc):
        following = doc[span.end]
        is_country = resolver.qualifier(span.text) is not None and resolver.gazetteer.area(span.text) is None
        if following.lower_ == "state" and is_country:
            return span
        if following.lower_ in REGION_NOUNS and not following.ent_type_:
            return doc[span.start : span.end + 1]
    return span


def _without_possessive(span: Span) -> Span:
    """The name without its possessive ending ("North Korea's" gives "North Korea")."""
    if len(span) > 1 and span[-1].lower_ in ("'s", "’s", "'", "’"):
        return Span(span.doc, span.start, span.end - 1, label=span.label)
    return span


def _from_entities(doc: Doc, resolver: PlaceResolver) -> list[PlaceSpan]:
    found = []
    for entity in map(_without_possessive, doc.ents):
        name = without_article(entity)
        following = doc[entity.end] if entity.end < len(doc) else None
        if entity.label_ not in _PLACE_LABELS and following is not None and following.text in ADMINISTRATIVE_NOUNS:
            found.append(PlaceSpan(entity.start, entity.end + 1, f"{entity.label_} + region word", "region"))
        elif entity.label_ in _PLACE_LABELS:
            if entity.root.lower_ in ORGANISATION_NOUNS:
                continue
            extended = _region_extension(entity, resolver)
            if extended.end != entity.end:
                found.append(PlaceSpan(extended.start, extended.end, f"{entity.label_} + region word", "region"))
            elif is_facility_name(name):
                found.append(PlaceSpan(entity.start, entity.end, f"recognised as {entity.label_}", "facility"))
            elif entity.label_ == "FAC":
                continue  # a name without a facility word: a product, a ship, a road number
            else:
                found.append(PlaceSpan(entity.start, entity.end, f"recognised as {entity.label_}"))
        elif entity.label_ == "ORG":
            if is_facility_name(name):
                found.append(PlaceSpan(entity.start, entity.end, "organisation named after a facility", "facility"))
            elif resolver.qualifier(entity.text) is not None or resolver.is_big_city(name.text, BIG_CITY):
                why = "organisation label on a country's or a large city's name"
                found.append(PlaceSpan(entity.start, entity.end, why))
    return found


def _proper_runs(doc: Doc) -> list[Span]:
    runs, start = [], None
    for token in doc_tokens(doc):
        inside = token.pos_ == "PROPN" and not token.ent_type_
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


def _from_proper_nouns(doc: Doc, resolver: PlaceResolver) -> list[PlaceSpan]:
    found = []
    for run in _proper_runs(doc):
        if run.text.isupper():
            # a heading in capitals: the tagger calls every word a proper noun there
            if resolver.qualifier(run.text) is not None or resolver.is_big_city(run.text, BIG_CITY):
                found.append(PlaceSpan(run.start, run.end, "proper noun naming a country or a large city"))
        elif is_facility_name(run):
            found.append(PlaceSpan(run.start, run.end, "proper noun ending in a facility word", "facility"))
        elif len(run) > 1 and run[-1].lower_ in REGION_NOUNS:
            found.append(PlaceSpan(run.start, run.end, "proper noun ending in a region word", "region"))
        elif _region_extension(run, resolver).end != run.end:
            found.append(PlaceSpan(run.start, run.end + 1, "proper noun + region word", "region"))
        elif resolver.qualifier(run.text) is not None or resolver.is_big_city(run.text, BIG_CITY):
            found.append(PlaceSpan(run.start, run.end, "proper noun naming a country or a large city"))
        elif _after_place_preposition(run) and resolver.is_big_city(run.text, CITY_AFTER_PREPOSITION):
            found.append(PlaceSpan(run.start, run.end, "proper noun naming a city, after a preposition of place"))
    return found


def _after_place_preposition(run: Span) -> bool:
    return run.start > 0 and run.doc[run.start - 1].lower_ in _PLACE_PREPOSITIONS


def _modifier_span(head: Token) -> Span | None:
    """The modifiers left of ``head`` (without a determiner), or None when there are none."""
    left = [token for token in head.subtree if token.i < head.i]
    while left and left[0].dep_ == "det":
        left = left[1:]
    if not left:
        return None
    return head.doc[left[0].i : head.i]


def _phrase_country(modifiers: Span, resolver: PlaceResolver) -> str | None:
    """The country that the modifiers of "capital" are, in full: a demonym ("North Korean") or an
    owner ("Russia's"); None for anything more ("West German nominal share capital" is money)."""
    text = modifiers.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return _country(resolver, text[: -len(suffix)])
    return resolver.kb.country_of_demonym(text)


def _from_phrases(doc: Doc, resolver: PlaceResolver) -> list[PlaceSpan]:
    found = []
    for token in doc_tokens(doc):
        if token.lemma_ == "capital" and token.pos_ == "NOUN":
            modifiers = _modifier_span(token)
            country = _phrase_country(modifiers, resolver) if modifiers is not None else None
            if modifiers is not None and country is not None:
                found.append(
                    PlaceSpan(modifiers.start, token.i + 1, "a country's capital", "city", country, capital=True)
                )
        elif token.lower_ in COMPASS and token.text.islower() and token.pos_ in ("NOUN", "PROPN"):
            owner = next((child for child in token.children if child.dep_ == "poss"), None)
            describing = [child for child in token.children if child.dep_ in ("amod", "compound") and child.i < token.i]
            country = _country(resolver, doc[owner.left_edge.i : owner.i + 1].text) if owner is not None else None
            for child in describing:
                country = country or resolver.kb.country_of_demonym(child.text)
            if country is not None:
                start = min([child.i for child in describing if child.i > (owner.i if owner else -1)] + [token.i])
                found.append(PlaceSpan(start, token.i + 1, "a part of a country", "region", country))
    return found


def _country(resolver: PlaceResolver, text: str) -> str | None:
    qualifier = resolver.qualifier(text)
    return qualifier.country if qualifier else None


def find_place_spans(doc: Doc, resolver: PlaceResolver) -> list[PlaceSpan]:
    """The stretches of ``doc`` that may name places, in text order, none overlapping another."""
    candidates = _from_phrases(doc, resolver) + _from_entities(doc, resolver) + _from_proper_nouns(doc, resolver)
    chosen: list[PlaceSpan] = []
    taken: set[int] = set()
    for candidate in sorted(candidates, key=lambda span: (span.start - span.end, span.start)):
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        chosen.append(candidate)
    return sorted(chosen, key=lambda span: span.start)
