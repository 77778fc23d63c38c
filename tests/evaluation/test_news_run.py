"""predicted_events: the stored events with their coder's actors, as the event scorer reads them."""

from __future__ import annotations

from factories import make_document

from newsgraph.documents import build_events
from newsgraph.evaluation.news_run import predicted_events
from newsgraph.evaluation.predictions import PredictedParty
from newsgraph.events import ActorRef, EventRecord
from newsgraph.pipeline.analysis import DatedEvent

TEXT = "UN chief Antonio Guterres urged police to free the protesters."


def _event(**fields: object) -> EventRecord:
    base: dict[str, object] = dict(
        type="REQUEST", mode=None, cameo="100", goldstein=-5.0,
        source_actors=(ActorRef("person:antonio-guterres", "PRT", "IGOUNO"),),
        target_actors=(ActorRef(None, None, "COP"), ActorRef(None, "KEN", "KENCOP")),
        status="asserted", reported_by=None, negated=False, trigger_text="urged", trigger_start=26,
        trigger_end=31, evidence_start=0, evidence_end=len(TEXT), confidence=0.7,
    )  # fmt: skip
    base.update(fields)
    return EventRecord(**base)  # type: ignore[arg-type]


def test_stored_events_keep_each_actors_country_and_international_body() -> None:
    document = make_document(TEXT)
    found = [DatedEvent(_event(), "2025-05-12", None, "sentence"), DatedEvent(_event(mutual=True), None, None)]
    document.events = build_events(document.id, found, TEXT)
    first, second = predicted_events(document, found)
    assert first.id == document.events[0].id and first.date == "2025-05-12" and first.trigger == "urged"
    assert first.sources == (PredictedParty("person:antonio-guterres", "PRT", "IGOUNO", international=True),)
    assert first.targets == (PredictedParty(None, None, "COP"), PredictedParty(None, "KEN", "KENCOP"))
    assert (first.evidence_start, first.evidence_end, first.confidence) == (0, len(TEXT), 0.7)
    assert second.mutual and not first.mutual


def test_the_coders_confidence_is_kept() -> None:
    document = make_document(TEXT)
    found = [DatedEvent(_event(confidence=0.75), None, None)]
    document.events = build_events(document.id, found, TEXT)
    assert predicted_events(document, found)[0].confidence == 0.75
