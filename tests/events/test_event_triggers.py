from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.events.patterns import load_patterns
from newsgraph.events.triggers import find_predicates, word_forms


def triggers(nlp: Language, text: str) -> list[tuple[str, str, str, str]]:
    doc = nlp(text)
    found = find_predicates(doc[:], load_patterns(), lambda token: token.ent_type_ != "")
    return [(p.kind, p.head.text, p.trigger.text, p.pattern.type) for p in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Kenya lifted the curfew.", ("verb", "lifted", "lifted", "CONCEDE"), id="verb-with-object-constraint"),
        pytest.param("Rebels blew up the bridge.", ("verb", "blew", "blew", "ASSAULT"), id="particle"),
        pytest.param("Syria is willing to withdraw.", ("adj", "willing", "willing", "AGREE"), id="adjective"),
        pytest.param("Kenya held talks with Somalia.", ("light", "held", "talks", "CONSULT"), id="light-verb"),
        pytest.param("Qatar launched a mediation effort.", ("light", "launched", "mediation", "CONSULT"), id="carrier-noun"),
        pytest.param("The hunger strike went on.", ("noun", "strike", "strike", "PROTEST"), id="noun-with-modifier"),
        pytest.param("The air strike hit a school.", ("noun", "strike", "strike", "ASSAULT"), id="same-noun-other-modifier"),
    ],
)
def test_trigger_kinds(nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in triggers(nlp, text)


def test_a_constraint_that_fails_leaves_no_trigger(nlp: Language) -> None:
    assert not [t for t in triggers(nlp, "Kenya lifted the box.") if t[1] == "lifted"]


def test_an_event_noun_carried_by_a_light_verb_counts_once(nlp: Language) -> None:
    assert [t[0] for t in triggers(nlp, "Kenya held talks with Somalia.")] == ["light"]


def test_word_forms_undo_endings_the_lemmatizer_missed(nlp: Language) -> None:
    token = nlp("Students staged protests.")[1]
    assert "stage" in word_forms(token, "verb", load_patterns())
