"""Where the event of a sentence happened: a place of location hanging on the event's clause."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.places import event_location, find_places


def locate(nlp: Language, sentence: str, trigger: str) -> str | None:
    doc = nlp(sentence)
    index = next(token.i for token in doc if token.text == trigger)
    found = event_location(doc, 0, len(doc.text), index)
    return found.name if found else None


@pytest.mark.parametrize(
    ("sentence", "trigger", "place"),
    [
        ("Putin met Kim in Pyongyang on Wednesday.", "met", "Pyongyang"),
        ("The Russian leader is due to hold talks with Kim in Pyongyang next week.", "talks", "Pyongyang"),
        ("The Russian leader is due to hold talks with Kim in Pyongyang next week.", "hold", "Pyongyang"),
        ("The summit in the Vietnamese capital ended with a joint statement.", "summit", "Hanoi"),
        ("He spoke to reporters at a forum held in St. Petersburg on Friday.", "spoke", "Saint Petersburg"),
        (
            "Kim was at Pyongyang International Airport to welcome the visitor.",
            "welcome",
            "Pyongyang International Airport",
        ),
        ("The two leaders then left for summit talks at the Kumgang Palace.", "talks", "Kumgang Palace"),
        ("The minister will visit Vietnam next month.", "visit", "Vietnam"),
        ("Debris from a drone was found in Odesa last month.", "found", "Odesa"),
    ],
)
def test_finds_where_the_event_happened(nlp: Language, sentence: str, trigger: str, place: str) -> None:
    assert locate(nlp, sentence, trigger) == place


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Pyongyang accused Seoul of staging provocations.", "accused"),  # places as actors
        ("The minister said in Seoul that Pyongyang had fired two missiles.", "fired"),  # another clause's place
        ("A fellow at a Brussels-based institute said the deal was fragile.", "said"),  # where someone works
        ("Putin met Kim on Wednesday.", "met"),  # no place at all
        ("The country supplied shells for use in Ukraine.", "supplied"),  # a purpose's place
        ("He pledged help amid the war in Ukraine.", "pledged"),  # a circumstance's place
    ],
)
def test_says_nothing_when_the_sentence_does_not_place_the_event(nlp: Language, sentence: str, trigger: str) -> None:
    assert locate(nlp, sentence, trigger) is None


def test_the_main_clause_keeps_its_own_place(nlp: Language) -> None:
    assert locate(nlp, "The minister said in Seoul that Pyongyang had fired two missiles.", "said") == "Seoul"


def test_looks_only_inside_the_given_sentence(nlp: Language) -> None:
    doc = nlp("Putin arrived in Pyongyang on Tuesday.\n\nHe met Kim the next day.")
    second = list(doc.sents)[-1]
    met = next(token.i for token in doc if token.text == "met")
    assert event_location(doc, second.start_char, second.end_char, met) is None


def test_accepts_the_places_already_found(nlp: Language) -> None:
    doc = nlp("Putin met Kim in Pyongyang on Wednesday.")
    places = find_places(doc)
    found = event_location(doc, 0, len(doc.text), 1, places=places)
    assert found is places[0]


def test_rejects_a_trigger_outside_the_doc(nlp: Language) -> None:
    doc = nlp("Putin met Kim.")
    with pytest.raises(IndexError):
        event_location(doc, 0, len(doc.text), 10)
