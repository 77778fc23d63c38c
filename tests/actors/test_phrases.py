from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.actors.phrases import PhraseReader, load_sectors
from newsgraph.actors.records import ActorRef


def actor(nlp: Language, text: str, phrase: str, published: str = "2024-06-18") -> ActorRef | None:
    doc = nlp(text)
    start = text.rindex(phrase)
    return PhraseReader(doc, published=published).actor_for(start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase", "country", "code"),
    [
        pytest.param("Senior Hungarian officials met on Monday.", "Senior Hungarian officials", "HUN", "HUNGOV", id="demonym-and-sector"),
        pytest.param("Israeli forces fired on the camp.", "Israeli forces", "ISR", "ISRMIL", id="demonym-military"),
        pytest.param("Security forces in Guinea fired on the crowd.", "Security forces in Guinea", "GIN", "GINCOP", id="name-after-head"),
        pytest.param("The Kremlin rejected the plan.", "The Kremlin", "RUS", "RUSGOV", id="metonym"),
        pytest.param("Osama bin Laden's al-Qaeda network threatened Jordan.", "Osama bin Laden's al-Qaeda network", None, "IMGMOSALQ", id="nearest-modifier"),
        pytest.param("Quatar's emir met the envoy.", "Quatar", "QAT", "QAT", id="misspelt-country"),
        pytest.param("The artillery shelled Kharkiv overnight.", "Kharkiv", "UKR", "UKR", id="city-gazetteer"),
        pytest.param("Vladimir Putin arrived in Hanoi. Putin met the president.", "Putin", "RUS", "RUSGOV", id="surname-after-full-name"),
    ],
)
def test_names_resolve_to_actors(nlp: Language, text: str, phrase: str, country: str | None, code: str) -> None:
    found = actor(nlp, text, phrase)
    assert found is not None
    assert (found.country, found.code) == (country, code)


def test_a_sector_word_alone_gives_the_sector(nlp: Language) -> None:
    assert actor(nlp, "The police said the road was closed.", "The police") == ActorRef(None, None, "COP")


def test_an_unknown_person_is_an_actor_without_a_code(nlp: Language) -> None:
    assert actor(nlp, "John Smithers said nothing.", "John Smithers") == ActorRef(None, None, None)


def test_a_phrase_without_an_actor_gives_none(nlp: Language) -> None:
    assert actor(nlp, "The weather was cold.", "The weather") is None


@pytest.mark.parametrize(("published", "code"), [("2024-06-18", "USAGOV"), ("2025-06-01", "USAELI")])
def test_a_person_has_the_code_of_the_day(nlp: Language, published: str, code: str) -> None:
    found = actor(nlp, "Antony Blinken met the envoy.", "Antony Blinken", published)
    assert found is not None and found.code == code


def test_sector_words_load() -> None:
    sectors = load_sectors()
    assert sectors[("police",)] == "COP"
    assert sectors[("security", "force")] == "COP"


def test_a_word_that_is_a_surname_elsewhere_is_no_person_when_it_is_not_a_name(nlp: Language) -> None:
    # "No" is the surname of a North Korean minister in the knowledge base; here it is a determiner.
    assert actor(nlp, '"No country should give him a platform," she said.', "No country") is None
