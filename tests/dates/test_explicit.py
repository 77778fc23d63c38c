"""The explicit date grammar: what it finds in running text, and the words it must not read as dates."""

from __future__ import annotations

import pytest

from newsgraph.dates import find_explicit_dates


def dates_in(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.date.iso() if m.date else None) for m in find_explicit_dates(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The talks opened on June 18, 2024 in the capital.", [("June 18, 2024", "2024-06-18")]),
        ("The report is dated 18 June 2024.", [("18 June 2024", "2024-06-18")]),
        ("Officials met on Sept. 20 to sign it.", [("Sept. 20", "--09-20")]),
        ("Officials met on Sep 20 to sign it.", [("Sep 20", "--09-20")]),
        ("The agency reported May 30 that talks had stalled.", [("May 30", "--05-30")]),
        ("A photo taken September 13, 2023 shows the site.", [("September 13, 2023", "2023-09-13")]),
        ("Prices have climbed since February 2022.", [("February 2022", "2022-02")]),
        ("He first visited the port in 2000 as a junior envoy.", [("2000", "2000")]),
        ("The budget for 2024-06-18 was approved.", [("2024-06-18", "2024-06-18")]),
        ("Stamped 26-FEB-1987 15:01:01.79 by the desk.", [("26-FEB-1987 15:01:01.79", "1987-02-26")]),
        ("The fair closes in September after a long run.", [("September", "--09")]),
        ("The summit ends on the 3rd of March 2021.", [("3rd of March 2021", "2021-03-03")]),
    ],
)
def test_finds_written_dates(text: str, found: list[tuple[str, str | None]]) -> None:
    assert dates_in(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "The talks may produce a framework, and we may see more.",
        "Farmers march on the capital, and August crowds gather.",
        "In May, the rains came.",
        "Veterans of the 1950 border war gathered.",
        "More than 11,000 crates were shipped.",
        "Prices rose through the 2000s.",
        "The committee will report by 2000 hours.",
        "Quarterly profit was 4.2 billion, March said.",
    ],
)
def test_ordinary_words_and_numbers_are_not_dates(text: str) -> None:
    assert [m for m in find_explicit_dates(text) if m.date is not None] == []


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("The envoy tours the region on June 19-20.", "--06-19", "--06-20"),
        ("The fair runs 19-20 June 2025 downtown.", "2025-06-19", "2025-06-20"),
        ("Hearings run June 30-July 2 at the court.", "--06-30", "--07-02"),
    ],
)
def test_a_range_keeps_its_first_and_last_day(text: str, first: str, last: str) -> None:
    (mention,) = find_explicit_dates(text)
    assert mention.date is not None and mention.date.iso() == first
    assert mention.end_date is not None and mention.end_date.iso() == last


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("The minister said Tuesday that talks would resume.", 1),
        ("Troops withdrew on Wednesday.", 2),
        ("He landed in the early hours of Wednesday.", 2),
        ("FRIDAY'S vote was delayed.", 4),
    ],
)
def test_a_weekday_is_a_mention_without_a_date(text: str, weekday: int) -> None:
    (mention,) = find_explicit_dates(text)
    assert (mention.date, mention.weekday) == (None, weekday)


@pytest.mark.parametrize("text", ["They met last Tuesday.", "It opens next Friday.", "The market runs every Sunday."])
def test_a_weekday_after_last_or_next_is_relative_and_left_out(text: str) -> None:
    assert find_explicit_dates(text) == []


def test_a_weekday_before_a_date_joins_it() -> None:
    (mention,) = find_explicit_dates("Voting closed on Tuesday, June 18, 2024, officials said.")
    assert mention.text == "Tuesday, June 18, 2024"
    assert mention.date is not None and mention.date.iso() == "2024-06-18"
    assert mention.weekday == 1


def test_mentions_carry_their_offsets_in_order() -> None:
    text = "On Monday the board met; on March 3, 2021 it voted; since 2019 it has grown."
    mentions = find_explicit_dates(text)
    assert [text[m.start : m.end] for m in mentions] == [m.text for m in mentions]
    assert [m.text for m in mentions] == ["Monday", "March 3, 2021", "2019"]


@pytest.mark.parametrize("text", ["Filed on February 30, 2024.", "Filed on 31 April."])
def test_days_that_do_not_exist_are_not_dates(text: str) -> None:
    assert [m for m in find_explicit_dates(text) if m.date is not None and m.date.day is not None] == []
