"""Who an actor met, accused, supported or threatened (and every other event type), from the
events naming it, and the same as a small network drawn in SVG.

An event with the actor among its sources relates it to each target ("accused X"); one with the
actor among its targets relates each source to it ("accused by X"); a meeting (or any mutual
event) relates the actor to its co-sources as well. Events under a confidence threshold can be
left out (and counted: :func:`hidden_relation_events`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import duckdb
import networkx as nx
from markupsafe import Markup, escape

from newsgraph.web.filters import fetch_dicts

__all__ = ["Relation", "RELATION_WORDS", "relations", "hidden_relation_events", "network_svg"]

# The verbs the actor page leads with, then every other PLOVER type in lower case.
RELATION_WORDS: dict[str, tuple[str, str]] = {
    "CONSULT": ("met", "met"),
    "ACCUSE": ("accused", "accused by"),
    "SUPPORT": ("supported", "supported by"),
    "THREATEN": ("threatened", "threatened by"),
}
_CONFLICT = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "REQUEST"}


@dataclass(frozen=True)
class Relation:
    """The events of one type linking the actor with one other actor, in one direction."""

    type: str
    direction: str  # "out": the actor did it; "in": it was done to the actor; "with": done together
    other_id: str
    other_name: str
    events: int
    first: str | None
    last: str | None
    example_event: str
    example_doc: str

    @property
    def verb(self) -> str:
        out, incoming = RELATION_WORDS.get(self.type, (self.type.lower(), self.type.lower() + " by"))
        if self.direction == "with":
            return "met" if self.type == "CONSULT" else f"{self.type.lower()} together with"
        return out if self.direction == "out" else incoming

    @property
    def conflict(self) -> bool:
        return self.type in _CONFLICT

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "direction": self.direction, "verb": self.verb, "other_id": self.other_id,
                "other_name": self.other_name, "events": self.events, "first": self.first, "last": self.last,
                "example_event": self.example_event, "example_doc": self.example_doc}


def _pairs(summaries_ready: bool, confidence: str) -> str:
    """The CTEs ``mine`` (the actor's events whose confidence meets the condition ``confidence``) and
    ``pairs`` (each event with each other actor it relates the actor to)."""
    source = ('event_timeline e' if summaries_ready else
              'events e JOIN documents d ON d.id = e.doc_id')
    when = 'e."when"' if summaries_ready else "coalesce(e.date, left(d.published, 10))"
    return f"""
        WITH mine AS (
            SELECT e.id, e.doc_id, e.type, e.mutual, e.source_actor_ids, e.target_actor_ids, {when} AS "when"
            FROM {source}
            WHERE (list_contains(e.source_actor_ids, $actor) OR list_contains(e.target_actor_ids, $actor))
              AND {confidence}
        ), pairs AS (
            SELECT id, doc_id, type, "when", 'out' AS direction, unnest(target_actor_ids) AS other
            FROM mine WHERE list_contains(source_actor_ids, $actor)
            UNION ALL
            SELECT id, doc_id, type, "when", 'in', unnest(source_actor_ids)
            FROM mine WHERE list_contains(target_actor_ids, $actor)
            UNION ALL
            SELECT id, doc_id, type, "when", 'with', unnest(list_filter(source_actor_ids, a -> a <> $actor))
            FROM mine WHERE list_contains(source_actor_ids, $actor) AND (mutual OR type = 'CONSULT')
        )"""


def relations(cursor: duckdb.DuckDBPyConnection, actor_id: str, *, limit: int = 200,
              summaries_ready: bool = True, min_confidence: float | None = None) -> list[Relation]:
    """The actor's relations, the four named verbs first, then by number of events (read from the
    narrow ``event_timeline`` summary when it is current, else from the events and documents),
    counting only events at or over ``min_confidence`` (or of unknown confidence)."""
    rows = fetch_dicts(
        cursor,
        f"""
        {_pairs(summaries_ready, "coalesce(e.confidence, 1) >= $floor")}
        SELECT * FROM (
        SELECT p.type, p.direction, p.other AS other_id, coalesce(a.name, p.other) AS other_name,
               count(DISTINCT p.id) AS events, min(p."when") AS first, max(p."when") AS last,
               min(p.id) AS example_event, arg_min(p.doc_id, p.id) AS example_doc
        FROM pairs p LEFT JOIN actors a ON a.id = p.other
        WHERE p.other <> $actor
        GROUP BY ALL
        )
        ORDER BY CASE type WHEN 'CONSULT' THEN 0 WHEN 'ACCUSE' THEN 1 WHEN 'SUPPORT' THEN 2
                 WHEN 'THREATEN' THEN 3 ELSE 4 END, events DESC, other_name
        LIMIT $limit
        """,
        {"actor": actor_id, "limit": limit, "floor": min_confidence or 0.0},
    )
    return [Relation(**row) for row in rows]


def hidden_relation_events(cursor: duckdb.DuckDBPyConnection, actor_id: str, min_confidence: float | None, *,
                           summaries_ready: bool = True) -> int:
    """How many events relating the actor to another one are under ``min_confidence``."""
    if not min_confidence:
        return 0
    row = cursor.execute(
        f"{_pairs(summaries_ready, 'e.confidence < $floor')} SELECT count(DISTINCT id) FROM pairs WHERE other <> $actor",
        {"actor": actor_id, "floor": min_confidence},
    ).fetchone()
    return int(row[0]) if row else 0


def network_svg(actor_id: str, actor_name: str, found: list[Relation], *, size: int = 560, most: int = 24) -> Markup:
    """The actor and its most frequent counterparts as an SVG network; every label is escaped."""
    weights: dict[str, float] = {}
    names = {actor_id: actor_name}
    conflict: dict[str, int] = {}
    for relation in found:
        weights[relation.other_id] = weights.get(relation.other_id, 0) + relation.events
        names[relation.other_id] = relation.other_name
        conflict[relation.other_id] = conflict.get(relation.other_id, 0) + (relation.events if relation.conflict else -relation.events)
    others = sorted(weights, key=lambda other: (-weights[other], names[other]))[:most]
    graph = nx.Graph()
    graph.add_node(actor_id)
    for other in others:
        graph.add_edge(actor_id, other, weight=weights[other])
    # A fixed seed: the same data always draws the same picture.
    positions = nx.spring_layout(graph, seed=7, center=(0, 0)) if others else {actor_id: (0.0, 0.0)}
    margin = 90
    scale = (size - 2 * margin) / 2

    def point(node: str) -> tuple[float, float]:
        x, y = positions[node]
        return size / 2 + float(x) * scale, size / 2 + float(y) * scale

    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" width="{size}" height="{size}" role="img" '
             f'aria-label="{escape(actor_name)} and the actors it has events with">']
    cx, cy = point(actor_id)
    heaviest = max(weights.values(), default=1)
    for other in others:
        x, y = point(other)
        tone = "conflict" if conflict[other] > 0 else "cooperation"
        width = 1 + 4 * math.sqrt(weights[other] / heaviest)
        parts.append(f'<line class="edge {tone}" x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke-width="{width:.1f}"><title>{escape(names[other])}: {int(weights[other])} event(s)</title></line>')
    for node in [actor_id, *others]:
        x, y = point(node)
        radius = 14 if node == actor_id else 8
        label = escape(names[node][:28])
        link = escape("/actors/" + quote(node, safe=":"))
        parts.append(f'<a href="{link}" class="node{" centre" if node == actor_id else ""}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}"/>'
                     f'<text x="{x:.1f}" y="{y + radius + 12:.1f}" text-anchor="middle">{label}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
