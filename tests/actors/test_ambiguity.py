"""Ambiguous names resolved from the words around them, and the order in which cues count."""

from __future__ import annotations

import pytest

from newsgraph.actors._kb_files import Ambiguity, Reading
from newsgraph.actors.ambiguity import resolve
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.mark.parametrize(
    ("text", "before", "after", "context", "reading", "actor_id"),
    [
        # Washington: the US government unless a cue says state or person.
        ("Washington", "Officials in ", " said on Monday", "", "actor", "country:USA"),
        ("Washington", "", " state officials said", "", "actor", "region:usa-washington"),
        ("Washington", "", " Gov. Jay Inslee said", "", "actor", "region:usa-washington"),
        ("Washington", "the state of ", ".", "", "actor", "region:usa-washington"),
        ("Washington", "Seattle, ", ".", "", "actor", "region:usa-washington"),
        ("Washington", "in ", ", where", "Traffic near Seattle was heavy.", "actor", "region:usa-washington"),
        ("Washington", "actor Denzel ", " won", "", "person", None),
        ("Washington", "Mr. ", " said", "", "person", None),
        ("Washington", "Seoul and ", " warned", "", "actor", "country:USA"),
        ("Washington", "Meanwhile ", " warned", "", "actor", "country:USA"),
        ("Washington", "", " Nationals won", "", "other", None),
        # Georgia: country or US state, never guessed.
        ("Georgia", "", " said", "Talks in Tbilisi ended.", "actor", "country:GEO"),
        ("Georgia", "", " Republicans said", "", "actor", "region:usa-georgia"),
        ("Georgia", "", " said", "Voters in Atlanta queued.", "actor", "region:usa-georgia"),
        ("Georgia", "", " said", "", "unknown", None),
        # Given names.
        ("Jordan", "", " said", "", "actor", "country:JOR"),
        ("Jordan", "", " Peterson said", "", "person", None),
        ("Jordan", "Michael ", " scored", "", "person", None),
        ("Jordan", "", " River flows", "", "other", None),
        ("Jordan", "", " King Abdullah said", "", "actor", "country:JOR"),
        ("Chad", "", " Smith said", "", "person", None),
        ("Chad", "", " said", "", "actor", "country:TCD"),
        ("Turkey", "", " said", "", "actor", "country:TUR"),
        ("Turkey", "the ", " dinner", "", "other", None),
        ("Niger", "the ", " River", "", "other", None),
        # Korea.
        ("North", "the ", " fired", "Tension on the Korean Peninsula rose.", "actor", "country:PRK"),
        ("North", "the ", " voted", "Voters in England's north went to the polls.", "unknown", None),
        ("South", "the ", " said", "Pyongyang warned Seoul.", "actor", "country:KOR"),
        ("Korea", "", " exports", "Samsung shares rose in Seoul.", "actor", "country:KOR"),
        ("Korea", "", " said", "Pyongyang and Seoul traded threats.", "unknown", None),
        ("Korea", "the ", " War", "", "other", None),
        # Others.
        ("Brussels", "", " said", "The EU will act.", "actor", "igo:eu"),
        ("America", "Latin ", "", "", "other", None),
        ("America", "", " first", "", "actor", "country:USA"),
    ],
)
def test_disambiguate(kb: KnowledgeBase, text: str, before: str, after: str, context: str, reading: str, actor_id: str | None) -> None:
    resolution = kb.disambiguate(text, before, after, context)
    assert (resolution.reading, resolution.actor_id) == (reading, actor_id), resolution.reason


def test_a_capital_resolved_to_its_country_says_it_stands_for_the_government(kb: KnowledgeBase) -> None:
    resolution = kb.disambiguate("Washington", "officials in ", " said")
    assert (resolution.actor_id, resolution.sector) == ("country:USA", "GOV")


def test_names_that_are_not_ambiguous_resolve_to_their_actor(kb: KnowledgeBase) -> None:
    assert kb.disambiguate("Pyongyang").actor_id == "country:PRK"
    assert kb.disambiguate("Kim").reading == "unknown"
    assert kb.disambiguate("Zorblax").reading == "unknown"


def reading(kind: str, target: str, *, before: tuple[str, ...] = (), after: tuple[str, ...] = (), context: tuple[str, ...] = (), default: bool = False) -> Reading:
    return Reading(kind, target, before, after, context, default)


NAME = Ambiguity(
    "Lima",
    (
        reading("actor", "country:PER", context=("Peru",), default=True),
        reading("actor", "region:ohio-lima", after=("Ohio",), context=("Ohio",)),
        reading("person_surname", "a person named Lima"),
    ),
)


@pytest.mark.parametrize(
    ("before", "after", "context", "expected"),
    [
        ("", ", Ohio", "Peru", "region:ohio-lima"),  # a cue beside the name beats the context
        ("Ana ", " said", "Ohio", None),  # the shape of a person's name beats the context
        ("", " said", "Ohio and Peru", "unknown"),  # context cues for two readings cancel out
        ("", " said", "", "country:PER"),  # nothing said: the default
    ],
)
def test_local_cues_outrank_the_shape_of_a_name_which_outranks_context(before: str, after: str, context: str, expected: str | None) -> None:
    resolution = resolve(NAME, before, after, context)
    if expected == "unknown":
        assert resolution.reading == "unknown"
    else:
        assert resolution.actor_id == expected


def test_a_known_name_is_not_taken_for_a_given_name() -> None:
    def known(word: str) -> bool:
        return word == "Peru"

    assert resolve(NAME, "Peru ", " said", "", known).actor_id == "country:PER"
    assert resolve(NAME, "Peru ", " said", "").reading == "person"
