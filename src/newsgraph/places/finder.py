"""Finding the places an article names, reading each against the gazetteer, and giving each its role.

:func:`find_places` works in four steps:

1. find the stretches that may name places (:mod:`newsgraph.places.spans`);
2. read each one with no context, and count the countries the article names: every country,
   every city whose reading no context could change, every region or facility whose country the
   phrase gives, every demonym ("North Korean"), and the caller's hint as the most named;
3. read again, with those counts, the city names that several cities share
   (:mod:`newsgraph.places.readings` gives the score), and place the facilities: in the city
   their name or the text right after it gives ("Pyongyang International Airport", "the
   palace in Pyongyang"), else in the country their name gives ("the Kremlin"), else in the
   country of the article's cities (the one most of its named cities are in), else in the
   article's most named country; a region gets a country only when the text gives one ("Amur
   region, Russia", "Russia's far east", "the Russian Far East");
4. give each place its role in its sentence (:mod:`newsgraph.places.roles`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.nlp import doc_text
from newsgraph.places._lexicon import US_STATE_ABBREVIATIONS
from newsgraph.places.gazetteer import load_gazetteer
from newsgraph.places.mention import PlaceKind, PlaceMention, PlaceRole
from newsgraph.places.readings import EMPTY_CONTEXT, CountryContext, PlaceResolver, Qualifier, Reading
from newsgraph.places.roles import decide_role
from newsgraph.places.spans import PlaceSpan, find_place_spans, has_region_shape, without_article
from newsgraph.registry import stage_spec

__all__ = ["PLACES_VERSION", "find_places", "default_resolver"]

PLACES_VERSION = stage_spec("places").name
"""The name and version of this place finder, stored with what it finds (declared in
:data:`newsgraph.registry.STAGES`)."""

# How much text on each side of a name the knowledge base's cue rules see ("state of ...").
_BESIDE_CHARS = 60


@lru_cache(maxsize=1)
def default_resolver() -> PlaceResolver:
    """The resolver over the packaged gazetteer and knowledge base, built once per process."""
    return PlaceResolver(load_gazetteer(), load_knowledge_base())


def _name(span: Span) -> str:
    return without_article(span).text


def _continues_a_list(doc: Doc, index: int, spans: Sequence[PlaceSpan]) -> bool:
    """Whether the text at token ``index`` goes on with another item: "and", "or", or a comma
    before another place or "and"."""
    if index >= len(doc):
        return False
    word = doc[index].lower_
    if word in ("and", "or", "&"):
        return True
    if word == "," and index + 1 < len(doc):
        return doc[index + 1].lower_ in ("and", "or") or any(span.start == index + 1 for span in spans)
    return False


def _qualifier(doc: Doc, span: PlaceSpan, spans: Sequence[PlaceSpan], resolver: PlaceResolver) -> Qualifier | None:
    """The country or US state named right after the place, after a comma or in brackets, unless
    the two are items of a list ("Iran, North Korea and China")."""
    if span.end >= len(doc) or doc[span.end].text not in (",", "("):
        return None
    if span.end + 1 < len(doc) and doc[span.end + 1].text in US_STATE_ABBREVIATIONS:
        return Qualifier("USA", US_STATE_ABBREVIATIONS[doc[span.end + 1].text])
    following = next((other for other in spans if other.start == span.end + 1), None)
    if following is None:
        return None
    if _continues_a_list(doc, following.end, spans):
        return None
    return resolver.qualifier(doc[following.start : following.end].text)


class _Reader:
    """Reads the spans of one doc (steps 2 and 3 of the module doc)."""

    def __init__(self, doc: Doc, spans: Sequence[PlaceSpan], resolver: PlaceResolver, hint: str | None) -> None:
        self.doc, self.spans, self.resolver, self.hint = doc, spans, resolver, hint
        self.text = doc_text(doc)
        self.qualifiers = [_qualifier(doc, span, spans, resolver) for span in spans]

    def read_all(self) -> list[Reading | None]:
        first = [self._read(index, EMPTY_CONTEXT) for index in range(len(self.spans))]
        countries = CountryContext.build(self._named_countries(first), self.hint)
        second = [
            self._read(index, countries)
            if reading is not None and self._depends_on_context(index, reading)
            else reading
            for index, reading in enumerate(first)
        ]
        return self._place_facilities(second, countries)

    def _text(self, index: int) -> str:
        span = self.spans[index]
        return _name(self.doc[span.start : span.end])

    def _depends_on_context(self, index: int, reading: Reading) -> bool:
        span = self.spans[index]
        return (
            reading.kind == "city"
            and not span.capital
            and self.resolver.clear_without_context(self._text(index)) is None
        )

    def _named_countries(self, readings: Sequence[Reading | None]) -> list[str]:
        named = [
            reading.country
            for index, reading in enumerate(readings)
            if reading is not None and reading.country and not self._depends_on_context(index, reading)
        ]
        for entity in self.doc.ents:
            if entity.label_ == "NORP":
                country = self.resolver.kb.country_of_demonym(entity.text)
                if country:
                    named.append(country)
        return named

    def _read(self, index: int, countries: CountryContext) -> Reading | None:
        span, resolver = self.spans[index], self.resolver
        tokens = self.doc[span.start : span.end]
        text = _name(tokens)
        qualifier = self.qualifiers[index]
        if span.capital and span.country:
            return resolver.capital(span.country, f"the capital of {span.country}, as the phrase says")
        if span.shape == "facility":
            return resolver.inside(text, "facility", span.country, "a facility, by its name")
        before = self.text[max(0, tokens.start_char - _BESIDE_CHARS) : tokens.start_char]
        after = self.text[tokens.end_char : tokens.end_char + _BESIDE_CHARS]
        if span.shape != "region":
            reading = resolver.read(
                text, before=before, after=after, context_text=self.text, countries=countries, qualifier=qualifier
            )
            if reading is not None or not has_region_shape(without_article(tokens), resolver):
                return reading
        else:
            known = resolver.read(text, before=before, after=after, context_text=self.text)
            if known is not None and known.kind == "region":
                return known
        country = (
            span.country
            or (qualifier.country if qualifier else None)
            or self._demonym_inside(tokens)
            or self._country_inside(tokens)
        )
        if country is not None and span.source == "a part of a country":
            gazetteer_country = resolver.gazetteer.country(country)
            text = f"{text} ({gazetteer_country.name if gazetteer_country else country})"
        why = "a region, by its name" + (f"; in {country}, as the text says" if country else "; no country given")
        return resolver.inside(text, "region", country, why)

    def _country_inside(self, tokens: Span) -> str | None:
        """The country a region's name ends with: "West Germany", "Southern Michigan"."""
        words = without_article(tokens)
        if len(words) < 2:
            return None
        reading = self.resolver.read(words[1:].text)
        return reading.country if reading is not None else None

    def _demonym_inside(self, tokens: Span) -> str | None:
        for token in tokens:
            country = self.resolver.kb.country_of_demonym(token.text)
            if country:
                return country
        return None

    def _place_facilities(self, readings: list[Reading | None], countries: CountryContext) -> list[Reading | None]:
        city_countries = Counter(r.country for r in readings if r is not None and r.kind == "city" and r.country)
        local = CountryContext.build(city_countries.elements(), self.hint)
        placed = list(readings)
        for index, reading in enumerate(readings):
            if reading is None or reading.kind != "facility" or reading.lat is not None:
                continue
            placed[index] = self._place_facility(index, reading, readings, countries, local)
        return placed

    def _place_facility(
        self,
        index: int,
        reading: Reading,
        readings: Sequence[Reading | None],
        countries: CountryContext,
        local: CountryContext,
    ) -> Reading:
        span, resolver = self.spans[index], self.resolver
        tokens = self.doc[span.start : span.end]
        words = [token for token in tokens if token.lower_ != "the"]
        for length in range(len(words) - 1, 0, -1):
            prefix = self.doc[words[0].i : words[0].i + length].text
            if not resolver.is_big_city(prefix, 0):
                continue
            city = resolver.best_city(prefix, countries)
            if city is not None:
                return self._within(reading, city, f"a facility named after the city {city.name}")
        following = self._place_after(index, readings)
        if following is not None:
            return self._within(reading, following, f"a facility the text places in {following.name}")
        known = resolver.read(reading.name)
        if known is not None and known.country:
            return resolver.inside(reading.name, "facility", known.country, known.reason)
        country = self._demonym_inside(tokens)
        why = "a facility; its country named in its phrase"
        if country is None:
            country, why = local.leading(), "a facility; in the country of most of the article's cities"
        if country is None:
            country, why = countries.leading(), "a facility; in the article's most named country"
        return resolver.inside(reading.name, "facility", country, why)

    @staticmethod
    def _within(facility: Reading, place: Reading, reason: str) -> Reading:
        """The facility at the point of the place that holds it."""
        return replace(
            facility,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            precision=place.precision,
            within=place.name,
            reason=reason,
        )

    def _place_after(self, index: int, readings: Sequence[Reading | None]) -> Reading | None:
        """The city or country the text names right after a facility ("... in Pyongyang", "..., Russia")."""
        span = self.spans[index]
        if index + 1 >= len(self.spans) or readings[index + 1] is None:
            return None
        following = self.spans[index + 1]
        between = self.doc[span.end : following.start]
        if len(between) == 0 or between[0].lower_ not in ("in", ",", "near", "outside"):
            return None
        if any(token.pos_ not in ("DET", "ADJ", "ADV") for token in between[1:]):
            return None
        reading = readings[index + 1]
        if reading is not None and reading.kind in ("city", "country", "region") and reading.country:
            return reading
        return None


