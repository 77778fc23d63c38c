"""Tests for newsgraph.clean.characters: one spelling per character, offsets kept."""

from __future__ import annotations

import pytest

from newsgraph.clean.characters import count_quote_marks, normalise_characters
from newsgraph.textmap import TrackedText


def normalised(raw: str) -> TrackedText:
    text = TrackedText(raw)
    return text.apply(normalise_characters(text).edits)[0]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("the cafe\u0301 opened", "the caf\u00e9 opened", id="nfc"),
        pytest.param("one\r\ntwo\rthree", "one\ntwo\nthree", id="crlf-and-cr"),
        pytest.param("end\u2028next\u2029last", "end\nnext\n\nlast", id="unicode-line-separators"),
        pytest.param(
            "zero\u200bwidth \ufeffmark soft\u00adhyphen", "zerowidth mark softhyphen", id="invisible"
        ),
        pytest.param("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e", id="unicode-spaces"),
        pytest.param(
            "\u201cYes,\u201d she said, \u201equite\u201c", '"Yes," she said, "quite"', id="double-curly"
        ),
        pytest.param(
            "\u00abnon\u00bb and \uff02wide\uff02 and 5\u2033", '"non" and "wide" and 5"', id="double-other"
        ),
        pytest.param(
            "it\u2019s a \u2018red line\u2019 \u201atoo\u201b", "it's a 'red line' 'too'", id="single"
        ),
        pytest.param("the \u0421ouncil voted", "the Council voted", id="cyrillic-in-latin-word"),
        pytest.param("an \u039flympic r\u0435cord", "an Olympic record", id="greek-and-cyrillic"),
        pytest.param(
            "\u041c\u043e\u0441\u043a\u0432\u0430 and \u0391\u03b8\u03ae\u03bd\u03b1",
            "\u041c\u043e\u0441\u043a\u0432\u0430 and \u0391\u03b8\u03ae\u03bd\u03b1",
            id="whole-words-left",
        ),
        pytest.param(
            "talks \u2014 and more\u2026 \u2013 later",
            "talks \u2014 and more\u2026 \u2013 later",
            id="dashes-stay",
        ),
    ],
)
def test_characters_get_one_spelling(raw: str, expected: str) -> None:
    assert normalised(raw).text == expected


def test_same_length_replacements_map_one_to_one() -> None:
    raw = "\u201cWe\u2019ll see,\u201d the \u0421ouncil\u00a0said."
    clean = normalised(raw)
    assert list(clean.origin) == list(range(len(raw)))


@pytest.mark.parametrize(
    ("raw", "clean_char", "raw_char"),
    [
        pytest.param("cafe\u0301 bar", "b", "b", id="after-composed-accent"),
        pytest.param("one\r\ntwo", "\n", "\n", id="newline-keeps-its-own-offset"),
        pytest.param("soft\u00adly said", "s", "s", id="after-dropped-soft-hyphen"),
    ],
)
def test_offsets_lead_back_to_the_raw_character(raw: str, clean_char: str, raw_char: str) -> None:
    clean = normalised(raw)
    position = clean.text.rindex(clean_char)
    assert raw[clean.offset_map().to_raw(position)] == raw_char


def test_composed_character_maps_to_its_first_raw_character() -> None:
    raw = "x cafe\u0301"
    clean = normalised(raw)
    assert raw[clean.offset_map().to_raw(clean.text.index("\u00e9"))] == "e"


def test_every_edit_names_its_rule() -> None:
    text = TrackedText("\u201cA\u201d\u00a0\u0421at\u200b\r\n")
    reasons = {edit.reason for edit in normalise_characters(text).edits}
    assert reasons == {
        "characters:quote",
        "characters:space",
        "characters:homoglyph",
        "characters:invisible",
        "characters:newline",
    }


def test_plain_ascii_needs_no_edit() -> None:
    assert normalise_characters(TrackedText("Plain text, 'quoted' and \"double\".\n")).edits == []


@pytest.mark.parametrize(
    ("raw", "kind", "count"),
    [
        pytest.param("\u201cYes,\u201d she said.", "double_curly", 2, id="double-curly"),
        pytest.param('"Yes," she said.', "double_straight", 2, id="double-straight"),
        pytest.param(
            "the minister\u2019s \u2018red line\u2019 remark",
            "single_curly",
            2,
            id="curly-apostrophe-excluded",
        ),
        pytest.param("the leaders\u2019 meeting", "single_curly", 0, id="curly-possessive-excluded"),
        pytest.param("'Fine,' he said, 'we don't mind.'", "single_straight", 4, id="straight-pairs"),
        pytest.param("the workers' union won't", "single_straight", 0, id="straight-apostrophes-excluded"),
        pytest.param("\u00abOui\u00bb, \u2039non\u203a", "other", 4, id="guillemets"),
    ],
)
def test_quote_marks_are_counted_by_kind(raw: str, kind: str, count: int) -> None:
    counts = count_quote_marks(raw)
    assert counts[kind] == count
    assert set(counts) == {"double_curly", "double_straight", "single_curly", "single_straight", "other"}
