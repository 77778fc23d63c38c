"""Finding places in a parsed text: what each names, where it is, and what is not a place."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.places import PlaceMention

PlaceIn = Callable[..., PlaceMention]
PlacesOf = Callable[..., list[PlaceMention]]


@pytest.mark.parametrize(
    ("sentence", "words", "name", "country", "kind"),
    [
        ("The leaders met in the Mongolian capital on Sunday.", "Mongolian capital", "Ulan Bator", "MNG", "city"),
        ("Delegates met in St. Petersburg for the Russian forum.", "St. Petersburg", "Saint Petersburg", "RUS", "city"),
        ("Washington state lawmakers passed the bill.", "Washington state", "Washington (state)", "USA", "region"),
        ("The senator flew back to Washington on Monday.", "Washington", "Washington", "USA", "city"),
        ("A new plant opened in Paris, Texas, on Monday.", "Paris", "Paris", "USA", "city"),
        ("The firm moved its offices to Kiev in March.", "Kiev", "Kyiv", "UKR", "city"),
        ("Farmers in the Amur region, Russia, lost their harvest.", "Amur region", "Amur region", "RUS", "region"),
        ("Power cuts spread across Russia's far east.", "far east", "far east (Russia)", "RUS", "region"),
        ("Storms battered the Korean Peninsula overnight.", "the Korean Peninsula", "Korean Peninsula", None, "region"),
        ("Trade with Western Europe fell by a tenth.", "Western Europe", "Western Europe", None, "region"),
        ("Exports from West Germany rose.", "West Germany", "West Germany", "DEU", "region"),
        ("The DPRK fired two rockets.", "DPRK", "North Korea", "PRK", "country"),
    ],
)
def test_reads_each_place(
    place_in: PlaceIn, sentence: str, words: str, name: str, country: str | None, kind: str
) -> None:
    place = place_in(sentence, words)
    assert (place.name, place.country, place.kind) == (name, country, kind)


@pytest.mark.parametrize(
    ("sentence", "words", "country", "within"),
    [
        ("The plane landed at Pyongyang International Airport.", "Pyongyang International Airport", "PRK", "Pyongyang"),
        ("Guests stayed at the Grand Palace in Bangkok.", "the Grand Palace", "THA", "Bangkok"),
        ("Protesters gathered outside the Kremlin.", "Kremlin", "RUS", None),
    ],
)
def test_places_a_facility_in_the_city_or_country_the_text_gives(
    place_in: PlaceIn, sentence: str, words: str, country: str, within: str | None
) -> None:
    place = place_in(sentence, words)
    assert (place.kind, place.country, place.within) == ("facility", country, within)
    assert place.precision == ("city" if within else "country")


def test_a_facility_with_no_city_takes_the_country_of_the_articles_cities(place_in: PlaceIn) -> None:
    text = (
        "Kim welcomed the guest in Pyongyang. Crowds lined the roads of Pyongyang.\n\n"
        "Later the two men held talks at the Ryugyong Guest House."
    )
    place = place_in(text, "the Ryugyong Guest House")
    assert (place.kind, place.country, place.precision, place.within) == ("facility", "PRK", "country", None)


def test_a_facility_with_no_context_has_no_coordinates(place_in: PlaceIn) -> None:
    place = place_in("Talks were held at the Kumgang Guest House.", "the Kumgang Guest House")
    assert (place.country, place.lat, place.lon, place.precision) == (None, None, None, None)


@pytest.mark.parametrize(
    ("text", "hint", "country"),
    [
        ("Crowds filled the streets of St. Petersburg.", None, "RUS"),
        ("Crowds filled the streets of St. Petersburg.", "USA", "USA"),
        ("Florida officials said crowds filled the streets of St. Petersburg after the game in Tampa.", None, "USA"),
    ],
)
def test_the_articles_countries_and_the_hint_choose_between_namesakes(
    place_in: PlaceIn, text: str, hint: str | None, country: str
) -> None:
    assert place_in(text, "St. Petersburg", hint).country == country


@pytest.mark.parametrize(
    "sentence",
    [
        "Lami Kim, a scholar, wrote the report.",  # Lami is a town in Fiji, but here a given name
        "The firm raised its West German share capital.",  # capital as money
        "Maxwell said the plan would fail.",  # an old name of an Oregon town
        "Dallas Green joined the board.",
    ],
)
def test_people_and_money_are_not_places(places_of: PlacesOf, sentence: str) -> None:
    assert places_of(sentence) == []


def test_mentions_point_at_their_words(places_of: PlacesOf) -> None:
    text = "Ministers from Chile and Peru met in Lima.\n\nLater they flew to Quito."
    places = places_of(text)
    assert [place.text for place in places] == ["Chile", "Peru", "Lima", "Quito"]
    assert all(text[place.start : place.end] == place.text for place in places)


def test_a_possessive_is_left_out_of_the_words(places_of: PlacesOf) -> None:
    places = places_of("Norway's fishing fleet stayed in port.")
    assert [(place.text, place.name) for place in places] == [("Norway", "Norway")]


def test_every_mention_says_how_it_was_read(place_in: PlaceIn) -> None:
    place = place_in("Crowds filled the streets of St. Petersburg.", "St. Petersburg")
    assert place.reading_reason.startswith("recognised as GPE; the best of 2 gazetteer cities")
