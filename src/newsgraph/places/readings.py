"""What a place name refers to: a country, a city of the gazetteer, a continent, a US state, a region.

:class:`PlaceResolver` reads one name at a time, in this order, the most specific evidence first:

1. **The actor knowledge base** for countries and their other names ("U.S.", "DPRK", "the
   Russian Federation"), its regions ("Gaza", "Washington state") and the names only context can
   decide ("the North" is North Korea in a story about Korea; "Washington" is the US capital
   unless "state" is beside it; "Georgia" the country or the US state). A capital standing for its
   state ("Pyongyang") is read as the city; a government seat ("the Kremlin") as a facility.
2. **Continents** ("Europe", "Asia").
3. **US states** ("Texas", "Florida"): a state's name means the state, not a smaller namesake
   city abroad, unless a capital or a city of a million people bears it ("New York") and
   "state" is not beside it.
4. **Cities** of the gazetteer. When several share the name, each gets a score and the highest
   wins: the logarithm of its population (ten times larger is one point), plus
   :data:`OWN_NAME_BONUS` when the name is the city's own rather than an alternate one, plus
   :data:`CAPITAL_BONUS` for a national capital, plus up to :data:`CONTEXT_BONUS` for a country
   the article names (in proportion to how often, the most-named country getting the whole bonus;
   the caller's country hint counts as most-named). A qualifier in the text ("Paris, Texas",
   "Melbourne, Australia") keeps only the cities it fits.

A name none of these knows is not read here; the finder decides whether the recogniser's label
makes it a region.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

from newsgraph.actors.kb_records import Actor, Candidate
from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.places.gazetteer import City, CityMatch, Gazetteer
from newsgraph.places.mention import PlaceKind, Precision

__all__ = [
    "BIG_CITY",
    "OWN_NAME_BONUS",
    "CAPITAL_BONUS",
    "CONTEXT_BONUS",
    "Qualifier",
    "Reading",
    "CountryContext",
    "PlaceResolver",
]

OWN_NAME_BONUS = 1.5
"""Score for a city whose own name is the text, over one that only has it as an alternate name
(about thirty times the population)."""
CAPITAL_BONUS = 1.0
"""Score for a national capital (ten times the population)."""
CONTEXT_BONUS = 1.5
"""Score for a city in the country the article names most (less for countries named less)."""

BIG_CITY = 1_000_000
"""A US state's name means the state unless a capital or a city this large bears it ("New York")."""

_PLACE_ACTORS = frozenset({"country", "territory", "region"})


@dataclass(frozen=True)
class Qualifier:
    """What the text says right after a name to pin it down: ``Paris, Texas`` (``USA``, ``TX``),
    ``Amur region, Russia`` (``RUS``)."""

    country: str
    admin1: str | None = None


@dataclass(frozen=True)
class Reading:
    """One reading of a place name, before its role in the sentence is known."""

    name: str
    country: str | None
    kind: PlaceKind
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = None
    geonameid: int | None = None
    within: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class CountryContext:
    """How often an article names each country (by alpha-3 code), to choose between namesakes."""

    counts: Mapping[str, float]

    @classmethod
    def build(cls, countries: Iterable[str], hint: str | None = None) -> CountryContext:
        """Count ``countries`` (one entry per mention); a ``hint`` counts as the most named."""
        counts: Counter[str] = Counter(countries)
        if hint:
            counts[hint] += max(counts.values(), default=0) + 1
        return cls(MappingProxyType(dict(counts)))

    def weight(self, country: str) -> float:
        """Between 0 (never named) and 1 (the most named)."""
        top = max(self.counts.values(), default=0)
        return self.counts.get(country, 0) / top if top else 0.0

    def leading(self) -> str | None:
        """The most named country (the first named among equals), or None."""
        top = max(self.counts.values(), default=0)
        return next((code for code, count in self.counts.items() if count == top), None) if top else None


EMPTY_CONTEXT = CountryContext(MappingProxyType({}))


