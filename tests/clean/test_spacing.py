"""Tests for newsgraph.clean.spacing: spaces restored between words run together."""

from __future__ import annotations

import pytest

from newsgraph.clean.spacing import restore_missing_spaces
from newsgraph.textmap import TrackedText


def spaced(raw: str) -> str:
    text = TrackedText(raw)
    return text.apply(restore_missing_spaces(text).edits)[0].text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a vote in theCouncil on Monday", "a vote in the Council on Monday"),
        ("the minister warnedMonday that", "the minister warned Monday that"),
        ("troops stationed inUkraine and", "troops stationed in Ukraine and"),
        ("the talks came to an end.The next round", "the talks came to an end. The next round"),
        ("prices rose sharply.Analysts said", "prices rose sharply. Analysts said"),
    ],
)
def test_words_run_together_are_split(raw: str, expected: str) -> None:
    assert spaced(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "a new iPhone model",
        "posted on YouTube and LinkedIn",
        "a McDonald restaurant",
        "Governor DeSantis said",
        "a PlayStation console",
        "sold on eBay",
        "written in JavaScript",
        "General MacArthur landed",
        "the U.S. economy",
        "visit example.com today",
        "growth of 3.5 percent",
        "Kim J.Y. Park",
        "the deGrom trade",
    ],
)
def test_names_brands_and_abbreviations_stay_whole(raw: str) -> None:
    assert spaced(raw) == raw


def test_the_inserted_space_maps_to_the_following_word() -> None:
    raw = "in theCouncil"
    text = TrackedText(raw)
    clean = text.apply(restore_missing_spaces(text).edits)[0]
    assert clean.text == "in the Council"
    assert raw[clean.offset_map().to_raw(clean.text.index("Council"))] == "C"
