"""The main events of the seed articles, checked by type, dyad and status (no article text here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from factories import SEEDS
from newsgraph.clean import clean_text
from newsgraph.events.coder import extract_events
from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.actors.reading import read_actors
from newsgraph.events.records import EventRecord


@pytest.fixture(scope="module")
def seed_events(nlp: Language) -> dict[str, list[EventRecord]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    found = {}
    for path in sorted(Path(SEEDS).glob("*.txt")):
        doc = nlp(clean_text(path.read_text(encoding="utf-8")).text)
        found[path.name[:3]] = extract_events(doc, read_actors(doc, load_knowledge_base(), date(2024, 6, 18)))
    return found


def has(events: list[EventRecord], event_type: str, sources: set[str], targets: set[str], status: str, cameo: str | None = None) -> bool:
    return any(
        e.type == event_type
        and {a.root for a in e.source_actors} >= sources
        and {a.root for a in e.target_actors} >= targets
        and e.status == status
        and (cameo is None or e.cameo == cameo)
        for e in events
    )


@pytest.mark.parametrize(
    ("seed", "event_type", "sources", "targets", "status", "cameo"),
    [
        pytest.param("000", "AGREE", {"RUS", "PRK"}, set(), "planned", "036", id="planned-summit"),
        pytest.param("000", "AID", {"PRK"}, {"RUS"}, "alleged", "072", id="alleged-munitions"),
        pytest.param("002", "AID", {"RUS", "PRK"}, set(), "denied", "072", id="denied-arms-transfers"),
        pytest.param("002", "REJECT", {"RUS"}, {"IGO"}, "asserted", "129", id="veto"),
        pytest.param("003", "REJECT", {"RUS"}, {"IGO"}, "asserted", "129", id="ended-with-a-veto"),
        pytest.param("002", "AGREE", {"RUS"}, {"VNM"}, "planned", "036", id="visit-to-vietnam"),
        pytest.param("002", "AGREE", {"RUS"}, {"PRK"}, "asserted", "031", id="vow-to-deepen-ties"),
        pytest.param("003", "AID", {"PRK", "RUS"}, set(), "denied", "072", id="denied-any-transfer"),
        pytest.param("003", "MOBILIZE", {"KOR"}, {"PRK"}, "asserted", "150", id="warning-shots"),
        pytest.param("003", "AGREE", {"PRK"}, {"RUS"}, "asserted", "032", id="pledge-of-support"),
    ],
)
def test_seed_main_events(
    seed_events: dict[str, list[EventRecord]], seed: str, event_type: str, sources: set[str], targets: set[str], status: str, cameo: str
) -> None:
    assert has(seed_events[seed], event_type, sources, targets, status, cameo)
