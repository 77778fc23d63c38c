"""The relative date grammar: what it finds, how it says to count it, and what it leaves out."""

from __future__ import annotations

import time

import pytest

from newsgraph.dates.relative import find_relative_mentions


def readings(text: str) -> list[tuple[str, str | None, int, bool]]:
    return [(m.text, m.unit, m.shift, m.anchored) for m in find_relative_mentions(text)]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Prices rose last week.", ("last week", "week", -1, False)),
        ("Prices rose this week.", ("this week", "week", 0, False)),
        ("A vote comes next week.", ("next week", "week", 1, False)),
        ("The plant opened earlier this year.", ("earlier this year", "year", 0, False)),
        ("The plant opened late last year.", ("late last year", "year", -1, False)),
        ("Exports fell last month.", ("last month", "month", -1, False)),
        ("The mine closed two years ago.", ("two years ago", "year", -2, False)),
        ("He first came 24 years ago.", ("24 years ago", "year", -24, False)),
        ("The dam burst a decade ago.", ("a decade ago", "year", -10, False)),
        ("The strike ended three weeks ago.", ("three weeks ago", "week", -3, False)),
        ("He landed yesterday.", ("yesterday", "day", -1, False)),
        ("He lands the day after tomorrow.", ("the day after tomorrow", "day", 2, False)),
        ("Rain fell last night.", ("last night", "day", -1, False)),
        ("The same day, the port closed.", ("The same day", "day", 0, True)),
        ("A week later, the port reopened.", ("A week later", "week", 1, True)),
        ("Two days earlier, the port closed.", ("Two days earlier", "day", -2, True)),
        ("The port closed the day before.", ("the day before", "day", -1, True)),
        ("Later that year, it reopened.", ("Later that year", "year", 0, True)),
        ("Sales grew 50 pct over last year.", ("last year", "year", -1, False)),
        ("The next day, it reopened.", ("The next day", "day", 1, True)),
    ],
)
def test_reads_relative_expressions(text: str, reading: tuple[str, str | None, int, bool]) -> None:
    assert readings(text) == [reading]


@pytest.mark.parametrize(
    ("text", "weekday", "month", "shift", "by_tense"),
    [
        ("They met last Tuesday.", 1, None, -1, False),
        ("They meet next Friday.", 4, None, 1, False),
        ("They meet this coming Monday.", 0, None, 1, False),
        ("The fair opens next March.", None, 3, 1, False),
        ("The fair opened last November.", None, 11, -1, False),
        ("Crowds gathered over the weekend.", 5, None, 0, True),
    ],
)
def test_reads_named_days_and_months_with_a_direction(
    text: str, weekday: int | None, month: int | None, shift: int, by_tense: bool
) -> None:
    (mention,) = find_relative_mentions(text)
    assert (mention.weekday, mention.month, mention.shift, mention.by_tense) == (weekday, month, shift, by_tense)


@pytest.mark.parametrize(
    "text",
    [
        "Tensions have grown in recent years.",
        "Aid will flow in the coming weeks.",
        "Prices doubled over the past two years.",
        "Such talks failed in the past.",
        "Factories boomed in the 1990s.",
        "The plant will reopen soon.",
        "The plant ran for decades.",
        "The town grew a few years ago.",
        "The rally drew crowds over the last week.",
    ],
)
def test_vague_times_are_found_with_no_unit(text: str) -> None:
    (mention,) = find_relative_mentions(text)
    assert mention.unit is None


@pytest.mark.parametrize(
    "text",
    [
        "Putin last visited the port in 2000.",
        "He kept it for a week before the vote.",
        "The talks may produce a deal this afternoonish.",
        "She said that day-to-day work continued.",
    ],
)
def test_words_that_are_not_relative_dates(text: str) -> None:
    assert find_relative_mentions(text) == []


def test_the_day_before_an_event_counts_from_the_event_and_is_left_out() -> None:
    assert find_relative_mentions("Troops massed the day before the vote.") == []


def test_mentions_carry_their_offsets() -> None:
    text = "Last year it rained; next week it may snow; two days later, sun."
    assert all(text[m.start : m.end] == m.text for m in find_relative_mentions(text))


@pytest.mark.parametrize("run", ["one " * 10_000, "1," * 20_000], ids=["number words", "digits and commas"])
def test_a_long_run_of_numbers_costs_time_in_proportion(run: str) -> None:
    started = time.process_time()
    found = readings("It happened two days ago. " + run + "and four weeks ago.")
    assert time.process_time() - started < 2.0, "the count pattern backtracks over the run"
    assert ("two days ago", "day", -2, False) in found