def _roles(doc: Doc, spans: Sequence[PlaceSpan], kinds: Sequence[PlaceKind]) -> list[tuple[PlaceRole, str]]:
    """Each place's role, a place that follows another (a conjunct, an apposition) taking that
    one's role, with the chain of reasons."""
    places = {token: index for index, span in enumerate(spans) for token in range(span.start, span.end)}
    decisions = [
        decide_role(doc[span.start : span.end], kinds[index], places, index) for index, span in enumerate(spans)
    ]
    roles: list[tuple[PlaceRole, str]] = []
    for index, decision in enumerate(decisions):
        seen = {index}
        current = decision
        reasons = []
        while current.role is None and current.follows is not None and current.follows not in seen:
            reasons.append(current.reason)
            seen.add(current.follows)
            current = decisions[current.follows]
        if current.role is None:
            roles.append(("location", "; ".join(reasons + ["no syntactic role: a place named on its own"])))
        else:
            roles.append((current.role, "; ".join(reasons + [current.reason])))
    return roles


def find_places(doc: Doc, country_hint: str | None = None, resolver: PlaceResolver | None = None) -> list[PlaceMention]:
    """Every place ``doc`` names, in text order, with its canonical name, country, coordinates,
    kind and role (see :class:`~newsgraph.places.mention.PlaceMention`).

    ``doc`` is a clean article body parsed by :func:`newsgraph.nlp.load_nlp` (tagger, parser and
    entity recogniser). ``country_hint`` is the alpha-3 code of a country the caller knows the
    article is about or from (a dateline's country, the outlet's); it counts as the article's most
    named country when namesakes are weighed. ``resolver`` reads names against the gazetteer and
    the knowledge base (default: :func:`default_resolver`'s, over the packaged ones).
    """
    if resolver is None:
        resolver = default_resolver()
    spans = find_place_spans(doc, resolver)
    readings = _Reader(doc, spans, resolver, country_hint).read_all()
    kept = [(span, reading) for span, reading in zip(spans, readings) if reading is not None]
    roles = _roles(doc, [span for span, _ in kept], [reading.kind for _, reading in kept])
    mentions = []
    for (span, reading), (role, role_reason) in zip(kept, roles):
        tokens = doc[span.start : span.end]
        mentions.append(
            PlaceMention(
                start=tokens.start_char,
                end=tokens.end_char,
                text=tokens.text,
                name=reading.name,
                country=reading.country,
                lat=reading.lat,
                lon=reading.lon,
                kind=reading.kind,
                role=role,
                precision=reading.precision,
                geonameid=reading.geonameid,
                within=reading.within,
                reading_reason=f"{span.source}; {reading.reason}",
                role_reason=role_reason,
            )
        )
    return mentions
