"""Tests for newsgraph.clean._dictionary: telling words from fragments."""

from __future__ import annotations

import pytest

from newsgraph.clean._dictionary import hyphenated_frequency, is_fragment, is_word, word_frequency


@pytest.mark.parametrize("word", ["government", "hospital", "Parliament", "agreement", "the"])
def test_common_words_are_words(word: str) -> None:
    assert is_word(word)
    assert not is_fragment(word)


@pytest.mark.parametrize("piece", ["nment", "gover", "hospi", "negoti", "theparliament"])
def test_pieces_of_words_are_fragments(piece: str) -> None:
    assert is_fragment(piece)
    assert not is_word(piece)


def test_frequency_ignores_case() -> None:
    assert word_frequency("Council") == word_frequency("council") > 0


def test_a_hyphenated_pair_scores_below_its_rarer_part() -> None:
    assert hyphenated_frequency("nuclear", "armed") < min(word_frequency("nuclear"), word_frequency("armed"))
