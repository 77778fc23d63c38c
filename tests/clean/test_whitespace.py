"""Tests for newsgraph.clean.whitespace: the final tidy of spaces and blank lines."""

from __future__ import annotations

import pytest

from newsgraph.clean.whitespace import tidy_whitespace
from newsgraph.textmap import TrackedText


def tidied(raw: str) -> str:
    text = TrackedText(raw)
    return text.apply(tidy_whitespace(text).edits)[0].text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("two  spaces\tand a tab", "two spaces and a tab", id="runs-collapse"),
        pytest.param("line end   \n  next start", "line end\nnext start", id="line-edges"),
        pytest.param("one\n\n\n\ntwo", "one\n\ntwo", id="blank-lines-collapse"),
        pytest.param("one\n  \n\t\n \ntwo", "one\n\ntwo", id="whitespace-only-lines"),
        pytest.param("\n\n  start and end  \n\n", "start and end", id="text-edges"),
        pytest.param("   \n\n ", "", id="only-whitespace"),
        pytest.param("already\n\ntidy text.", "already\n\ntidy text.", id="tidy-stays"),
    ],
)
def test_whitespace_is_tidied(raw: str, expected: str) -> None:
    assert tidied(raw) == expected


def test_tidy_text_needs_no_edit() -> None:
    assert tidy_whitespace(TrackedText("One paragraph.\n\nAnother one.")).edits == []
