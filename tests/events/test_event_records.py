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


def visit(confidence: float) -> EventRecord:
    return EventRecord(
        "CONSULT", "visit", "042", 1.9, (ActorRef("country:RUS", "RUS", "RUSGOV"),), (ActorRef("country:VNM", "VNM", "VNM"),),
        "planned", None, False, "visit", 10, 15, 0, 40, confidence=confidence,
    )


def test_event_to_json_names_the_coder() -> None:
    data = visit(0.75).to_json()
    assert data["coder"] == EVENTS_VERSION
    assert data["source_actors"][0]["code"] == "RUSGOV"
    assert data["trigger"] == {"text": "visit", "start": 10, "end": 15}
    assert data["confidence"] == 0.75


@pytest.mark.parametrize("confidence", [-0.1, 1.5, float("nan")])
def test_a_confidence_outside_0_1_is_refused(confidence: float) -> None:
    with pytest.raises(ValueError, match="confidence"):
        visit(confidence)


def test_a_record_cannot_be_made_without_a_confidence() -> None:
    with pytest.raises(TypeError, match="confidence"):
        EventRecord("CONSULT", None, "040", 1.0, (), (), "asserted", None, False, "met", 0, 3, 0, 10)  # type: ignore[call-arg]
