"""Actors: who is who in the news.

:mod:`newsgraph.actors.knowledge` holds the knowledge base of countries, organisations, media and
office holders (:func:`~newsgraph.actors.knowledge.load_knowledge_base`); its records are in
:mod:`newsgraph.actors.kb_records` and the context rules for ambiguous names in
:mod:`newsgraph.actors.ambiguity`.
"""

from __future__ import annotations

from newsgraph.actors.kb_records import Actor, Candidate, Office, Resolution
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base

__all__ = ["Actor", "Candidate", "KnowledgeBase", "Office", "Resolution", "load_knowledge_base"]
