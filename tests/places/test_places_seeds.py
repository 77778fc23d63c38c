"""The place finder on the five real seed articles: facts checked by hand, and floors to only go up."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factories import SEEDS
from newsgraph.clean import clean_text
from newsgraph.places import PlaceMention, find_places

GEOCODED_SHARE_FLOOR = 0.95
ROLE_SHARES = {"participant": 0.5, "location": 0.2}


@pytest.fixture(scope="module")
def seed_places(nlp: Language) -> dict[str, tuple[str, list[PlaceMention]]]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    found = {}
    for path in paths:
        text = clean_text(path.read_text(encoding="utf-8")).text
        found[path.name[:3]] = (text, find_places(nlp(text)))
    return found


def everywhere(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> list[PlaceMention]:
    return [place for _, places in seed_places.values() for place in places]


def test_every_mention_points_at_its_words(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> None:
    for text, places in seed_places.values():
        assert places
        assert all(text[place.start : place.end] == place.text for place in places)


def test_nearly_every_place_is_geocoded(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> None:
    places = everywhere(seed_places)
    assert sum(place.lat is not None for place in places) / len(places) >= GEOCODED_SHARE_FLOOR


def test_places_are_mostly_actors_then_locations(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> None:
    places = everywhere(seed_places)
    for role, floor in ROLE_SHARES.items():
        assert sum(place.role == role for place in places) / len(places) >= floor


def test_washington_is_always_the_us_capital(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> None:
    washingtons = [place for place in everywhere(seed_places) if place.text == "Washington"]
    assert len(washingtons) >= 8
    assert {(place.kind, place.country, round(place.lat or 0)) for place in washingtons} == {("city", "USA", 39)}
    assert {place.role for place in washingtons} == {"location", "participant", "origin/affiliation"}


@pytest.mark.parametrize(
    ("seed", "words", "name", "country", "role"),
    [
        ("000", "North Korean capital", "Pyongyang", "PRK", "location"),
        ("001", "New York", "New York City", "USA", "location"),
        ("003", "Pyongyang International Airport", "Pyongyang International Airport", "PRK", "location"),
        ("003", "the Kumsusan Palace", "Kumsusan Palace", "PRK", "location"),
        ("003", "far east", "far east (Russia)", "RUS", "location"),
        ("004", "Kharkiv", "Kharkiv", "UKR", "location"),
        ("004", "St. Petersburg", "Saint Petersburg", "RUS", "location"),
    ],
)
def test_finds_the_places_where_things_happened(
    seed_places: dict[str, tuple[str, list[PlaceMention]]], seed: str, words: str, name: str, country: str, role: str
) -> None:
    matches = [place for place in seed_places[seed][1] if place.text == words]
    assert matches
    assert {(place.name, place.country, place.role) for place in matches} == {(name, country, role)}


def test_the_professor_in_honolulu_is_an_affiliation(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> None:
    honolulu = [place for place in seed_places["003"][1] if place.name == "Honolulu"]
    assert len(honolulu) == 2 and {place.role for place in honolulu} == {"origin/affiliation"}


def test_the_north_is_north_korea(seed_places: dict[str, tuple[str, list[PlaceMention]]]) -> None:
    norths = [place for place in everywhere(seed_places) if place.text == "North"]
    assert len(norths) >= 5 and {place.country for place in norths} == {"PRK"}
