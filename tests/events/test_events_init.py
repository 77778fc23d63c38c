from __future__ import annotations

import newsgraph.events as events


def test_public_api_is_pinned() -> None:
    assert sorted(events.__all__) == [
        "ActorLookup", "ActorRef", "CameoCode", "EVENTS_VERSION", "EventRecord", "EventType",
        "Ontology", "PLOVER_TYPES", "Pattern", "PatternBook", "STATUSES",
        "Status", "extract_events", "load_ontology", "load_patterns",
    ]
    for name in events.__all__:
        assert hasattr(events, name)
