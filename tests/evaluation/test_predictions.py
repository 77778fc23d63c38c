"""Predictions.from_records: export records pass as they are; a malformed one is a caller's bug."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluation import PredictedQuote, Predictions


def test_export_records_are_accepted_with_their_extra_fields() -> None:
    predictions = Predictions.from_records(
        actors=[
            {
                "id": "country:PRK",
                "name": "North Korea",
                "type": "country",
                "country": "PRK",
                "code": "PRK",
                "aliases": ["DPRK"],
            }
        ],
        mentions=[{"doc_id": "d1", "actor_id": "country:PRK", "start": 3, "end": 14, "text": "North Korea"}],
        quotes=[
            {
                "id": "q1",
                "doc_id": "d1",
                "text": "words",
                "kind": "direct",
                "speaker_actor_id": None,
                "speaker_text": "he",
                "start": 1,
                "end": 6,
            }
        ],
    )
    assert predictions.actors[0].aliases == ("DPRK",)
    assert predictions.quotes[0] == PredictedQuote("words", "direct", None, 1, 6, "body", "he")


@pytest.mark.parametrize(
    ("kind", "record", "message"),
    [
        ("actors", {"name": "North Korea"}, "lacks 'id'"),
        ("actors", {"id": "x", "name": "X", "aliases": "X"}, "aliases must be a list"),
        ("mentions", {"actor_id": "x", "start": 5, "end": 2}, "bad mention span"),
        ("mentions", {"actor_id": "x", "start": "5", "end": 7}, "wrong type"),
        ("quotes", {"text": "t", "kind": "quoted", "speaker_actor_id": None}, "quote kind must be one of"),
        ("quotes", {"text": "t", "kind": "direct"}, "lacks 'speaker_actor_id'"),
        ("quotes", {"text": "t", "kind": "direct", "speaker_actor_id": None, "start": 4}, "bad quote span"),
        (
            "quotes",
            {"text": "t", "kind": "direct", "speaker_actor_id": None, "where": "caption"},
            "'where' must be one of",
        ),
    ],
)
def test_a_malformed_record_raises_value_error(kind: str, record: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Predictions.from_records(**{kind: [record]})


def test_an_unknown_actor_id_gives_a_bare_actor() -> None:
    assert Predictions().actor("local:9").name == ""
