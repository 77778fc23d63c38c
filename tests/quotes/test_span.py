from __future__ import annotations

import json

import pytest

from newsgraph.quotes.span import QuoteSpan


def make(kind: str = "direct", start: int = 1, end: int = 5) -> QuoteSpan:
    return QuoteSpan(
        start=start,
        end=end,
        text="word",
        kind=kind,
        cue="say",
        cue_start=8,
        cue_end=12,
        speaker_text="he",
        speaker_start=5,
        speaker_end=7,
        sentence_start=0,
        sentence_end=13,
        paragraph=0,
    )


def test_serialises_every_field_to_json() -> None:
    data = json.loads(json.dumps(make().to_json()))
    assert data["kind"] == "direct" and data["speaker_text"] == "he"
    assert data["carried_from"] is None and data["reporter_text"] is None
    assert QuoteSpan(**data) == make()


@pytest.mark.parametrize(("kind", "start", "end"), [("quote", 1, 5), ("direct", 5, 1), ("partial", -1, 3)])
def test_rejects_an_unknown_kind_or_a_reversed_span(kind: str, start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make(kind, start, end)
