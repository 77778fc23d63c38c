from __future__ import annotations

import pytest

from newsgraph.events.records import EVENTS_VERSION, ActorRef, EventRecord


@pytest.mark.parametrize(
    ("actor", "root"),
    [
        (ActorRef("country:ISR", "ISR", "ISRMIL"), "ISR"),
        (ActorRef("igo:un", None, "IGOUNO"), "IGO"),
        (ActorRef(None, None, "COP"), None),
        (ActorRef(None, "EGY", "EGYCVL"), "EGY"),
        (ActorRef("person:secretary-general", "GHA", "IGOUNO"), "IGO"),
        (ActorRef("person:militant-leader", "SAU", "IMGMUSALQ"), "IMG"),
        (ActorRef("person:foreign-minister", "GHA", "GHAGOV"), "GHA"),
        (ActorRef("person:unknown-office", "GHA", None), "GHA"),
    ],
)
def test_root_is_the_country_or_the_non_state_root(actor: ActorRef, root: str | None) -> None:
    assert actor.root == root


def test_event_to_json_names_the_coder() -> None:
    event = EventRecord(
        "CONSULT", "visit", "042", 1.9, (ActorRef("country:RUS", "RUS", "RUSGOV"),), (ActorRef("country:VNM", "VNM", "VNM"),),
        "planned", None, False, "visit", 10, 15, 0, 40,
    )
    data = event.to_json()
    assert data["coder"] == EVENTS_VERSION
    assert data["source_actors"][0]["code"] == "RUSGOV"
    assert data["trigger"] == {"text": "visit", "start": 10, "end": 15}
