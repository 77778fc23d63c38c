"""A country's sectors as actors: government, military, media, intelligence, with CAMEO codes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.mentions import find_names
from newsgraph.actors.sectors import SectorPhrase, country_words_of, find_sector_phrases, sector_id, sector_name


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def phrases(nlp: Language, kb: KnowledgeBase, text: str) -> list[SectorPhrase]:
    doc = nlp(text)
    names = find_names(doc, kb)
    taken = {i for m in names for i in range(m.first, m.last + 1)}
    people = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    return find_sector_phrases(doc, country_words_of(names, kb), taken, people)


@pytest.mark.parametrize(
    "text, phrase, code",
    [
        ("The Japanese Foreign Ministry summoned the envoy.", "The Japanese Foreign Ministry", "JPNGOV"),
        ("A Pentagon spokesperson declined to comment.", "A Pentagon spokesperson", "USAMIL"),
        ("A U.S. State Department spokesperson said talks went well.", "A U.S. State Department spokesperson", "USAGOV"),
        ("French state media aired the speech.", "French state media", "FRAMED"),
        ("British intelligence officials believe the claim.", "British intelligence officials", "GBRSPY"),
        ("The Biden administration welcomed the vote.", "The Biden administration", "USAGOV"),
        ("Indian troops moved closer to the border.", "Indian troops", "INDMIL"),
        ("Russia's military denied the report.", "Russia's military", "RUSMIL"),
        ("Dozens were on alert and Italian state media said so.", "Italian state media", "ITAMED"),
    ],
)
def test_a_phrase_naming_part_of_a_state_is_that_countrys_sector(
    nlp: Language, kb: KnowledgeBase, text: str, phrase: str, code: str
) -> None:
    found = {(p.text, p.code) for p in phrases(nlp, kb, text)}
    assert (phrase, code) in found


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz, a Spanish government official, denied it.",  # describes a person
        "Spanish official Ana Ruiz denied it.",  # a person's title
        "Officials in the region denied it.",  # no country says whose
        "The space agency delayed the launch.",  # not a sector head
    ],
)
def test_phrases_that_describe_a_person_or_name_no_country_are_not_sectors(
    nlp: Language, kb: KnowledgeBase, text: str
) -> None:
    assert phrases(nlp, kb, text) == []


def test_sector_ids_and_names_are_built_from_the_country(kb: KnowledgeBase) -> None:
    assert sector_id("USA", "GOV") == "sector:USAGOV"
    assert sector_name(kb.actor("country:PRK"), "MED") == "North Korea media"
