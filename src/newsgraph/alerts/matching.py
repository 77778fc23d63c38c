"""Finding what new documents bring that an alert asks for, each match once.

A match is keyed by what it reports (an event's type, status, parties and sentence; a quotation's
speaker and words), not by the record's id: the same event in an updated version of an article,
or in a syndicated copy, is the same news and fires once.

Events carry a ``confidence`` in [0, 1]; one stored before events had one (NULL) is taken as
certain (1.0).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from newsgraph.alerts.rules import Alert, list_alerts
from newsgraph.store import Store, id_list

__all__ = ["AlertMatch", "check_alerts", "recent_matches"]


@dataclass(frozen=True)
class AlertMatch:
    """One new match: the alert's name, ``event`` or ``quote``, and the record as reported."""

    alert: str
    kind: str
    record_id: str
    doc_id: str
    key: str
    record: dict[str, Any]

    def line(self) -> str:
        """The match in one line, for a terminal."""
        record = self.record
        where = record.get("url") or record.get("title") or self.doc_id
        if self.kind == "event":
            sources = ", ".join(record["source_actor_ids"]) or "?"
            targets = ", ".join(record["target_actor_ids"]) or "—"
            what = f"{record['type']} {sources} -> {targets} ({record['status']}, {record['confidence']:.2f})"
        else:
            what = f"quote by {record.get('speaker_actor_id') or record.get('speaker') or '?'}"
        return f"alert {self.alert}: {what}: \"{_shorten(record['text'])}\" {where}"


def check_alerts(store: Store) -> list[AlertMatch]:
    """The new matches of every alert in the documents stored since it was last checked,
    recorded (in one transaction) so that none is reported twice."""
    alerts = list_alerts(store)
    if not alerts:
        return []
    confidence = "coalesce(e.confidence, 1.0)"
    found: list[AlertMatch] = []
    with store.transaction():
        newest = store.db.execute("SELECT max(ingested_at) FROM documents").fetchone()
        for alert in alerts:
            checked_from = store.db.execute("SELECT checked_from FROM alerts WHERE name = ?", [alert.name]).fetchone()
            assert checked_from is not None
            candidates = _event_matches(store, alert, checked_from[0], confidence)
            if alert.matches_quotes and (alert.min_confidence is None or alert.min_confidence <= 1.0):
                candidates += _quote_matches(store, alert, checked_from[0])
            found += _record_new(store, alert, candidates)
        if newest is not None and newest[0] is not None:
            store.db.execute("UPDATE alerts SET checked_from = greatest(checked_from, ?)", [newest[0]])
    return found


def recent_matches(db: duckdb.DuckDBPyConnection, *, alert: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """The latest matches (of ``alert``, or of every alert), newest first, as stored."""
    rows = db.execute(
        "SELECT alert, kind, record_id, doc_id, matched_at, record FROM alert_matches "
        "WHERE ? IS NULL OR alert = ? ORDER BY matched_at DESC, alert, record_id LIMIT ?",
        [alert, alert, limit],
    ).fetchall()
    return [
        {"alert": name, "kind": kind, "record_id": record_id, "doc_id": doc_id, "matched_at": matched_at, **json.loads(record)}
        for name, kind, record_id, doc_id, matched_at, record in rows
    ]


_DOCUMENT = "d.url, d.title, d.outlet, d.published"


def _event_matches(store: Store, alert: Alert, since: Any, confidence: str) -> list[AlertMatch]:
    sources = _actor_ids(store, alert.actor)
    targets = _actor_ids(store, alert.target)
    rows = store.query(
        f"SELECT e.id, e.doc_id, e.type, e.status, e.source_actor_ids, e.target_actor_ids, e.evidence_text AS text, "
        f"e.date, {confidence} AS confidence, {_DOCUMENT} FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE d.ingested_at >= ? AND (? IS NULL OR e.type = ?) AND (? IS NULL OR e.status = ?) "
        "AND (? IS NULL OR list_has_any(e.source_actor_ids, ?::JSON::VARCHAR[])) "
        "AND (? IS NULL OR list_has_any(e.target_actor_ids, ?::JSON::VARCHAR[])) "
        f"AND {confidence} >= ? ORDER BY d.ingested_at, e.doc_id, e.trigger_start, e.id",
        [since, alert.type, alert.type, alert.status, alert.status, sources, sources, targets, targets,
         alert.min_confidence or 0.0],
    )
    matches = []
    for row in rows:
        row["confidence"] = float(row["confidence"])
        key = _key("event", row["type"], row["status"], sorted(row["source_actor_ids"]), sorted(row["target_actor_ids"]), row["text"])
        matches.append(_match(alert, "event", row, key))
    return matches


def _quote_matches(store: Store, alert: Alert, since: Any) -> list[AlertMatch]:
    speakers = _actor_ids(store, alert.actor)
    rows = store.query(
        f"SELECT q.id, q.doc_id, q.text, q.kind AS quote_kind, q.speaker_actor_id, q.speaker_text AS speaker, {_DOCUMENT} "
        "FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE d.ingested_at >= ? "
        "AND (? IS NULL OR q.speaker_actor_id IN (SELECT unnest(?::JSON::VARCHAR[]))) "
        "ORDER BY d.ingested_at, q.doc_id, q.start, q.id",
        [since, speakers, speakers],
    )
    return [_match(alert, "quote", row, _key("quote", row["speaker_actor_id"], row["text"])) for row in rows]


def _match(alert: Alert, kind: str, row: dict[str, Any], key: str) -> AlertMatch:
    record = {"alert": alert.name, "kind": kind, **row}
    return AlertMatch(alert.name, kind, row["id"], row["doc_id"], key, record)


def _record_new(store: Store, alert: Alert, candidates: list[AlertMatch]) -> list[AlertMatch]:
    """The candidates not matched before (nor twice among themselves), now recorded."""
    if not candidates:
        return []
    known = {
        row[0]
        for row in store.db.execute(
            "SELECT match_key FROM alert_matches WHERE alert = ? AND match_key IN (SELECT unnest(?::JSON::VARCHAR[]))",
            [alert.name, id_list(match.key for match in candidates)],
        ).fetchall()
    }
    new: list[AlertMatch] = []
    for match in candidates:
        if match.key not in known:
            known.add(match.key)
            new.append(match)
    if new:
        store.db.executemany(
            "INSERT INTO alert_matches VALUES (?, ?, ?, ?, ?, now(), ?)",
            [[m.alert, m.key, m.kind, m.record_id, m.doc_id, json.dumps(m.record, ensure_ascii=False)] for m in new],
        )
    return new


def _actor_ids(store: Store, actor: str | None) -> str | None:
    """The ids of the actors ``actor`` names (an id, a name or an alias, case aside), as one JSON
    list parameter; None when no actor was asked for."""
    if actor is None:
        return None
    key = actor.casefold()
    rows = store.db.execute(
        "SELECT id FROM actors WHERE lower(id) = ? OR lower(name) = ? OR list_contains(list_transform(aliases, a -> lower(a)), ?)",
        [key, key, key],
    ).fetchall()
    return id_list(sorted({row[0] for row in rows} | {actor}))


def _key(*parts: Any) -> str:
    normalised = json.dumps([" ".join(part.split()).casefold() if isinstance(part, str) else part for part in parts])
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:32]


def _shorten(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
