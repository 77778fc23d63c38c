"""Tests for newsgraph.clean.unwrap: from line-broken text to paragraphs."""

from __future__ import annotations

import pytest

from newsgraph.clean.unwrap import join_wrapped_lines, measure_layout, unwrap_lines
from newsgraph.textmap import TrackedText

WRAPPED = """\
LISBON (Wire) - Portugal's fishing fleet will stay in port for
a second week as talks over fuel subsidies drag on, the union
representing the crews said on Thursday.
The union said its members had lost more than a month of pay
since the dispute began in the spring, and that smaller boats
might not survive another season of rising costs at the docks.
FUEL COSTS
Diesel prices at the harbour have doubled in a year, according
to figures from the port authority, and the government has so
far offered to cover only a fifth of the increase for the fleet.
"We cannot fish at a loss," the union's leader told reporters.
"""

PARAGRAPHS = [
    "LISBON (Wire) - Portugal's fishing fleet will stay in port for a second week as talks over fuel "
    "subsidies drag on, the union representing the crews said on Thursday.",
    "The union said its members had lost more than a month of pay since the dispute began in the "
    "spring, and that smaller boats might not survive another season of rising costs at the docks.",
    "FUEL COSTS",
    "Diesel prices at the harbour have doubled in a year, according to figures from the port "
    "authority, and the government has so far offered to cover only a fifth of the increase for the fleet.",
    '"We cannot fish at a loss," the union\'s leader told reporters.',
]


def unwrapped(raw: str) -> str:
    text = TrackedText(raw)
    return text.apply(join_wrapped_lines(text).edits)[0].text


def test_hard_wrapped_text_becomes_paragraphs() -> None:
    assert unwrapped(WRAPPED).strip() == "\n\n".join(PARAGRAPHS)


def test_hard_wrapped_text_is_measured_as_wrapped() -> None:
    layout = measure_layout(TrackedText(WRAPPED))
    assert layout.wrapped and 60 <= layout.width <= 66 and not layout.indented


def test_indentation_marks_paragraphs_where_it_is_used() -> None:
    raw = (
        "The central bank raised its key rate by half a point to curb\n"
        "inflation, which reached its highest level in a decade. Rates\n"
        "will stay high for some time, the governor told a news briefing.\n"
        "Economists polled last week had expected a smaller increase.\n"
        "    Markets rose after the announcement.\n"
        "    Bond yields fell in early trade and the currency firmed by\n"
        "one percent against the dollar.\n"
    )
    assert unwrapped(raw).split("\n\n") == [
        "The central bank raised its key rate by half a point to curb inflation, which reached its highest "
        "level in a decade. Rates will stay high for some time, the governor told a news briefing. "
        "Economists polled last week had expected a smaller increase.",
        "Markets rose after the announcement.",
        "Bond yields fell in early trade and the currency firmed by one percent against the dollar.\n",
    ]


def test_paragraph_lines_break_at_every_sentence_end() -> None:
    raw = (
        "The river burst its banks overnight after three days of heavy rain, flooding the lower town.\n"
        "Rescue teams reached the last stranded families by boat early in the morning.\n"
        "Officials said the water would take a week to recede.\n"
    )
    assert unwrapped(raw).count("\n\n") == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "The health ministry said the new hospi\ntal would open in May after long delays to the project.",
            "The health ministry said the new hospital would open in May after long delays to the project.",
            id="broken-word",
        ),
        pytest.param(
            "Both sides blamed the gover\nnment for the delay, which has lasted for more than three years.",
            "Both sides blamed the government for the delay, which has lasted for more than three years.",
            id="broken-word-at-fragment",
        ),
        pytest.param("a nuclear-\narmed state", "a nuclear-armed state", id="compound-keeps-hyphen"),
        pytest.param(
            "the company's share-\nholders voted",
            "the company's shareholders voted",
            id="syllable-hyphen-dropped",
        ),
        pytest.param(
            "a broad agree-\nment on trade", "a broad agreement on trade", id="suffix-hyphen-dropped"
        ),
        pytest.param("its U.S.-\nled partners", "its U.S.-led partners", id="hyphen-after-abbreviation"),
        pytest.param("pro-\nWestern parties", "pro-Western parties", id="hyphen-before-capital"),
        pytest.param("SEOUL -\nOfficials said", "SEOUL - Officials said", id="spaced-dash"),
        pytest.param(
            "a staunch U.S.\nally, it said",
            "a staunch U.S. ally, it said",
            id="abbreviation-before-lowercase",
        ),
        pytest.param("talks with Mr.\nLee ended", "talks with Mr. Lee ended", id="title-abbreviation"),
        pytest.param("in a warehouse in\nthe north", "in a warehouse in the north", id="plain-wrap"),
        pytest.param("a deal in the\nUnited States", "a deal in the United States", id="wrap-before-name"),
        pytest.param("the statement\n.", "the statement.", id="lone-period"),
    ],
)
def test_joins(raw: str, expected: str) -> None:
    assert unwrapped(raw) == expected


def test_a_crosshead_in_capitals_is_its_own_paragraph() -> None:
    raw = (
        "The port reopened on Monday after a week of strikes by dock workers.\n"
        "TRADE DEAL\n"
        "Exports are expected to recover by the end of the quarter, traders said.\n"
    )
    assert unwrapped(raw).split("\n\n")[1] == "TRADE DEAL"


def test_table_rows_stay_apart() -> None:
    raw = "Results for the year:\nRevenue      4.5 bln     3.9 bln\nProfit       1.1 bln     0.8 bln\n"
    assert unwrapped(raw).split("\n\n")[1:] == [
        "Revenue      4.5 bln     3.9 bln",
        "Profit       1.1 bln     0.8 bln\n",
    ]


def test_blank_line_runs_become_one_blank_line() -> None:
    assert unwrapped("First paragraph.\n\n\n\nSecond paragraph.") == "First paragraph.\n\nSecond paragraph."


def test_a_paragraph_cut_by_removed_lines_is_joined_again() -> None:
    raw = WRAPPED.replace("smaller boats\nmight", "smaller boats\n\n\nmight")
    assert unwrapped(raw).strip() == "\n\n".join(PARAGRAPHS)


def test_a_title_before_a_lowercase_byline_stays_apart() -> None:
    raw = "Fishing fleet stays in port\n\nby staff writer\n\nThe fleet stayed in port on Monday.\n"
    assert unwrapped(raw).startswith("Fishing fleet stays in port\n\nby staff writer\n\n")


def test_joins_map_back_to_the_raw_text() -> None:
    text = TrackedText(WRAPPED)
    clean = text.apply(join_wrapped_lines(text).edits)[0]
    offsets = clean.offset_map()
    for position, character in enumerate(clean.text):
        if character not in " \n":
            assert WRAPPED[offsets.to_raw(position)] == character


def test_unwrap_lines_joins_one_paragraph() -> None:
    assert (
        unwrap_lines(["  A view of the har", "bour in Busan,  ", "", "South Korea."])
        == "A view of the harbour in Busan, South Korea."
    )
