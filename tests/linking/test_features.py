from __future__ import annotations

import pytest

from newsgraph.linking.features import cosine, shingles, term_vector, words


def test_words_fold_case_and_curly_apostrophes() -> None:
    assert words("Russia’s ARMY said 11,000") == ["russia's", "army", "said", "11,000"]


@pytest.mark.parametrize(
    ("tokens", "size", "expected"),
    [
        (["a", "b", "c"], 5, {"a b c"}),
        (["a", "b", "c", "d"], 3, {"a b c", "b c d"}),
        ([], 5, set()),
    ],
)
def test_shingles(tokens: list[str], size: int, expected: set[str]) -> None:
    assert shingles(tokens, size) == expected


def test_term_vector_keeps_telling_words_not_news_boilerplate() -> None:
    vector = term_vector("Summit in Pyongyang", "Officials said on Tuesday the summit in Pyongyang would go ahead.")
    assert "pyongyang" in vector and "summit" in vector
    assert not {"said", "tuesday", "the", "on"} & set(vector)
    assert max(vector, key=vector.__getitem__) == "pyongyang"


def test_cosine_of_a_vector_with_itself_is_one_and_with_a_stranger_zero() -> None:
    a = term_vector(None, "Missile launch near the border with tanks")
    b = term_vector(None, "Wheat harvest and grain prices in Kansas")
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, b) == 0.0
