"""Reading a place name: the knowledge base's countries and ambiguous names, continents, cities
weighed by population, capital and the article's countries, qualifiers, US states."""

from __future__ import annotations

import pytest

from newsgraph.places.finder import default_resolver
from newsgraph.places.readings import CountryContext, PlaceResolver, Qualifier


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return default_resolver()


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("U.S.", "United States", "country", "USA"),
        ("DPRK", "North Korea", "country", "PRK"),
        ("the Russian Federation", "Russia", "country", "RUS"),
        ("Pyongyang", "Pyongyang", "city", "PRK"),  # a capital standing for its state is still the city
        ("Kremlin", "Kremlin", "facility", "RUS"),  # a seat of government
        ("Gaza", "Gaza Strip", "region", "PSE"),
        ("Europe", "Europe", "region", None),
        ("Florida", "Florida", "region", "USA"),  # the state, not the smaller Cuban town
        ("New York", "New York City", "city", "USA"),  # a city of millions keeps the name
        ("Kharkiv", "Kharkiv", "city", "UKR"),
        ("Melbourne", "Melbourne", "city", "AUS"),
    ],
)
def test_reads_a_name_without_context(
    resolver: PlaceResolver, text: str, name: str, kind: str, country: str | None
) -> None:
    reading = resolver.read(text)
    assert reading is not None
    assert (reading.name, reading.kind, reading.country) == (name, kind, country)


@pytest.mark.parametrize(
    ("text", "before", "after", "context", "expected"),
    [
        ("Washington", "", " warned Moscow", "", ("city", "USA", "Washington")),
        ("Washington", "", " state lawmakers voted", "", ("region", "USA", "Washington (state)")),
        ("Georgia", "", " said", "Talks in Tbilisi", ("country", "GEO", "Georgia")),
        ("Georgia", "", " said", "a plant near Atlanta", ("region", "USA", "Georgia (US state)")),
        ("North", "the ", " fired", "tension with Pyongyang", ("country", "PRK", "North Korea")),
    ],
)
def test_lets_context_decide_an_ambiguous_name(
    resolver: PlaceResolver, text: str, before: str, after: str, context: str, expected: tuple[str, str, str]
) -> None:
    reading = resolver.read(text, before=before, after=after, context_text=context)
    assert reading is not None
    assert (reading.kind, reading.country, reading.name) == expected


def test_the_north_outside_a_korean_story_is_no_place(resolver: PlaceResolver) -> None:
    assert resolver.read("North", before="the ", after=" voted", context_text="Floods hit the region") is None


@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        ([], "RUS"),  # five million people against a quarter of a million
        (["RUS", "UKR"], "RUS"),
        (["USA", "USA"], "USA"),  # an American story: the Florida city
    ],
)
def test_weighs_namesakes_with_the_countries_the_article_names(
    resolver: PlaceResolver, countries: list[str], expected: str
) -> None:
    reading = resolver.read("St. Petersburg", countries=CountryContext.build(countries))
    assert reading is not None and reading.country == expected


def test_a_hint_counts_as_the_most_named_country(resolver: PlaceResolver) -> None:
    reading = resolver.read("St. Petersburg", countries=CountryContext.build([], hint="USA"))
    assert reading is not None and reading.country == "USA"


@pytest.mark.parametrize(
    ("text", "qualifier", "country", "precision"),
    [
        ("Paris", Qualifier("USA", "TX"), "USA", "city"),
        ("Moscow", Qualifier("USA", "ID"), "USA", "city"),
        ("Smallville", Qualifier("USA", "KS"), "USA", "country"),  # not in the gazetteer: placed in its country
        ("Seoul", Qualifier("USA", "WA"), "KOR", "city"),  # a qualifier that fits no namesake is ignored
    ],
)
def test_a_qualifier_pins_the_city_down(
    resolver: PlaceResolver, text: str, qualifier: Qualifier, country: str, precision: str
) -> None:
    reading = resolver.read(text, qualifier=qualifier)
    assert reading is not None
    assert (reading.country, reading.precision) == (country, precision)


def test_a_country_sits_at_its_population_centre_and_a_city_at_its_own_point(resolver: PlaceResolver) -> None:
    country = resolver.read("Ukraine")
    city = resolver.read("Kharkiv")
    assert country is not None and city is not None
    assert (country.precision, city.precision) == ("country", "city")
    assert (round(city.lat or 0), round(city.lon or 0)) == (50, 36)


@pytest.mark.parametrize(("text", "country"), [("Russia", "RUS"), ("Texas", "USA"), ("Korea", None), ("Moscow", None)])
def test_only_a_country_or_a_us_state_qualifies_a_name(resolver: PlaceResolver, text: str, country: str | None) -> None:
    qualifier = resolver.qualifier(text)
    assert (qualifier.country if qualifier else None) == country


def test_reasons_say_which_rule_decided(resolver: PlaceResolver) -> None:
    reading = resolver.read("St. Petersburg", countries=CountryContext.build(["RUS"]))
    assert reading is not None
    assert "best of 2" in reading.reason and "RUS named in the article" in reading.reason
