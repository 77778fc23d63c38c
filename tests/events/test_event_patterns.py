from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.events.ontology import PLOVER_TYPES, load_ontology
from newsgraph.events.patterns import PATTERN_FRAMES, PatternBook, load_patterns


def raw_patterns() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((files("newsgraph") / "data" / "events" / "patterns.json").read_text(encoding="utf-8"))
    return data


def test_every_pattern_is_consistent_with_the_ontology() -> None:
    ontology = load_ontology()
    book = load_patterns()
    assert len(book.patterns) > 200
    for pattern in book.patterns:
        assert pattern.type in PLOVER_TYPES
        code = ontology.cameo(pattern.cameo)
        assert code.plover == pattern.type
        assert -10.0 <= code.goldstein <= 10.0
        assert pattern.frame is None or pattern.frame in PATTERN_FRAMES
        if pattern.mode:
            assert ontology.event_type(pattern.type).has_mode(pattern.mode)


def test_every_type_has_verbs_and_nouns() -> None:
    book = load_patterns()
    for event_type in PLOVER_TYPES:
        kinds = {pattern.pos for pattern in book.patterns if pattern.type == event_type}
        assert "verb" in kinds, event_type


@pytest.mark.parametrize(
    ("word", "pos", "event_type"),
    [
        ("meet", "verb", "CONSULT"),
        ("visit", "verb", "CONSULT"),
        ("accuse", "verb", "ACCUSE"),
        ("urge", "verb", "REQUEST"),
        ("veto", "verb", "REJECT"),
        ("sanction", "verb", "SANCTION"),
        ("threaten", "verb", "THREATEN"),
        ("summit", "noun", "CONSULT"),
        ("agreement", "noun", "AGREE"),
        ("willing", "adj", "AGREE"),
    ],
)
def test_core_words_are_in_the_dictionary(word: str, pos: str, event_type: str) -> None:
    assert event_type in {pattern.type for pattern in load_patterns().patterns_for(word, pos)}  # type: ignore[arg-type]


def test_a_list_of_words_outranks_a_class() -> None:
    found = load_patterns().patterns_for("accept", "verb")
    demands = next(p for p in found if p.type == "CONCEDE")
    proposals = next(p for p in found if any("proposal" in c.classes for c in p.when))
    assert found.index(demands) < found.index(proposals)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["patterns"].append({"words": ["zap"], "pos": "verb", "type": "ZAP", "cameo": "190"}), "unknown type ZAP"),
        (lambda raw: raw["patterns"].append({"words": ["zap"], "pos": "verb", "type": "AID", "cameo": "190"}), "is ASSAULT, not AID"),
        (lambda raw: raw["patterns"].append({"words": ["zap"], "pos": "verb", "type": "AID", "cameo": "070", "mode": "aerial"}), "no mode 'aerial'"),
        (lambda raw: raw["patterns"].append({"words": ["zap"], "pos": "verb", "type": "AID", "cameo": "070", "when": ["obj:@nothing"]}), "unknown class @nothing"),
        (lambda raw: raw["patterns"].append({"words": ["zap"], "pos": "verb", "type": "AID", "cameo": "070", "targets": ["elsewhere"]}), "unknown target slot"),
    ],
)
def test_inconsistent_dictionary_is_refused(change: Any, problem: str) -> None:
    raw = raw_patterns()
    change(raw)
    with pytest.raises(NewsgraphError, match=problem):
        PatternBook(raw, load_ontology())
