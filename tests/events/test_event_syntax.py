from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.events.syntax import clause_chain, content_head, lemma, phrase_span, subject

CONTROL = ("urge", "ask")


def word(doc: Doc, text: str) -> Token:
    return next(token for token in doc if token.text == text)


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Dozens of ballistic missiles were fired.", "Dozens", "missiles"),
        ("A group of Moroccan diplomats arrived.", "group", "diplomats"),
        ("Tens of thousands of students marched.", "thousands", "students"),
        ("The convoy carried tons of flour.", "tons", "flour"),
        ("The ministers arrived.", "ministers", "ministers"),
    ],
)
def test_content_head_skips_counts_and_groups(nlp: Language, text: str, start: str, expected: str) -> None:
    assert content_head(word(nlp(text), start)).text == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        pytest.param("The camp was attacked by militiamen.", "attacked", "militiamen", id="passive-agent"),
        pytest.param("The camp was attacked yesterday.", "attacked", None, id="passive-without-agent"),
        pytest.param("Putin is expected to visit Hanoi.", "visit", "Putin", id="raising"),
        pytest.param("Kenya urged Uganda to withdraw its troops.", "withdraw", "Uganda", id="object-control"),
        pytest.param("Kenya promised to withdraw its troops.", "withdraw", "Kenya", id="subject-control"),
        pytest.param("Rebels attacked the town and burned the market.", "burned", "Rebels", id="coordinated-verb"),
        pytest.param("They praised the general, who resigned on Monday.", "resigned", "general", id="relative-clause"),
    ],
)
def test_subject(nlp: Language, text: str, verb: str, expected: str | None) -> None:
    found = subject(word(nlp(text), verb), CONTROL)
    assert (found.text if found is not None else None) == expected


def test_phrase_leaves_out_relative_clauses_and_coordination(nlp: Language) -> None:
    doc = nlp("The rebels in the north, who live in the hills, and the army clashed.")
    start, end = phrase_span(word(doc, "rebels"))
    assert doc.text[start:end] == "The rebels in the north"


def test_phrase_keeps_a_participle(nlp: Language) -> None:
    doc = nlp("A newspaper based in Beirut broke the ban.")
    start, end = phrase_span(word(doc, "newspaper"))
    assert doc.text[start:end] == "A newspaper based in Beirut"


def test_clause_chain_goes_up_to_the_reporting_verb(nlp: Language) -> None:
    doc = nlp("Poland said it plans to expel the diplomats.")
    assert [lemma(token) for token in clause_chain(word(doc, "expel"))] == ["plan", "say"]


def test_clause_chain_does_not_climb_from_a_coordinated_verb_to_its_sibling(nlp: Language) -> None:
    doc = nlp("The ministers denied the reports but vowed to boost ties.")
    assert "deny" not in [lemma(token) for token in clause_chain(word(doc, "boost"))]
