"""Helpers shared by the event tests: code one text and pick events by trigger word."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from newsgraph.events.coder import extract_events
from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.actors.reading import read_actors
from newsgraph.events.records import EventRecord


def code(nlp: Language, text: str, require_actor: bool = True) -> list[EventRecord]:
    """The events of ``text``, however unsure the coder is of them: these tests check how events
    are coded; what the confidence floor keeps is tested with the confidence model."""
    doc = nlp(text)
    reading = read_actors(doc, load_knowledge_base(), date(2024, 6, 18))
    return extract_events(doc, reading, require_actor=require_actor, floor=0.0)


def event(nlp: Language, text: str, trigger: str) -> EventRecord:
    """The one event whose trigger contains the word ``trigger``."""
    found = [e for e in code(nlp, text) if trigger in e.trigger_text.split()]
    assert len(found) == 1, (text, [(e.trigger_text, e.type) for e in code(nlp, text)])
    return found[0]


def roots(event: EventRecord) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
    return tuple(a.root for a in event.source_actors), tuple(a.root for a in event.target_actors)
