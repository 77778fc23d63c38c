"""Date stamp lines near the top: read as the publication date, deleted from the body."""

from __future__ import annotations

import pytest

from newsgraph.metadata.stamps import find_stamp, is_publication_stamp
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

BODY = "Harbour cranes stood idle for a second day, port officials said.\n"


def run(text: str) -> tuple[str, list[Found]]:
    tracked = TrackedText(text)
    result = find_stamp(tracked)
    return tracked.apply(result.edits)[0].text, result.found


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("[March 4, 2025]", "2025-03-04"),
        ("March 4, 2025", "2025-03-04"),
        ("Published: 4 March 2025 10:02 GMT", "2025-03-04"),
        ("Updated March 4, 2025 at 3:00 p.m.", "2025-03-04"),
        ("Posted on Tuesday, March 4, 2025", "2025-03-04"),
        ("2025-03-04T08:15:00Z", "2025-03-04"),
        ("Published: March 2025", "2025-03"),
        ("Published 4 March 2025 | Updated 5 March 2025", "2025-03-04"),
        ("Updated 6 March 2025 | Published 4 March 2025", "2025-03-04"),
        ("March 4, 2025 | 4 min read", "2025-03-04"),
    ],
)
def test_a_stamp_line_is_the_publication_date_and_leaves_a_blank_line(stamp: str, iso: str) -> None:
    text, found = run(f"Port strike enters second day\n{stamp}\n{BODY}")
    assert text == f"Port strike enters second day\n\n{BODY}"
    assert [(item.field, item.value, item.confidence) for item in found] == [("published", iso, 1.0)]


def test_a_top_bar_of_date_and_widgets_is_deleted_but_dates_nothing() -> None:
    text, found = run(f"Tue, Mar 4, 2025 | Ramadan 4, 1446 | Fajr 05:21 | LIS 17.5°C\nPort strike enters second day\n{BODY}")
    assert text == f"\nPort strike enters second day\n{BODY}"
    assert found == []


def test_the_evidence_points_at_the_raw_date() -> None:
    raw = f"Port strike enters second day\n[March 4, 2025]\n{BODY}"
    (found,) = run(raw)[1]
    assert raw[found.evidence.raw_start : found.evidence.raw_end] == "March 4, 2025"
    assert found.evidence.rule == "stamp"


@pytest.mark.parametrize(
    "text",
    [
        # The end of a hard-wrapped sentence, not a stamp.
        "Port strike enters second day\nThe union said the contract runs until\nApril 15, 2027.\n" + BODY,
        # A month alone, with no label, is not enough.
        "Port strike enters second day\nMarch 2025\n" + BODY,
        # A date inside a sentence.
        "Port strike enters second day\nOn March 4, 2025 the cranes stopped.\n" + BODY,
        # A date bar's widgets come after a date, never before one, and are short.
        "Port strike enters second day\nLIS 17.5°C | March 4, 2025\n" + BODY,
        "Port strike enters second day\nMarch 4, 2025 | Dockers walk out at 12 terminals across the country\n" + BODY,
        # Too far down to be the article's stamp.
        "Port strike enters second day\n" + "A line of the body.\n" * 7 + "March 4, 2025\n",
    ],
)
def test_other_lines_with_dates_stay(text: str) -> None:
    assert run(text) == (text, [])


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("Published 4:52 PM EST, Thu March 4, 2021", "2021-03-04"),
        ("Updated: Fri, October 07 2022. 07:08 IST", "2022-10-07"),
    ],
)
def test_stamps_with_short_weekdays_and_capital_times(stamp: str, iso: str) -> None:
    text, found = run(f"Port strike enters second day\n{stamp}\n{BODY}")
    assert text == f"Port strike enters second day\n\n{BODY}"
    assert [item.value for item in found] == [iso]


def test_a_date_glued_before_the_first_line_is_a_stamp_and_the_line_stays() -> None:
    raw = f" date 2023-04-15 {BODY}More of the body.\n"
    text, found = run(raw)
    assert text == f"{BODY}More of the body.\n"
    assert [(item.value, item.evidence.text) for item in found] == [("2023-04-15", "2023-04-15")]


def test_a_glued_date_gives_way_to_a_stamp_line_above_it() -> None:
    text, found = run(f"[March 4, 2025]\n date 2023-04-15 {BODY}")
    assert [item.value for item in found] == ["2025-03-04"]


def test_a_labelled_stamp_at_the_end_is_read_and_deleted() -> None:
    raw = f"Port strike enters second day\n{BODY}{BODY}{BODY}First Published: Fri, October 07 2022. 07:08 IST\n"
    text, found = run(raw)
    assert text == f"Port strike enters second day\n{BODY}{BODY}{BODY}\n"
    assert [item.value for item in found] == ["2022-10-07"]


def test_an_unlabelled_date_at_the_end_stays() -> None:
    raw = f"Port strike enters second day\n{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}{BODY}October 7, 2022\n"
    assert run(raw) == (raw, [])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 4, 2025 | 4 min read", True),
        ("Published: 18 June 2024 10:02 GMT", True),
        ("Wed, Jul 16, 2025 | Fajr 04:10 | DXB 40.6\u00b0C", False),
        ("The talks ended on March 4, 2025.", False),
    ],
)
def test_a_publication_stamp_is_told_from_a_top_bar_and_from_prose(line: str, expected: bool) -> None:
    assert is_publication_stamp(line) is expected


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("Last Updated: March 4, 2025 | 10:02 IST", "2025-03-04"),
        ("Tuesday 4 March 2025 14:02, UK", "2025-03-04"),
    ],
)
def test_a_labelled_stamp_with_a_time_and_a_time_with_its_place_are_stamps(stamp: str, iso: str) -> None:
    text, found = run(f"Port strike enters second day\n{stamp}\n{BODY}")
    assert text == f"Port strike enters second day\n\n{BODY}"
    assert [item.value for item in found] == [iso]


def test_a_stamp_with_a_byline_after_it_leaves_the_byline() -> None:
    text, found = run(f"Posted on March 4, 2025 by Ann Lee\nPort strike enters second day\n{BODY}")
    assert text == f" by Ann Lee\nPort strike enters second day\n{BODY}"
    assert [item.value for item in found] == ["2025-03-04"]
