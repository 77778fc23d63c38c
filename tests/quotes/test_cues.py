from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes.cues import cue_lemma, is_according_to


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Lopez said the talks failed.", "said", "say"),
        ("She told reporters it was over.", "told", "tell"),
        ("She pointed out that it was late.", "pointed", "point out"),
        ('"We stop," he added.', "added", "add"),
        ("The firm added 20 jobs.", "added", None),
        ('"We stop," he continued.', "continued", "continue"),
        ("Russia continues to seek support.", "continues", None),
        ("The result speaks to a deep anger.", "speaks", None),
        ("The vote underscores that rail matters.", "underscores", None),
        ("The accusations were loud.", "accusations", None),
    ],
)
def test_a_verb_is_a_cue_only_when_it_reports_speech(
    nlp: Language, text: str, word: str, expected: str | None
) -> None:
    token = next(token for token in nlp(text) if token.text == word)
    assert cue_lemma(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to the union, it failed.", True),
        ("It ended according as planned.", False),
        ("They acted accordingly.", False),
    ],
)
def test_according_to_needs_both_words(nlp: Language, text: str, expected: bool) -> None:
    doc = nlp(text)
    assert any(is_according_to(token) for token in doc) is expected
