"""Outlet lines at the end: source lines, credit tags and copyright notices; never the body's outlets."""

from __future__ import annotations

import time

import pytest

from newsgraph.metadata.outlet import find_outlet_lines, holder_name
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

BODY = "Two governments agreed to share gauge readings, Valdora Radio reported.\n\nThe pact starts in May.\n"


def run(text: str) -> tuple[str, list[Found]]:
    tracked = TrackedText(text)
    result = find_outlet_lines(tracked)
    return tracked.apply(result.edits)[0].text, result.found


def findings(found: list[Found]) -> list[tuple[str, object]]:
    return [(item.field, item.value) for item in found]


@pytest.mark.parametrize(
    ("ending", "found"),
    [
        ("\nSource: Valdora News Agency", [("outlet", "Valdora News Agency")]),
        ("\nSource: Valdora Herald.\n", [("outlet", "Valdora Herald")]),
        ("\nSource: https://example.org/river-pact\n", [("url", "https://example.org/river-pact")]),
        ("(Yonhap)", [("agency", "Yonhap")]),
        ("(AP)\n", [("agency", "AP")]),
        ("(dpa)\n", [("agency", "dpa")]),
        ("(END)\n", []),
        ("(Yonhap)\nSource: Valdora Herald\n", [("outlet", "Valdora Herald"), ("agency", "Yonhap")]),
        ("\nRead more on VALDORA 24 English\n", [("outlet", "VALDORA 24 English")]),
        ("\nThis article first appeared on Valdora Daily.\n", [("outlet", "Valdora Daily")]),
        ("\nThis story was originally published by The Valdora Times\n", [("outlet", "Valdora Times")]),
        ("\nOriginally published on Valdora.com\n", [("outlet", "Valdora")]),
        ("\nSource: Valdora.com\n", [("outlet", "Valdora")]),
    ],
)
def test_end_lines_are_read_and_deleted(ending: str, found: list[tuple[str, object]]) -> None:
    text, result = run(BODY + ending)
    assert text.strip() == BODY.strip()
    assert findings(result) == found


def test_a_credit_tag_after_the_last_sentence_is_cut_from_it() -> None:
    text, found = run("Two governments agreed to share gauge readings.\n\nThe pact starts in May. (AFP)\n")
    assert text == "Two governments agreed to share gauge readings.\n\nThe pact starts in May.\n"
    assert findings(found) == [("agency", "AFP")]


@pytest.mark.parametrize(
    "text",
    [
        BODY + "The pact covers the upper basin (Valdora).\n",
        BODY + "Ask the board (in writing) for the data.\n",
        BODY + "It will start soon. (sic)\n",
        "(Reuters) Two governments agreed to share gauge readings.\n" + BODY,
        BODY + "Source link\n",
        BODY + "Read more on this story\n",
        BODY + "The report first appeared in March, the agency said.\n",
    ],
)
def test_body_text_and_other_parentheses_stay(text: str) -> None:
    assert run(text) == (text, [])


NOTICE = (
    "[© 2025 Valdora Media Group Inc. All rights reserved.]This material\n"
    "may not be published, broadcast, rewritten or redistributed.\n"
    "Valdora Media Group is solely responsible for this content.\n"
    "|\n"
)


def test_a_notice_spanning_wrapped_lines_and_glued_words_is_deleted_whole() -> None:
    text, found = run(BODY + NOTICE)
    assert text == BODY + "\n\n\n|\n"
    assert findings(found) == [("outlet", "Valdora Media Group")]
    assert all(item.confidence < 0.5 and item.evidence.rule == "copyright" for item in found)


@pytest.mark.parametrize(
    ("notice", "holder"),
    [
        ("© 2025 Valdora Herald", "Valdora Herald"),
        ("Copyright 2025 Valdora Herald Ltd.", "Valdora Herald"),
        ("Copyright © 2019-2025 The Valdora Times Company. All rights reserved.", "The Valdora Times"),
        ("(c) 2025 Valdora Herald", "Valdora Herald"),
    ],
)
def test_copyright_lines_name_their_holder(notice: str, holder: str) -> None:
    text, found = run(BODY + notice + "\n")
    assert text == BODY + "\n"
    assert findings(found) == [("outlet", holder)]


def test_a_photo_credit_without_a_year_is_deleted_but_names_no_outlet() -> None:
    assert run(BODY + "© Ana Ruiz\n") == (BODY + "\n", [])


@pytest.mark.parametrize(
    "text",
    [
        BODY + "Copyright Office staff said the rules were unclear.\n",
        BODY + "(c) The operator shall publish the data daily.\n",
        "© 2025 Valdora Herald\n" + "A line of the body.\n" * 9,
    ],
)
def test_lines_that_only_look_like_notices_stay(text: str) -> None:
    assert run(text) == (text, [])


def test_an_outlet_named_in_the_last_paragraph_is_not_taken() -> None:
    text = "The pact starts in May, officials told Valdora News Agency.\n"
    assert run(text) == (text, [])


@pytest.mark.parametrize(
    ("holder", "name"),
    [
        ("Valdora Herald Ltd.", "Valdora Herald"),
        ("Valdora Media, Inc.", "Valdora Media"),
        ("Thomson Reuters", "Thomson Reuters"),
    ],
)
def test_holder_name_strips_legal_suffixes(holder: str, name: str) -> None:
    assert holder_name(holder) == name


@pytest.mark.parametrize(
    "tail",
    [
        " ".join(["Minister"] * 15_000),  # a run of capitalised words: each was a holder to the end
        "Axios-" * 15_000 + "Media",  # one long hyphenated word
        " " * 30_000 + "Valdora",  # a long indent, where a notice's "[" or "©" could start
    ],
    ids=["capitalised words", "hyphenated word", "indent"],
)
def test_a_long_last_line_costs_time_in_proportion(tail: str) -> None:
    started = time.process_time()
    run(BODY + "\n" + tail + "\n")
    assert time.process_time() - started < 1.0, "the notice patterns backtrack over the line"
