"""The tense that decides between the past and the coming weekday, from a parse or from plain text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.dates.tense import Tense, tense_in_doc, tense_in_text


def tense_of_word(nlp: Language, sentence: str, word: str) -> Tense | None:
    start = sentence.index(word)
    return tense_in_doc(nlp(sentence), start, start + len(word))


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        ("The envoy arrived in Hanoi on Friday.", "Friday", "past"),
        ("The ministry said Monday that talks would resume.", "Monday", "past"),
        ("Officials have met twice since Monday.", "Monday", "past"),
        ("The ferry was stopped on Sunday by the coast guard.", "Sunday", "past"),
        ("The envoy will arrive in Hanoi on Friday.", "Friday", "future"),
        ("The two leaders are scheduled to sign the pact on Thursday.", "Thursday", "future"),
        ("The governor is set to open the bridge on Saturday.", "Saturday", "future"),
        ("The vote is expected on Thursday.", "Thursday", "future"),
        ("After landing in Hanoi on Friday, the envoy is expected to meet the premier.", "Friday", "future"),
        ("The governor is to open the bridge on Saturday.", "Saturday", "future"),
        ("The envoy was expected to arrive on Friday.", "Friday", None),
        ("The envoy arrives in Hanoi on Friday.", "Friday", None),
        ("The envoy could arrive on Friday.", "Friday", None),
    ],
)
def test_tense_from_the_governing_verb(nlp: Language, sentence: str, word: str, tense: Tense | None) -> None:
    assert tense_of_word(nlp, sentence, word) == tense


@pytest.mark.parametrize(
    ("sentence", "word", "tense"),
    [
        ("The envoy arrived in Hanoi on Friday.", "Friday", "past"),
        ("The ministry said Monday that talks would resume.", "Monday", "past"),
        ("The envoy will arrive in Hanoi on Friday.", "Friday", "future"),
        ("The leaders are scheduled to meet on Thursday.", "Thursday", "future"),
        ("The vote is expected on Thursday.", "Thursday", "future"),
        ("The envoy was to arrive on Friday.", "Friday", None),
        ("The envoy arrives on Friday.", "Friday", None),
        ("Talks will resume. The envoy left on Friday.", "Friday", "past"),
    ],
)
def test_tense_from_plain_text_cues(sentence: str, word: str, tense: Tense | None) -> None:
    assert tense_in_text(sentence, sentence.index(word)) == tense
