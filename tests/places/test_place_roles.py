"""The role of a place in its sentence: where something happened, an actor, or where someone is from."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.places import PlaceMention

PlaceIn = Callable[..., PlaceMention]

LOCATION = [
    ("Officials met in Hanoi on Friday to discuss trade.", "Hanoi"),
    ("The talks took place at the Blue House on Monday.", "the Blue House"),
    ("The prime minister will visit Canberra next month.", "Canberra"),
    ("The envoy's trip to Caracas was cancelled.", "Caracas"),
    ("After Jakarta, the minister will fly to Manila.", "Jakarta"),
    ("After Jakarta, the minister will fly to Manila.", "Manila"),
    ("He spoke at a conference held in Vienna.", "Vienna"),
    ("Cargo ships left Odesa for Istanbul.", "Odesa"),
    ("Cargo ships left Odesa for Istanbul.", "Istanbul"),
    ("Shells landed near Donetsk overnight.", "Donetsk"),
    ("Fighting spread across Ukraine's east last week.", "east"),
    ("A rocket was launched from the Sohae Satellite Launching Station.", "the Sohae Satellite Launching Station"),
    ("Tensions on the Korean Peninsula rose again.", "the Korean Peninsula"),
    ("Officials said plans for the minister's visit to Laos as well as to Cambodia were ready.", "Cambodia"),
]
PARTICIPANT = [
    ("Pyongyang has denied the reports.", "Pyongyang"),
    ("Washington warned that the sanctions would stay.", "Washington"),
    ("Seoul and Tokyo agreed to share intelligence.", "Tokyo"),
    ("Minsk supplied fuel to Moscow.", "Minsk"),
    ("Minsk supplied fuel to Moscow.", "Moscow"),
    ("Sanctions on Tehran were tightened.", "Tehran"),
    ("Beijing's support for the plan surprised diplomats.", "Beijing"),
    ("A summit between Delhi and Islamabad is planned.", "Islamabad"),
    ("The Kremlin said the visit went well.", "Kremlin"),
    ("The minister accused Canada of meddling.", "Canada"),
]
AFFILIATION = [
    ("A Brussels-based analyst said the vote was close.", "Brussels"),
    ("Jane Doe, a researcher at a university in Nairobi, said the data were incomplete.", "Nairobi"),
    ("U.S. officials said the talks would resume.", "U.S."),
    ("The ministry contacted the Japanese Embassy in Lima but got no reply.", "Lima"),
    ("The mayor of Osaka opened the fair.", "Osaka"),
    ("The U.S. Secretary of Energy toured the plant.", "U.S."),
]


@pytest.mark.parametrize(("sentence", "place"), LOCATION)
def test_where_something_happens_is_a_location(place_in: PlaceIn, sentence: str, place: str) -> None:
    assert place_in(sentence, place).role == "location"


@pytest.mark.parametrize(("sentence", "place"), PARTICIPANT)
def test_a_place_standing_for_an_actor_is_a_participant(place_in: PlaceIn, sentence: str, place: str) -> None:
    assert place_in(sentence, place).role == "participant"


@pytest.mark.parametrize(("sentence", "place"), AFFILIATION)
def test_where_someone_is_from_is_an_affiliation(place_in: PlaceIn, sentence: str, place: str) -> None:
    assert place_in(sentence, place).role == "origin/affiliation"


def test_a_dateline_is_where_the_report_was_filed(place_in: PlaceIn) -> None:
    place = place_in("NAIROBI, March 3 - Heavy rain closed the main road on Monday.", "NAIROBI")
    assert place.role == "origin/affiliation"


def test_a_place_in_a_place_takes_its_role(places_of: Callable[..., list[PlaceMention]]) -> None:
    places = places_of("Fishing boats returned to ports in the Kamchatka region, Russia.")
    assert {place.text: place.role for place in places} == {"Kamchatka region": "location", "Russia": "location"}


def test_every_role_says_why(place_in: PlaceIn) -> None:
    place = place_in("Officials met in Hanoi on Friday.", "Hanoi")
    assert place.role_reason == "'in X' attached to 'met'"
