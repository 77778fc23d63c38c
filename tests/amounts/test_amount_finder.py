"""Counted things in parsed text: the number, its qualifier and what it counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.amounts import Amount, find_amounts
from newsgraph.clean import clean_text

Row = tuple[str, float | None, str | None, str]


def rows(nlp: Language, text: str) -> list[Row]:
    return [(a.text, a.value, a.qualifier, a.unit) for a in find_amounts(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The port shipped more than 11,000 containers of munitions and related material abroad.",
            [("more than 11,000 containers of munitions", 11_000, "more than", "containers of munitions")],
        ),
        (
            "The navy fired dozens of ballistic missiles into the sea.",
            [("dozens of ballistic missiles", None, "dozens", "ballistic missiles")],
        ),
        ("Crews loaded hundreds of containers at dawn.", [("hundreds of containers", None, "hundreds", "containers")]),
        (
            "The army bought millions of artillery shells and rockets last year.",
            [("millions of artillery shells and rockets", None, "millions", "artillery shells and rockets")],
        ),
        ("The ban lasted 24 years.", [("24 years", 24, None, "years")]),
        ("The bank lent $250 million to the port.", [("$250 million", 250_000_000, None, "USD")]),
        (
            "The desert covers 1.3 million square kilometres.",
            [("1.3 million square kilometres", 1_300_000, None, "square kilometres")],
        ),
        ("A flood killed three people overnight.", [("three people", 3, None, "people")]),
        ("Two thirds of the council backed the plan.", [("Two thirds", pytest.approx(2 / 3), None, "fraction")]),
        ("Rebels freed nearly 300 hostages.", [("nearly 300 hostages", 300, "nearly", "hostages")]),
        ("The fine is up to 40 years in jail.", [("up to 40 years", 40, "up to", "years")]),
        ("At least a dozen villages flooded.", [("At least a dozen villages", 12, "at least", "villages")]),
        ("Several hundred miners walked out.", [("Several hundred miners", None, "several hundred", "miners")]),
        (
            "Tens of thousands of voters stayed home.",
            [("Tens of thousands of voters", None, "tens of thousands", "voters")],
        ),
        ("Several envoys left.", [("Several envoys", None, "several", "envoys")]),
        ("The firm earned 50 mln dlrs.", [("50 mln dlrs", 50_000_000, None, "USD")]),
        ("The bank sold 100 mln stg of bonds.", [("100 mln stg", 100_000_000, None, "GBP")]),
        ("By dawn 2000 troops had crossed.", [("2000 troops", 2_000, None, "troops")]),
        ("The deal is worth 300 billion won.", [("300 billion won", 300_000_000_000, None, "KRW")]),
        ("Turnout rose about 5 percent.", [("about 5 percent", 5, "about", "percent")]),
        ("The air force flew a dozen F-16 jets.", [("a dozen F-16 jets", 12, None, "F-16 jets")]),
        (
            "Some 1,200 troops and 30 tanks crossed.",
            [("Some 1,200 troops", 1_200, "some", "troops"), ("30 tanks", 30, None, "tanks")],
        ),
    ],
)
def test_finds_counted_things(nlp: Language, text: str, expected: list[Row]) -> None:
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mine closed two years ago, and a week later the mill shut.",
        "Talks resumed on May 30, 2024 at 3 p.m. in the capital.",
        "The envoy arrived in 2000 and left at 15:30.",
        "It was the first test of the 21st century.",
        "The council passed Resolution 2270 without debate.",
        "Veterans of the 1950 Korean War gathered.",
        "The 1985 budget was cut.",
        "A 24-year-old man flew an F-16 home.",
        "The No. 2 official resigned.",
        "The death toll rose to 24.",
        "She was the only one to vote no.",
        "One day the river will rise.",
    ],
)
def test_leaves_out_dates_ordinals_names_and_bare_numbers(nlp: Language, text: str) -> None:
    assert rows(nlp, text) == []


def test_spans_cover_qualifier_number_and_unit(nlp: Language) -> None:
    text = "Officials said more than 11,000 crates and about 40 percent of 3,000 homes were lost."
    found = find_amounts(nlp(text))
    assert [text[a.start : a.end] for a in found] == [a.text for a in found]
    assert [a.text for a in found] == ["more than 11,000 crates", "about 40 percent", "3,000 homes"]


def test_amounts_are_records() -> None:
    amount = Amount(0, 9, "24 years", 24.0, None, "years")
    with pytest.raises(AttributeError):
        amount.value = 25.0  # type: ignore[misc]


def test_the_counted_things_of_the_seeds(nlp: Language, seeds: Path) -> None:
    found = {
        path.name[:3]: find_amounts(nlp(clean_text(path.read_text(encoding="utf-8")).text))
        for path in sorted(seeds.glob("*.txt"))
    }
    counted = {(a.value, a.qualifier, a.unit) for amounts in found.values() for a in amounts}
    assert {
        (11_000.0, "more than", "containers of munitions"),
        (11_000.0, "over", "containers of munitions"),
        (None, "dozens", "ballistic missiles"),
        (None, "hundreds", "containers"),
        (None, "millions", "artillery shells and rockets"),
        (24.0, None, "years"),
    } <= counted
