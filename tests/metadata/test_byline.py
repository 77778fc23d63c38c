"""Bylines at the top and credit trailers at the end: authors, contributors, and what is deleted."""

from __future__ import annotations

import time

import pytest

from newsgraph.metadata.byline import find_byline
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

HEAD = "Ministers pledge hourly river data\n"
BODY = "Two governments agreed on Tuesday to share gauge readings.\n"


def run(text: str) -> tuple[str, list[Found]]:
    tracked = TrackedText(text)
    result = find_byline(tracked)
    return tracked.apply(result.edits)[0].text, result.found


def by_field(found: list[Found]) -> dict[str, object]:
    return {item.field: item.value for item in found}


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Lena Ortiz, Tomas Berg and Ana Ruiz", ["Lena Ortiz", "Tomas Berg", "Ana Ruiz"]),
        ("by Lena Ortiz and Tomas Berg", ["Lena Ortiz", "Tomas Berg"]),
        ("By Lena Ortiz & Tomas Berg", ["Lena Ortiz", "Tomas Berg"]),
        ("BY LENA ORTIZ", ["Lena Ortiz"]),
        ("Written by Jean-Luc van der Berg", ["Jean-Luc van der Berg"]),
        ("By Lena Ortiz in Lisbon", ["Lena Ortiz"]),
        ("By Lena Ortiz, Staff Writer", ["Lena Ortiz"]),
    ],
)
def test_a_byline_gives_the_authors_and_is_deleted(line: str, authors: list[str]) -> None:
    text, found = run(HEAD + line + "\n" + BODY)
    assert text == HEAD + "\n" + BODY
    assert by_field(found) == {"authors": authors}


@pytest.mark.parametrize(
    "line", ["by Admin", "By admin", "By Staff", "By Web Desk", "By News Desk", "By Newsroom", "By Guest"]
)
def test_a_placeholder_byline_is_deleted_and_names_no_author(line: str) -> None:
    text, found = run(HEAD + "\n" + line + "\n" + BODY)
    assert text == HEAD + "\n\n" + BODY
    assert found == []


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("By Lena Ortiz | Reuters", "outlet", "Reuters"),
        ("By Lena Ortiz - Valdora Herald", "outlet", "Valdora Herald"),
        ("By Lena Ortiz | March 4, 2025", "published", "2025-03-04"),
    ],
)
def test_what_follows_the_names_is_an_outlet_or_a_date(line: str, field: str, value: str) -> None:
    found = by_field(run(HEAD + line + "\n" + BODY)[1])
    assert found["authors"] == ["Lena Ortiz"]
    assert found[field] == value


def test_a_byline_wrapped_after_a_comma_continues_on_the_next_line() -> None:
    text, found = run(HEAD + "By Lena Ortiz, Tomas Berg,\nAna Ruiz\n" + BODY)
    assert text == HEAD + "\n\n" + BODY
    assert by_field(found) == {"authors": ["Lena Ortiz", "Tomas Berg", "Ana Ruiz"]}


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "By contrast, the upstream dam kept its gates shut.\n" + BODY,
        HEAD + "By Tuesday, officials had closed two bridges.\n" + BODY,
        HEAD + "The plant was bought in a deal led\nby Marta Quill.\n" + BODY,
        HEAD + BODY + "The plant was bought in a deal led\nby Marta Quill and Sam Ode\nlast year.\n",
        HEAD + "By Valdora Shipping Group Inc\n" + BODY,
        HEAD + "By Reuters\n" + BODY,
    ],
)
def test_sentences_and_organisations_starting_with_by_are_not_bylines(text: str) -> None:
    assert run(text) == (text, [])


TRAILER = (
    "(Reporting by Lena Ortiz and Tomas Berg in\n"
    "Valdora; Additional reporting by Ana Ruiz in Lisbon and\n"
    "Piet de Vries in New York; Editing by Mark Hale and Sue\n"
    "Lin)\n"
)


def test_a_credit_trailer_spanning_lines_is_deleted_leaving_blank_lines() -> None:
    text, found = run(HEAD + BODY + TRAILER)
    assert text == HEAD + BODY + "\n\n\n\n"
    assert by_field(found) == {
        "authors": ["Lena Ortiz", "Tomas Berg"],
        "contributors": ["Ana Ruiz", "Piet de Vries"],
    }


def test_editors_are_neither_authors_nor_contributors_but_stay_in_the_evidence() -> None:
    found = run(HEAD + BODY + TRAILER)[1]
    names = [name for item in found for name in item.value]
    assert "Mark Hale" not in names
    assert all("Editing by Mark Hale" in " ".join(item.evidence.text.split()) for item in found)


def test_trailer_reporters_rank_below_a_byline() -> None:
    found = run(HEAD + "By Lena Ortiz\n" + BODY + TRAILER)[1]
    authors = [item for item in found if item.field == "authors"]
    assert [(item.evidence.rule, item.confidence) for item in authors] == [("byline", 1.0), ("trailer.reporting", 0.8)]


def test_a_trailer_glued_to_the_last_sentence_is_cut_from_it() -> None:
    text, found = run(HEAD + "The gauges go live in May. (Writing by Tomas Berg; Editing by Sue Lin)\n")
    assert text == HEAD + "The gauges go live in May. \n"
    assert by_field(found) == {"authors": ["Tomas Berg"]}


def test_a_parenthesis_naming_no_person_stays() -> None:
    text = HEAD + BODY + "(reporting by the agency's staff)\n"
    assert run(text) == (text, [])


def test_a_long_line_after_an_open_byline_costs_time_in_proportion() -> None:
    started = time.process_time()
    run(HEAD + "By Ana Ruiz and\nBo" + " " * 40_000 + "Lund\n\n" + BODY)
    assert time.process_time() - started < 1.0, "the byline's tail pattern backtracks over the line"


@pytest.mark.parametrize("line", ["Published by", "By:", "Written by"])
def test_a_byline_left_without_its_names_is_deleted(line: str) -> None:
    assert run(f"{HEAD}\n{line}\n\n{BODY}") == (f"{HEAD}\n\n\n{BODY}", [])
