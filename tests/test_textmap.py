from array import array

import pytest

from newsgraph.textmap import Edit, OffsetMap, TrackedText


def raw_of(tracked: TrackedText, raw: str, i: int) -> str:
    return raw[tracked.origin[i]]


@pytest.mark.parametrize(
    ("raw", "edits", "clean"),
    [
        ("ab\ncd", [Edit(2, 3, " ")], "ab cd"),
        ("stre\nngthen", [Edit(4, 5, "")], "strengthen"),
        ("junk\nbody", [Edit(0, 4, "")], "\nbody"),
        ("theWord", [Edit(3, 3, " ")], "the Word"),
        ("\u201cquote\u201d", [Edit(0, 1, '"'), Edit(6, 7, '"')], '"quote"'),
    ],
)
def test_apply_rewrites_text(raw: str, edits: list[Edit], clean: str) -> None:
    tracked, _ = TrackedText(raw).apply(edits)
    assert tracked.text == clean
    assert len(tracked.origin) == len(clean)


def test_every_kept_character_maps_to_its_raw_character() -> None:
    raw = "Send a link\nThe minister said\nit would stre\nngthen ties."
    text = TrackedText(raw)
    text, _ = text.apply([Edit(0, 11, "")])
    start = text.text.index("stre")
    text, _ = text.apply([Edit(start + 4, start + 5, "")])
    for i, char in enumerate(text.text):
        if char != "\n":
            assert raw[text.origin[i]] == char


def test_chained_edits_compose_and_removals_are_reported_in_raw_offsets() -> None:
    raw = "HEADER\nbody one\nFOOTER"
    text, removed = TrackedText(raw).apply([Edit(0, 6, "", "header"), Edit(16, 22, "", "footer")])
    assert text.text == "\nbody one\n"
    assert [(r.raw_start, r.raw_end, r.text, r.reason) for r in removed] == [
        (0, 6, "HEADER", "header"),
        (16, 22, "FOOTER", "footer"),
    ]
    span = text.raw_span(text.text.index("one"), text.text.index("one") + 3)
    assert raw[span[0] : span[1]] == "one"


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        TrackedText("abcdef").apply([Edit(0, 3, ""), Edit(2, 4, "")])


def test_insertion_maps_to_the_following_character() -> None:
    text, _ = TrackedText("theWord").apply([Edit(3, 3, " ")])
    assert text.origin[3] == 3


@pytest.mark.parametrize("origin", [[0, 1, 2, 10, 11, 12, 20], [5], [], [0, 0, 0, 1]])
def test_offset_map_round_trips_every_position(origin: list[int]) -> None:
    offsets = OffsetMap.from_origin(array("i", origin))
    assert [offsets.to_raw(i) for i in range(len(origin))] == origin
    assert OffsetMap.from_json(offsets.to_json()) == offsets


def test_offset_map_is_compact_for_unchanged_runs() -> None:
    offsets = OffsetMap.from_origin(array("i", list(range(1000)) + list(range(2000, 3000))))
    assert offsets.runs == ((0, 0, 1000), (1000, 2000, 1000))
    assert offsets.raw_span(999, 1001) == (999, 2001)
