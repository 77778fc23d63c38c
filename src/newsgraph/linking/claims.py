"""Contested claims: a happening that some reports assert or allege and others deny.

Each event cluster whose members include a denial and an assertion or allegation becomes a claim
with its sides: who alleges it (the reporting actor), who denies it, the articles that state it
as fact, and the accusations in those articles aimed at the parties (the United States accusing
North Korea of the supply it alleges). Claims are recomputed whenever their cluster changes.

Only events at or over the linking run's confidence threshold (or of unknown confidence) count:
a cluster holds no others (see :func:`newsgraph.linking.link`), and an accusation under the
threshold is not a side.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from newsgraph.linking.profiles import ActorDirectory
from newsgraph.store import Store, id_list

__all__ = ["write_claims", "claim_id_for"]

_SIDE = {"asserted": "asserts", "alleged": "alleges", "denied": "denies"}


def claim_id_for(cluster_id: str) -> str:
    return "claim:" + hashlib.sha1(cluster_id.encode()).hexdigest()[:16]


def write_claims(store: Store, cluster_ids: set[str], directory: ActorDirectory, event_threshold: float) -> None:
    if not cluster_ids:
        return
    db = store.db
    ids = sorted(cluster_ids)
    claim_ids = [claim_id_for(c) for c in ids]
    db.execute("DELETE FROM claim_sides WHERE claim_id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(claim_ids)])
    db.execute("DELETE FROM contested_claims WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(claim_ids)])
    members = store.query(
        "SELECT m.cluster_id, e.id, e.doc_id, e.status, e.reported_by_actor_id, e.source_actor_ids, "
        "e.target_actor_ids, e.type FROM event_cluster_members m JOIN events e ON e.id = m.event_id "
        "WHERE m.cluster_id IN (SELECT unnest(?::JSON::VARCHAR[])) ORDER BY e.doc_id, e.evidence_start, e.trigger_start, e.id",
        [id_list(ids)],
    )
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for row in members:
        by_cluster.setdefault(row["cluster_id"], []).append(row)
    contested = {
        cid: rows
        for cid, rows in by_cluster.items()
        if any(r["status"] == "denied" for r in rows) and any(r["status"] in ("asserted", "alleged") for r in rows)
    }
    if not contested:
        return
    party = directory.party
    claims, sides = [], []
    for cluster_id, rows in sorted(contested.items()):
        claim_id = claim_id_for(cluster_id)
        alleging: set[str] = set()
        # The accused must be the actor the claim is about: the source of what is alleged or asserted.
        doers = {party(a) for r in rows if r["status"] in ("asserted", "alleged") for a in r["source_actor_ids"]}
        for r in rows:
            side = _SIDE.get(r["status"])
            if side is None:
                continue
            if side == "asserts":
                actors: list[str] = []
            elif r["reported_by_actor_id"]:
                actors = [r["reported_by_actor_id"]]
            else:
                actors = list(r["source_actor_ids"])
            if side == "alleges":
                alleging |= {party(a) for a in actors}
            sides.append([claim_id, r["id"], side, actors, r["doc_id"]])
        docs = sorted({r["doc_id"] for r in rows})
        for accusation in store.query(
            "SELECT id, doc_id, source_actor_ids, target_actor_ids FROM events WHERE type = 'ACCUSE' "
            "AND doc_id IN (SELECT unnest(?::JSON::VARCHAR[])) AND (confidence IS NULL OR confidence >= ?) "
            "ORDER BY doc_id, evidence_start, trigger_start, id",
            [id_list(docs), event_threshold],
        ):
            accusers = {party(a) for a in accusation["source_actor_ids"]}
            accused = {party(a) for a in accusation["target_actor_ids"]}
            if accused & doers and accusers & alleging:
                sides.append(
                    [claim_id, accusation["id"], "accuses", list(accusation["source_actor_ids"]), accusation["doc_id"]]
                )
        claims.append([claim_id, cluster_id, _summary(rows, sides, claim_id, directory.name)])
    store.insert_rows("contested_claims", [dict(zip(("id", "event_cluster_id", "summary"), c)) for c in claims])
    store.insert_rows(
        "claim_sides",
        [dict(zip(("claim_id", "event_id", "side", "actor_ids", "doc_id"), side)) for side in sides],
        replace=True,
    )


def _summary(rows: list[dict[str, Any]], sides: list[list[Any]], claim_id: str, name: Callable[[str], str]) -> str:
    first = rows[0]
    dyad = "+".join(name(a) for a in first["source_actor_ids"]) or "?"
    if first["target_actor_ids"]:
        dyad += " -> " + "+".join(name(a) for a in first["target_actor_ids"])
    parts = []
    for side in ("alleges", "asserts", "accuses", "denies"):
        mine = [s for s in sides if s[0] == claim_id and s[2] == side]
        if not mine:
            continue
        who = sorted({name(a) for s in mine for a in s[3]})
        articles = len({s[4] for s in mine})
        parts.append(f"{side} {', '.join(who) if who else '(the article)'} in {articles} article(s)")
    return f"{first['type']} {dyad}: " + "; ".join(parts)
