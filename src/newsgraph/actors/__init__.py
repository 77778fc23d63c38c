"""Actors: who is who in the news.

:mod:`newsgraph.actors.knowledge` holds the knowledge base of countries, organisations, media and
office holders (:func:`~newsgraph.actors.knowledge.load_knowledge_base`); its records are in
:mod:`newsgraph.actors.kb_records` and the context rules for ambiguous names in
:mod:`newsgraph.actors.ambiguity`.

:func:`resolve_actors` finds the actors one parsed article mentions, with every mention
(:class:`DocumentActors` of :class:`ActorRecord` and :class:`MentionRecord`); then
:func:`resolve_speakers` gives each quotation's speaker as an actor id, and
:func:`resolve_title_speakers` does so for the quotations of the title.
"""

from __future__ import annotations

from newsgraph.actors.kb_records import Actor, Candidate, Office, Resolution
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.records import ActorRecord, DocumentActors, MentionRecord
from newsgraph.actors.resolve import ACTORS_VERSION, resolve_actors
from newsgraph.actors.speakers import Speaker, resolve_speakers, resolve_title_speakers

__all__ = [
    "ACTORS_VERSION",
    "Actor",
    "ActorRecord",
    "Candidate",
    "DocumentActors",
    "KnowledgeBase",
    "MentionRecord",
    "Office",
    "Resolution",
    "load_knowledge_base",
    "resolve_actors",
    "resolve_speakers",
    "resolve_title_speakers",
    "Speaker",
]
