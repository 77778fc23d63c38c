"""Actors from context: role, affiliation, country and gender from appositions and titles."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.context import Description, describe, organisation_name, person_name, titled_as_person
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.mentions import find_names
from newsgraph.actors.sectors import country_words_of


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def name_tokens(doc: Doc, name: str) -> tuple[int, int]:
    span = doc.char_span(doc.text.index(name), doc.text.index(name) + len(name))
    assert span is not None
    return span.start, span.end - 1


def description(nlp: Language, kb: KnowledgeBase, text: str, name: str) -> tuple[Doc, Description | None]:
    doc = nlp(text)
    names = find_names(doc, kb)
    people = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    people |= {i for m in names if m.actor_id is None or m.actor_id.startswith("person:") for i in range(m.first, m.last + 1)}
    first, last = name_tokens(doc, name)
    return doc, describe(doc, first, last, country_words_of(names, kb), people.__contains__)


@pytest.mark.parametrize(
    "text, name, role, affiliation, country",
    [
        (
            "Ties are fraying, said Nora Lindqvist, a former U.S. national security official now with "
            "the Atlantic Policy Institute.",
            "Nora Lindqvist", "former national security official", "Atlantic Policy Institute", "USA",
        ),
        (
            "Talks will fail, said Jon Park, a professor at the Harbor Institute for Strategy in Busan.",
            "Jon Park", "professor", "Harbor Institute for Strategy", None,
        ),
        ("Erdogan's press aide Emre Tolga said the trip was on.", "Emre Tolga", "press aide", None, "TUR"),
        ("The report quoted Deputy Trade Minister Olga Petrova as saying so.", "Olga Petrova", "deputy trade minister", None, None),
        ("U.S. Secretary of State Marco Rubio spoke first.", "Marco Rubio", "secretary of state", None, "USA"),
        ("Tom Reyes, vice president of the Center for Coastal Policy, said so.", "Tom Reyes", "vice president", "Center for Coastal Policy", None),
        (
            "Arrests are arbitrary, said Ben Nolan, assistant secretary for regional affairs at the U.S. State Department.",
            "Ben Nolan", "assistant secretary", "U.S. State Department", "USA",
        ),
    ],
)
def test_a_description_gives_role_affiliation_and_country(
    nlp: Language, kb: KnowledgeBase, text: str, name: str, role: str, affiliation: str | None, country: str | None
) -> None:
    doc, found = description(nlp, kb, text, name)
    assert found is not None and found.role == role
    place = found.affiliation
    assert (doc[place[0] : place[1] + 1].text if place else None) == affiliation
    resolved = found.country
    if resolved is None and found.possessor is not None:
        resolved = country_words_of(find_names(doc, kb), kb)[found.possessor].country
    assert resolved == country


def test_a_former_official_is_marked_former(nlp: Language, kb: KnowledgeBase) -> None:
    _, found = description(nlp, kb, "Ann Cole, a former British diplomat, said so.", "Ann Cole")
    assert found is not None and found.former and found.role == "former diplomat"


@pytest.mark.parametrize(
    "text, name, gender",
    [
        ("Anna Berg, the younger sister of the mayor, spoke next.", "Anna Berg", "female"),
        ("A ministry spokesman, Lars Holm, spoke next.", "Lars Holm", "male"),
        ("Anna Berg, a lawyer in Oslo, spoke next.", "Anna Berg", None),
    ],
)
def test_gender_comes_only_from_a_word_that_says_it(
    nlp: Language, kb: KnowledgeBase, text: str, name: str, gender: str | None
) -> None:
    _, found = description(nlp, kb, text, name)
    assert found is not None and found.gender == gender


def test_the_words_of_a_description_tell_namesakes_apart(nlp: Language, kb: KnowledgeBase) -> None:
    _, found = description(nlp, kb, '"Wait," Park, the professor in Busan, said.', "Park")
    assert found is not None and {"professor", "busan"} <= found.words


def test_a_bare_name_has_no_description(nlp: Language, kb: KnowledgeBase) -> None:
    assert description(nlp, kb, "Jon Park arrived on Monday.", "Jon Park")[1] is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Yesterday President Tom Reyes's plan failed.", "Tom Reyes"),
        ("Spokeswoman Maria Zakharova said Moscow would respond.", "Maria Zakharova"),
    ],
)
def test_titles_roles_and_possessives_are_not_part_of_a_persons_name(nlp: Language, text: str, name: str) -> None:
    doc = nlp(text)
    entity = next(ent for ent in doc.ents if ent.label_ == "PERSON")
    first, last = person_name(entity) or (0, -1)
    assert doc[first : last + 1].text == name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She joined the Atlantic Policy Institute last year.", "Atlantic Policy Institute"),
        ("She joined Harbor Foods last year.", None),
        ("The Syrian Observatory for Human Rights counted the dead.", "Syrian Observatory for Human Rights"),
    ],
)
def test_an_organisation_needs_an_organisations_head_word(nlp: Language, text: str, expected: str | None) -> None:
    doc = nlp(text)
    found = [organisation_name(doc, ent) for ent in doc.ents if ent.label_ == "ORG"]
    texts = [doc[span[0] : span[1] + 1].text if span else None for span in found] or [None]
    assert texts[0] == expected


def test_a_name_with_a_persons_title_is_a_person(nlp: Language) -> None:
    doc = nlp("The minister's adviser, Pavel Orlov, disagreed.")
    assert titled_as_person(doc, *name_tokens(doc, "Pavel Orlov"))
    doc = nlp("Pavel Orlov Holdings disagreed.")
    assert not titled_as_person(doc, *name_tokens(doc, "Pavel Orlov"))
