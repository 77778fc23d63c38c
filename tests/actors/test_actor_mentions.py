"""Finding the knowledge base's names in a parsed text: longest match, variants, places, surnames."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.mentions import NameMatch, find_names


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def names(nlp: Language, kb: KnowledgeBase, text: str) -> dict[str, NameMatch]:
    return {match.text: match for match in find_names(nlp(text), kb)}


@pytest.mark.parametrize(
    "text, name, actor_id",
    [
        ("The Korean Central News Agency hailed the launch.", "Korean Central News Agency", "media:kcna"),
        ("Taiwan's Central News Agency covered the storm.", "Central News Agency", "media:cna-taiwan"),
        ("Kim Jong-un inspected a tractor plant.", "Kim Jong-un", "person:kim-jong-un"),
        ("Kim Jong Un inspected a tractor plant.", "Kim Jong Un", "person:kim-jong-un"),
        ("The Democratic People's Republic of Korea tested a rocket.", "Democratic People's Republic of Korea", "country:PRK"),
        ("A North Korean delegation arrived.", "North Korean", "country:PRK"),
        ("The U.N. Security Council met on Friday.", "U.N. Security Council", "igo:unsc"),
    ],
)
def test_the_longest_name_wins_and_spellings_share_an_actor(
    nlp: Language, kb: KnowledgeBase, text: str, name: str, actor_id: str
) -> None:
    assert names(nlp, kb, text)[name].actor_id == actor_id


def test_names_end_before_punctuation_and_possessives(nlp: Language, kb: KnowledgeBase) -> None:
    found = names(nlp, kb, "Talks with Russia, China and Iran's envoy stalled.")
    assert {"Russia", "China", "Iran"} <= set(found)


@pytest.mark.parametrize(
    "text, name, place",
    [
        ("Pyongyang rejected the offer on Monday.", "Pyongyang", False),
        ("The envoy arrived in Pyongyang on Monday.", "Pyongyang", True),
        ("She plans a visit to Pyongyang next month.", "Pyongyang", True),
        ("He joined a Washington-based research group.", "Washington", True),
        ("The Kremlin denied the report.", "Kremlin", False),
    ],
)
def test_a_capital_is_the_state_when_it_acts_and_a_place_when_it_is_where(
    nlp: Language, kb: KnowledgeBase, text: str, name: str, place: bool
) -> None:
    match = names(nlp, kb, text)[name]
    assert match.sector == "GOV" and match.place is place


def test_a_surname_alone_is_left_to_coreference_with_its_bearers(nlp: Language, kb: KnowledgeBase) -> None:
    match = names(nlp, kb, "Yesterday Kim toured a farm near the coast.")["Kim"]
    assert match.actor_id is None and match.how == "surname"
    assert {"person:kim-jong-un", "person:kim-yo-jong"} <= set(match.surname_of)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("No country should arm the militia, officials said.", "No"),  # a capitalised word, not a surname
        ("Veterans of the Korean War gathered in the rain.", "Korean"),  # inside an event's name
        ("Moscow State University opened a new campus.", "Moscow"),  # a capital inside a longer name
    ],
)
def test_words_that_only_look_like_names_are_not_actors(
    nlp: Language, kb: KnowledgeBase, text: str, absent: str
) -> None:
    assert absent not in names(nlp, kb, text)


def test_the_north_is_north_korea_only_in_a_korean_story(nlp: Language, kb: KnowledgeBase) -> None:
    korean = names(nlp, kb, "Seoul said the North fired two missiles near Pyongyang.")
    assert korean["North"].actor_id == "country:PRK"
    assert "North" not in names(nlp, kb, "Storms hit the North of England on Sunday.")
