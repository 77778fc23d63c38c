"""Number phrases and fractions as news text writes them."""

from __future__ import annotations

import pytest

from newsgraph.numerals import is_number_word, parse_fraction, parse_number


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("11,000", 11_000),
        ("1.3 million", 1_300_000),
        ("twenty-four", 24),
        ("twenty - four", 24),
        ("two hundred and fifty", 250),
        ("five thousand three hundred", 5_300),
        ("a dozen", 12),
        ("three dozen", 36),
        ("a million", 1_000_000),
        ("1.5bn", 1_500_000_000),
        ("50 mln", 50_000_000),
        ("0.75", 0.75),
    ],
)
def test_reads_a_number_phrase(phrase: str, value: float) -> None:
    assert parse_number(phrase.split()) == value


@pytest.mark.parametrize("phrase", ["two three", "twenty thirty", "a", "million", "and", "dozens", "21st", "May"])
def test_refuses_what_is_not_one_number(phrase: str) -> None:
    assert parse_number(phrase.split()) is None


def test_m_and_k_are_millions_and_thousands_only_for_money() -> None:
    assert parse_number(["250m"]) is None
    assert parse_number(["250m"], money=True) == 250_000_000
    assert parse_number(["40k"], money=True) == 40_000


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("two thirds", 2 / 3), ("a quarter", 0.25), ("one-third", 1 / 3), ("three quarters", 0.75), ("half", 0.5)],
)
def test_reads_a_fraction(phrase: str, value: float) -> None:
    assert parse_fraction(phrase.split()) == pytest.approx(value)


@pytest.mark.parametrize("phrase", ["two third", "three halves", "a third term", "thirds"])
def test_refuses_what_is_not_a_fraction(phrase: str) -> None:
    assert parse_fraction(phrase.split()) is None


@pytest.mark.parametrize(
    ("word", "number"),
    [("seven", True), ("1,200", True), ("thirty-one", True), ("bn", True), ("seventh", False), ("a", False)],
)
def test_number_words(word: str, number: bool) -> None:
    assert is_number_word(word) is number