class PlaceResolver:
    """Reads place names against the gazetteer and the actor knowledge base (see the module doc)."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase) -> None:
        self.gazetteer = gazetteer
        self.kb = kb

    # -- building readings ---------------------------------------------------------------

    def country(self, alpha3: str, reason: str, fallback_name: str | None = None) -> Reading:
        """The reading of a whole country, with the point of its population centre; a country
        the gazetteer lacks is named ``fallback_name`` and has no point."""
        country = self.gazetteer.country(alpha3)
        if country is None or country.lat is None or country.lon is None:
            return Reading(fallback_name or alpha3, alpha3, "country", reason=reason)
        return Reading(
            country.name, alpha3, "country", country.lat, country.lon, "country", country.geonameid, reason=reason
        )

    def city(self, city: City, reason: str) -> Reading:
        """The reading of a gazetteer city, at its own point."""
        return Reading(city.name, city.country, "city", city.lat, city.lon, "city", city.geonameid, reason=reason)

    def inside(self, name: str, kind: PlaceKind, country: str | None, reason: str) -> Reading:
        """A place known only by its country (a region, a facility, a town the gazetteer lacks),
        at the country's point; without a country, without coordinates."""
        if country is None:
            return Reading(name, None, kind, reason=reason)
        point = self.country(country, reason)
        return replace(point, name=name, kind=kind, geonameid=None)

    def capital(self, alpha3: str, reason: str) -> Reading | None:
        """The reading of a country's capital, or None when the gazetteer has none for it."""
        city = self.gazetteer.capital(alpha3)
        return self.city(city, reason) if city else None

    # -- reading a name ------------------------------------------------------------------

    def read(
        self,
        text: str,
        *,
        before: str = "",
        after: str = "",
        context_text: str = "",
        countries: CountryContext = EMPTY_CONTEXT,
        qualifier: Qualifier | None = None,
    ) -> Reading | None:
        """What the place name ``text`` refers to, or None when it is not a place this resolver
        knows (or the knowledge base says it is a person's name or something else here).

        ``before``/``after`` are the words right beside the name, ``context_text`` the sentence or
        article around it (for the knowledge base's ambiguous names), ``countries`` how often the
        article names each country, ``qualifier`` what the text says right after the name: a
        city name is then read as the city of that country or state ("Paris, Texas"), and a name
        the gazetteer lacks as a small place in it; a name that is a country, or a city the
        qualifier fits no namesake of ("Seoul, Washington and others"), keeps its plain reading.
        """
        if qualifier is not None:
            plain = self.read(text, before=before, after=after, context_text=context_text, countries=countries)
            if plain is not None and (plain.kind != "city" or plain.country == qualifier.country):
                return plain
            qualified = self.best_city(text, countries, qualifier)
            if qualified is not None or plain is not None:
                return qualified or plain
            where = qualifier.admin1 or qualifier.country
            return self.inside(text, "city", qualifier.country, f"not in the gazetteer; the text places it in {where}")
        known = self.kb.lookup(text)
        if known:
            reading = self._from_knowledge(text, known, before, after, context_text)
            if reading is False:
                return None
            if reading is not None:
                return reading
        area = self.gazetteer.area(text)
        if area is not None and area.kind == "continent" and area.lat is not None and area.lon is not None:
            return Reading(
                area.name, None, "region", area.lat, area.lon, "region", area.geonameid, reason="a continent"
            )
        if area is not None and area.kind == "us_state":
            state_cue = after.lstrip().lower().startswith("state") or before.rstrip().lower().endswith("state of")
            if state_cue:
                return self.inside(area.name, "region", "USA", "a US state, with 'state' beside the name")
            if not self._has_big_city(text):
                why = "a US state (no capital or city of a million bears the name)"
                return self.inside(area.name, "region", "USA", why)
        return self.best_city(text, countries)

    def _has_big_city(self, text: str) -> bool:
        return any(m.city.capital or m.city.population >= BIG_CITY for m in self.gazetteer.cities(text))

    def _from_knowledge(
        self, text: str, known: list[Candidate], before: str, after: str, context_text: str
    ) -> Reading | Literal[False] | None:
        """A reading from the knowledge base; False when it says the name is no place here; None
        when it has nothing to say about places."""
        chosen: Candidate | None
        why = "the knowledge base's name"
        if any(candidate.ambiguous for candidate in known):
            resolution = self.kb.disambiguate(text, before, after, context_text)
            if resolution.reading in ("person", "other"):
                return False
            chosen = next((c for c in known if c.actor.id == resolution.actor_id), None)
            why = f"the knowledge base's reading: {resolution.reason}"
        else:
            chosen = known[0]
        if chosen is None or chosen.actor.type not in _PLACE_ACTORS or chosen.how in ("demonym", "surname"):
            return None
        actor = chosen.actor
        if chosen.how == "metonym":
            return self._metonym(text, actor, why)
        if actor.type == "region":
            return self.inside(actor.name, "region", actor.country, why)
        if actor.country is None:
            return None
        return self.country(actor.country, why, fallback_name=actor.name)

    def _metonym(self, text: str, actor: Actor, why: str) -> Reading:
        """A place standing for a state: its capital city, or a government seat (a facility)."""
        if actor.country is not None:
            for match in self.gazetteer.cities(text):
                if match.city.country == actor.country:
                    return self.city(match.city, f"{why}; the city in {actor.country}")
        name = text[4:] if text.lower().startswith("the ") else text
        return self.inside(name, "facility", actor.country, f"{why}; a seat of government")

    # -- choosing a city -----------------------------------------------------------------

    def best_city(self, text: str, countries: CountryContext, qualifier: Qualifier | None = None) -> Reading | None:
        """The likeliest of the cities called ``text`` (see the module doc for the score)."""
        matches = list(self.gazetteer.cities(text))
        if qualifier is not None:
            matches = [
                match
                for match in matches
                if match.city.country == qualifier.country and qualifier.admin1 in (None, match.city.admin1)
            ]
        if not matches:
            return None
        scored = sorted(matches, key=lambda match: -self.score(match, countries))
        best = scored[0]
        return self.city(best.city, self._why(best, len(scored), countries, qualifier))

    def score(self, match: CityMatch, countries: CountryContext) -> float:
        """The city's score for a name that may mean several cities."""
        city = match.city
        return (
            math.log10(max(city.population, 1000))
            + (OWN_NAME_BONUS if match.own_name else 0.0)
            + (CAPITAL_BONUS if city.capital else 0.0)
            + CONTEXT_BONUS * countries.weight(city.country)
        )

    def clear_without_context(self, text: str) -> str | None:
        """The country of the city ``text`` names when no article context could change the choice."""
        matches = self.gazetteer.cities(text)
        if not matches:
            return None
        scores = sorted((self.score(m, EMPTY_CONTEXT), m.city.country) for m in matches)
        best_score, best_country = scores[-1]
        rivals = [score for score, country in scores[:-1] if country != best_country]
        if rivals and best_score - max(rivals) <= CONTEXT_BONUS:
            return None
        return best_country

    def _why(self, best: CityMatch, count: int, countries: CountryContext, qualifier: Qualifier | None) -> str:
        city = best.city
        if count == 1:
            head = "the only gazetteer city of this name"
        else:
            head = f"the best of {count} gazetteer cities of this name"
        factors = [f"population {city.population:,}"]
        if not best.own_name:
            factors.append(f"an alternate name of {city.name}")
        if city.capital:
            factors.append("a national capital")
        if countries.weight(city.country):
            factors.append(f"{city.country} named in the article")
        if qualifier is not None:
            factors.append(f"the text names {qualifier.admin1 or qualifier.country} after it")
        return f"{head} ({'; '.join(factors)})"

    def qualifier(self, text: str) -> Qualifier | None:
        """The country or US state ``text`` names, as a qualifier for the name before it."""
        area = self.gazetteer.area(text)
        if area is not None and area.kind == "us_state":
            return Qualifier("USA", area.code)
        known = [c for c in self.kb.lookup(text) if not c.ambiguous and c.how in ("name", "alias")]
        if len(known) == 1 and known[0].actor.type in ("country", "territory") and known[0].actor.country:
            return Qualifier(known[0].actor.country)
        return None

    def is_big_city(self, text: str, min_population: int) -> bool:
        """Whether ``text`` names a capital (by any of its names) or is the own name of a city of
        ``min_population`` people or more."""
        return any(
            m.city.capital or (m.own_name and m.city.population >= min_population) for m in self.gazetteer.cities(text)
        )
