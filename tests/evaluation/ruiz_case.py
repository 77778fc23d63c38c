"""A tiny article with its gold and a perfect prediction, for the scorer tests to spoil one way at a time."""

from __future__ import annotations

import copy
from typing import Any

from newsgraph.evaluation import GoldDocument, find_phrase, find_words, parse_gold

BODY = (
    "Portuguese Foreign Minister Ana Ruiz said on Monday that talks would resume. "
    '"We are ready to listen," Ruiz said. "But not forever."\n\n'
    'Tomas Ruiz, an analyst at the Lisbon Institute, called the offer "a small step".\n\n'
    '"Nobody expected more," he said.\n\n'
    "Portugal welcomed the move, its government said."
)
TITLE = "Ruiz says Lisbon is 'ready to listen'"

GOLD: dict[str, Any] = {
    "article": "ruiz.txt",
    "published": "2024-03-04",
    "actors": [
        {
            "key": "ana",
            "name": "Ana Ruiz",
            "type": "person",
            "country": "PRT",
            "kb_id": "person:ana-ruiz",
            "aliases": ["Ruiz"],
        },
        {"key": "tomas", "name": "Tomas Ruiz", "type": "person", "country": "PRT", "kb_id": None, "aliases": ["Ruiz"]},
        {"key": "institute", "name": "Lisbon Institute", "type": "organization", "country": "PRT", "aliases": []},
        {
            "key": "prt",
            "name": "Portugal",
            "type": "country",
            "country": "PRT",
            "kb_id": "country:PRT",
            "aliases": ["Portuguese Republic"],
        },
    ],
    "mentions": [
        {"actor": "prt", "text": "Portuguese", "n": 1, "optional": True},
        {"actor": "ana", "text": "Ana Ruiz", "n": 1},
        {"actor": "ana", "text": "Ruiz", "n": 2},
        {"actor": "tomas", "text": "Tomas Ruiz", "n": 1},
        {"actor": "institute", "text": "Lisbon Institute", "n": 1},
        {"actor": "tomas", "text": "he", "n": 1},
        {"actor": "prt", "text": "Portugal", "n": 1},
    ],
    "quotes": [
        {"kind": "partial", "starts": "ready to listen", "speaker": "ana", "where": "title"},
        {"kind": "indirect", "starts": "talks would resume", "speaker": "ana"},
        {"kind": "direct", "starts": "We are ready to listen", "speaker": "ana"},
        {"kind": "direct", "starts": "But not forever", "speaker": "ana", "continues": True},
        {"kind": "partial", "starts": "a small step", "speaker": "tomas"},
        {"kind": "direct", "starts": "Nobody expected more", "speaker": "tomas"},
    ],
}

ACTOR_IDS = {
    "ana": "person:ana-ruiz",
    "tomas": "local:tomas-ruiz",
    "institute": "local:lisbon-institute",
    "prt": "country:PRT",
}


def gold_data() -> dict[str, Any]:
    """A fresh copy of the gold JSON, for a test to change."""
    return copy.deepcopy(GOLD)


def make_gold(data: dict[str, Any] | None = None) -> GoldDocument:
    return parse_gold(gold_data() if data is None else data, "ruiz.json")


def perfect_records() -> dict[str, list[dict[str, Any]]]:
    """What a pipeline that gets everything right would pass: actors, mentions and quotes."""
    actors = [
        {"id": ACTOR_IDS[actor["key"]], "name": actor["name"], "type": actor["type"], "country": actor["country"]}
        for actor in GOLD["actors"]
    ]
    mentions = []
    for mention in GOLD["mentions"]:
        span = find_phrase(BODY, mention["text"], mention["n"])
        assert span is not None
        mentions.append(
            {"actor_id": ACTOR_IDS[mention["actor"]], "start": span[0], "end": span[1], "text": mention["text"]}
        )
    quotes = []
    for quote in GOLD["quotes"]:
        where = quote.get("where", "body")
        text = TITLE if where == "title" else BODY
        span = find_words(text, quote["starts"])
        assert span is not None
        quotes.append(
            {
                "text": quote["starts"],
                "kind": quote["kind"],
                "speaker_actor_id": ACTOR_IDS[quote["speaker"]],
                "start": span[0],
                "end": span[1],
                "where": where,
            }
        )
    return {"actors": actors, "mentions": mentions, "quotes": quotes}
