"""Coreference rules on a hand-built discourse: surnames, titles, descriptions, pronouns.

The end-to-end cases on parsed text are in test_resolve.py; these pin each rule on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsgraph.actors.coreference import (
    ActorState,
    DescriptionRef,
    Discourse,
    PronounRef,
    Salience,
    SurnameRef,
    office_fits,
    resolve_description,
    resolve_pronoun,
    resolve_surname,
)
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base

DAY = date(2024, 6, 18)
KIMS = tuple(f"person:{name}" for name in ("kim-jong-un", "kim-yo-jong", "kim-jong-il", "kim-il-sung"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def person(actor_id: str, *, kb: bool = True, country: str | None = None, **fields: Any) -> ActorState:
    """A person met so far; a Kim's surname comes first in the name, anyone else's last."""
    name = actor_id.split(":")[1].replace("-", " ").title()
    surname = name.split()[0] if name.startswith("Kim ") else name.split()[-1]
    fields.setdefault("surnames", {surname})
    return ActorState(actor_id, name, "person", country, kb, **fields)


def discourse(kb: KnowledgeBase, *states: ActorState, published: date | None = DAY) -> Discourse:
    found = Discourse(kb, published)
    for state in states:
        found.meet(state)
    return found


def test_a_surname_goes_to_the_namesake_its_apposition_describes(kb: KnowledgeBase) -> None:
    leader = person("person:kim-jong-un", country="PRK", surname_uses=3, words={"leader"})
    professor = person("person:lami-kim", kb=False, surnames={"Kim"}, words={"professor", "honolulu", "center"})
    found = discourse(kb, leader, professor)
    assert resolve_surname(found, SurnameRef("Kim", 50, KIMS, frozenset({"professor", "honolulu"}))) == "person:lami-kim"
    assert resolve_surname(found, SurnameRef("Kim", 50, KIMS)) == "person:kim-jong-un"


def test_a_surname_goes_to_the_namesake_most_often_called_by_it_not_the_latest(kb: KnowledgeBase) -> None:
    leader = person("person:kim-jong-un", country="PRK", surname_uses=2, last_token=10)
    father = person("person:kim-jong-il", country="PRK", surname_uses=0, last_token=40)
    assert resolve_surname(discourse(kb, leader, father), SurnameRef("Kim", 50, KIMS)) == "person:kim-jong-un"


def test_between_namesakes_never_called_by_surname_the_leader_wins_then_the_latest(kb: KnowledgeBase) -> None:
    leader = person("person:kim-jong-un", country="PRK", last_token=10)
    sister = person("person:kim-yo-jong", country="PRK", last_token=40)
    assert resolve_surname(discourse(kb, leader, sister), SurnameRef("Kim", 50, KIMS)) == "person:kim-jong-un"
    other = person("person:lena-park", kb=False, surnames={"Park"}, last_token=10)
    later = person("person:jon-park", kb=False, surnames={"Park"}, last_token=40)
    assert resolve_surname(discourse(kb, other, later), SurnameRef("Park", 50)) == "person:jon-park"


def test_a_surname_met_first_goes_to_the_one_bearer_who_leads_a_country_the_story_names(kb: KnowledgeBase) -> None:
    story = discourse(kb)
    story.document_countries = {"PRK"}
    assert resolve_surname(story, SurnameRef("Kim", 0, KIMS)) == "person:kim-jong-un"
    story.document_countries = {"FRA"}
    assert resolve_surname(story, SurnameRef("Kim", 0, KIMS)) is None


def test_a_surname_with_one_bearer_in_the_base_or_later_in_the_text_is_that_person(kb: KnowledgeBase) -> None:
    story = discourse(kb)
    assert resolve_surname(story, SurnameRef("Blinken", 0, ("person:antony-blinken",))) == "person:antony-blinken"
    story.later_people = {"Park": ["person:jon-park"]}
    assert resolve_surname(story, SurnameRef("Park", 0)) == "person:jon-park"


@pytest.mark.parametrize(
    "title, head, holder, fits",
    [
        ("secretary", "secretary", "person:antony-blinken", True),  # Secretary of State
        ("secretary", "secretary", "person:jens-stoltenberg", False),  # Secretary General
        ("top diplomat", "diplomat", "person:antony-blinken", True),  # a foreign minister
        ("leader", "leader", "person:vladimir-putin", True),
        ("defense minister", "minister", "person:vladimir-putin", False),
    ],
)
def test_a_title_fits_an_office_by_its_title_its_role_or_its_head_noun(
    kb: KnowledgeBase, title: str, head: str, holder: str, fits: bool
) -> None:
    assert any(office_fits(office, title, head, DAY) for office in kb.offices_of(holder)) is fits


def test_an_office_held_later_does_not_fit_an_earlier_date(kb: KnowledgeBase) -> None:
    offices = kb.offices_of("person:antony-blinken")
    assert not any(office_fits(office, "secretary of state", "secretary", date(2015, 1, 1)) for office in offices)


def test_a_title_goes_to_the_person_introduced_with_it(kb: KnowledgeBase) -> None:
    blinken = person("person:antony-blinken", country="USA", role_heads={"secretary"}, last_token=5)
    general = person("person:jens-stoltenberg", country="NOR", role_heads={"general"}, last_token=20)
    ref = DescriptionRef("secretary", "secretary", 30)
    assert resolve_description(discourse(kb, blinken, general), ref, []) == "person:antony-blinken"


def test_a_countrys_title_is_the_holder_in_the_text_or_else_on_the_date(kb: KnowledgeBase) -> None:
    ref = DescriptionRef("leader", "leader", 30, country="RUS")
    assert resolve_description(discourse(kb), ref, ["person:vladimir-putin"]) == "person:vladimir-putin"
    assert resolve_description(discourse(kb), ref, []) == "person:vladimir-putin"
    assert resolve_description(discourse(kb, published=None), ref, []) is None
    later = DescriptionRef("diplomat", "top diplomat", 0, country="USA")
    assert resolve_description(discourse(kb, published=date(2025, 6, 1)), later, []) == "person:marco-rubio"


def test_the_agency_and_the_spokesperson_are_the_latest_of_their_kind(kb: KnowledgeBase) -> None:
    kcna = ActorState("media:kcna", "Korean Central News Agency", "media", "PRK", True, last_token=10)
    tass = ActorState("media:tass", "TASS", "media", "RUS", True, last_token=3)
    office = ActorState("sector:USAGOV", "United States government", "government", "USA", True, last_token=8, spokes=True)
    story = discourse(kb, kcna, tass, office)
    assert resolve_description(story, DescriptionRef("agency", "agency", 20), []) == "media:kcna"
    assert resolve_description(story, DescriptionRef("agency", "agency", 20, words=frozenset({"space"})), []) is None
    assert resolve_description(story, DescriptionRef("spokesperson", "spokesperson", 20), []) == "sector:USAGOV"


def test_a_description_goes_to_the_person_whose_own_description_it_repeats(kb: KnowledgeBase) -> None:
    professor = person("person:lami-kim", kb=False, role_heads={"professor"}, words={"professor", "honolulu"})
    other = person("person:jon-park", kb=False, role_heads={"professor"}, words={"professor", "busan"}, last_token=9)
    ref = DescriptionRef("professor", "professor", 20, words=frozenset({"honolulu"}))
    assert resolve_description(discourse(kb, professor, other), ref, []) == "person:lami-kim"


def weighed(kb: KnowledgeBase, *saliences: Salience, states: tuple[ActorState, ...]) -> Discourse:
    story = discourse(kb, *states)
    for salience in saliences:
        story.weigh(salience)
    return story


def test_a_pronoun_goes_to_the_latest_speaker_over_a_possessor(kb: KnowledgeBase) -> None:
    speaker, owner = person("person:a-b", kb=False), person("person:c-d", kb=False)
    story = weighed(
        kb,
        Salience("person:a-b", 1, 0, subject=True, speaker=True, possessor=False),
        Salience("person:c-d", 4, 0, subject=False, speaker=False, possessor=True),
        states=(speaker, owner),
    )
    assert resolve_pronoun(story, PronounRef("he", 10, 1)) == "person:a-b"


def test_gender_evidence_rules_a_candidate_out(kb: KnowledgeBase) -> None:
    woman, man = person("person:a-b", kb=False, gender="female"), person("person:c-d", kb=False)
    story = weighed(
        kb,
        Salience("person:c-d", 1, 0, subject=False, speaker=False, possessor=False),
        Salience("person:a-b", 4, 0, subject=True, speaker=True, possessor=False),
        states=(woman, man),
    )
    assert resolve_pronoun(story, PronounRef("he", 10, 1)) == "person:c-d"
    assert resolve_pronoun(story, PronounRef("she", 10, 1)) == "person:a-b"


def test_a_pronoun_looks_back_only_a_few_sentences_and_they_means_a_group(kb: KnowledgeBase) -> None:
    someone = person("person:a-b", kb=False)
    office = ActorState("sector:USAGOV", "United States government", "government", "USA", True)
    story = weighed(
        kb,
        Salience("person:a-b", 1, 0, subject=True, speaker=True, possessor=False),
        Salience("sector:USAGOV", 2, 0, subject=True, speaker=True, possessor=False),
        states=(someone, office),
    )
    assert resolve_pronoun(story, PronounRef("he", 100, 12)) is None
    assert resolve_pronoun(story, PronounRef("they", 10, 1)) == "sector:USAGOV"
