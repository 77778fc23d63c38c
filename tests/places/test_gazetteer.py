"""The gazetteer: one key for the spellings of a name, cities by name, countries, capitals, areas."""

from __future__ import annotations

import pytest

from newsgraph.places.gazetteer import Gazetteer, load_gazetteer, place_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("St. Petersburg", "Saint Petersburg"),
        ("Düsseldorf", "Dusseldorf"),
        ("The Hague", "Hague"),
        ("Sankt-Peterburg", "sankt peterburg"),
        ("P'yongyang", "Pyongyang"),
        ("Vostochny \u0421osmodrome", "Vostochny Cosmodrome"),  # a Cyrillic letter inside the word
        ("SEOUL", "Seoul"),
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert place_key(one) == place_key(other)


@pytest.mark.parametrize(
    ("name", "city", "country"),
    [
        ("St. Petersburg", "Saint Petersburg", "RUS"),  # the largest namesake first
        ("Kiev", "Kyiv", "UKR"),  # an alternate name
        ("Peking", "Beijing", "CHN"),
        ("New York", "New York City", "USA"),
        ("Washington", "Washington", "USA"),
        ("MOSCOW", "Moscow", "RUS"),
    ],
)
def test_finds_cities_by_their_own_and_alternate_names(
    gazetteer: Gazetteer, name: str, city: str, country: str
) -> None:
    best = gazetteer.cities(name)[0].city
    assert (best.name, best.country) == (city, country)


def test_marks_only_the_real_capital_among_namesakes(gazetteer: Gazetteer) -> None:
    capitals = [match.city for match in gazetteer.cities("Washington") if match.city.capital]
    assert [(city.country, city.admin1) for city in capitals] == [("USA", "DC")]


def test_a_small_town_is_not_found_by_its_old_names(gazetteer: Gazetteer) -> None:
    # Hermiston, Oregon (about 17,000 people) lists "Maxwell" among its alternate names: a surname in news.
    assert not gazetteer.cities("Maxwell")
    assert gazetteer.cities("Hermiston")


@pytest.mark.parametrize(
    ("alpha3", "capital", "lat_range", "lon_range"),
    [
        ("PRK", "Pyongyang", (37.5, 43.0), (124.0, 131.0)),
        ("UKR", "Kyiv", (44.0, 52.5), (22.0, 40.5)),
        ("FJI", "Suva", (-21.0, -12.0), (177.0, 180.0)),  # across the 180th meridian: no average of longitudes
    ],
)
def test_a_country_has_its_capital_and_a_point_inside_it(
    gazetteer: Gazetteer, alpha3: str, capital: str, lat_range: tuple[float, float], lon_range: tuple[float, float]
) -> None:
    country = gazetteer.country(alpha3)
    found_capital = gazetteer.capital(alpha3)
    assert country is not None and found_capital is not None and found_capital.name == capital
    assert country.lat is not None and country.lon is not None
    assert lat_range[0] <= country.lat <= lat_range[1] and lon_range[0] <= country.lon <= lon_range[1]


@pytest.mark.parametrize(
    ("name", "kind", "has_point"),
    [
        ("Europe", "continent", True),
        ("asia", "continent", True),
        ("Texas", "us_state", False),
        ("Atlantis", None, False),
    ],
)
def test_knows_continents_and_us_states(gazetteer: Gazetteer, name: str, kind: str | None, has_point: bool) -> None:
    area = gazetteer.area(name)
    assert (area.kind if area else None) == kind
    assert (area is not None and area.lat is not None) == has_point


def test_loads_every_city_once_per_process() -> None:
    # Its speed is measured by `newsgraph bench`, not asserted here.
    assert len(load_gazetteer.__wrapped__()) > 30_000
    assert load_gazetteer() is load_gazetteer()


