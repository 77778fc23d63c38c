"""Full-text search over events, quotations and the articles' own text, best match first.

``kind`` is ``events``, ``quotes``, ``documents`` or ``all`` (the default: events, then
quotations, then articles, paged as one list; ``counts`` says how many of each match). An event
result is a sentence, given once however many events were coded in it: its best event's fields,
``event_ids`` and ``events`` (each event of the sentence over the confidence floor). An article
result carries a ``snippet`` of its text around the first word that matched.

Words match as the index matches them: lower case, Porter stems ("fired" finds "fire"), any word
of the query. :class:`Highlighter` marks the same words in what the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb
from markupsafe import Markup, escape

from newsgraph.store import id_list
from newsgraph.store.search import fts_schema, hits_sql
from newsgraph.web.filters import BadRequest, Filters, Page, fetch_dicts
from newsgraph.web.queries import _QUOTE_OWN_COLUMNS, event_columns

__all__ = ["KINDS", "search", "count_matches", "Highlighter", "snippet"]

KINDS = ("all", "events", "quotes", "documents")
_ORDER = ("events", "quotes", "documents")
_RECORD = {"events": "event", "quotes": "quote", "documents": "document"}
_WORD = re.compile(r"[^\W_]+")
_SNIPPET = 220


def _ranked(kind: str, search_ready: bool, floor: float | None) -> tuple[str, int]:
    """A query of (key, score) rows for the matches of one kind, and how many times it takes the
    words searched for (the confidence floor, when it takes one, follows them)."""
    if kind == "events":
        if search_ready:
            hits = f"SELECT e.id, h.score FROM ({hits_sql('events')}) h JOIN events e ON e.id = h.id"
            hits += " WHERE (e.confidence IS NULL OR e.confidence >= ?)" if floor else ""
        else:
            hits = "SELECT e.id, 1.0 AS score FROM events e WHERE contains(lower(e.evidence_text), lower(?))"
            hits += " AND (e.confidence IS NULL OR e.confidence >= ?)" if floor else ""
        return (f"SELECT (list(e.id ORDER BY e.trigger_start, e.id))[1] AS id, max(hits.score) AS score, "
                f"list(e.id ORDER BY e.trigger_start, e.id) AS event_ids FROM ({hits}) hits JOIN events e ON e.id = hits.id "
                "GROUP BY e.doc_id, e.evidence_start, e.evidence_end"), 1
    if search_ready:
        return f"SELECT id, score, NULL AS event_ids FROM ({hits_sql(kind)})", 1
    if kind == "quotes":
        return "SELECT id, 1.0 AS score, NULL AS event_ids FROM quotes WHERE contains(lower(text), lower(?))", 1
    return ("SELECT id, 1.0 AS score, NULL AS event_ids FROM documents "
            "WHERE contains(lower(title), lower(?)) OR contains(lower(text), lower(?))"), 2


def _parameters(query: str, uses: int, kind: str, floor: float | None) -> list[Any]:
    return [query] * uses + ([floor] if kind == "events" and floor else [])


def _count(cursor: duckdb.DuckDBPyConnection, query: str, kind: str, search_ready: bool, floor: float | None) -> int:
    if search_ready and kind != "events":
        # Counting needs no score: the rows holding any of the words, read from the index's terms.
        schema = fts_schema(kind)
        counted = cursor.execute(
            f"WITH tokens AS (SELECT DISTINCT stem(unnest({schema}.tokenize(?)), 'porter') AS t) "
            f"SELECT count(DISTINCT docid) FROM {schema}.terms WHERE termid IN "
            f"(SELECT termid FROM {schema}.dict JOIN tokens ON term = t)", [query]).fetchone()
        return int(counted[0]) if counted else 0
    sql, uses = _ranked(kind, search_ready, floor)
    counted = cursor.execute(f"SELECT count(*) FROM ({sql})", _parameters(query, uses, kind, floor)).fetchone()
    return int(counted[0]) if counted else 0


def count_matches(cursor: duckdb.DuckDBPyConnection, query: str, kind: str, filters: Filters, *,
                  search_ready: bool = True) -> int:
    """How many results of one kind ``query`` has (event sentences for ``events``)."""
    return _count(cursor, query, kind, search_ready, filters.min_confidence)


def _hits(cursor: duckdb.DuckDBPyConnection, query: str, kind: str, search_ready: bool, floor: float | None,
          limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of (id, score, event_ids) rows, best first, and how many match in all: the
    matches are ranked once and counted from the same result."""
    sql, uses = _ranked(kind, search_ready, floor)
    hits = fetch_dicts(cursor, f"WITH hits AS MATERIALIZED ({sql}) SELECT *, (SELECT count(*) FROM hits) AS total "
                       f"FROM hits ORDER BY score DESC, id LIMIT {limit} OFFSET {offset}", _parameters(query, uses, kind, floor))
    if hits:
        return hits, int(hits[0]["total"])
    return hits, _count(cursor, query, kind, search_ready, floor) if offset else 0


def _rows(cursor: duckdb.DuckDBPyConnection, kind: str, hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page's results in full, in the order of ``hits``."""
    if not hits:
        return []
    if kind == "documents":
        rows = fetch_dicts(cursor, "SELECT d.id, d.title, d.outlet, d.published, d.url, d.text FROM documents d "
                           "WHERE d.id = ANY(?::JSON::VARCHAR[])", [id_list(hit["id"] for hit in hits)])
    else:
        # The records alone, then their articles: a join would scan the documents.
        if kind == "quotes":
            rows = fetch_dicts(cursor, f"SELECT {_QUOTE_OWN_COLUMNS} FROM quotes q WHERE q.id = ANY(?::JSON::VARCHAR[])",
                               [id_list(hit["id"] for hit in hits)])
        else:
            every = [event_id for hit in hits for event_id in hit["event_ids"]]
            rows = fetch_dicts(cursor, f"SELECT {event_columns(cursor, own=True)} FROM events e "
                               "WHERE e.id = ANY(?::JSON::VARCHAR[])", [id_list(every)])
        articles = {row["id"]: row for row in fetch_dicts(
            cursor, "SELECT d.id, d.title AS doc_title, d.outlet, d.published FROM documents d "
            "WHERE d.id = ANY(?::JSON::VARCHAR[])", [id_list({row["doc_id"] for row in rows})])}
        for row in rows:
            article = articles.get(row["doc_id"], {})
            row.update(doc_title=article.get("doc_title"), outlet=article.get("outlet"), published=article.get("published"))
            if kind == "events":
                row["when"] = row["date"] or (row["published"] or "")[:10] or None
    found = {row["id"]: row for row in rows}
    results = []
    for hit in hits:
        if hit["id"] not in found:
            continue
        row = dict(found[hit["id"]], record=_RECORD[kind], score=hit["score"])
        if kind == "events":
            row["event_ids"] = list(hit["event_ids"])
            row["events"] = [{key: found[i][key] for key in ("id", "type", "cameo", "status", "source_actor_ids",
                                                              "target_actor_ids", "confidence")}
                             for i in hit["event_ids"] if i in found]
        results.append(row)
    return results


def _hidden(cursor: duckdb.DuckDBPyConnection, query: str, floor: float, search_ready: bool) -> int:
    """How many events matching ``query`` are under ``floor``."""
    if search_ready:
        sql = f"SELECT count(*) FROM ({hits_sql('events')}) h JOIN events e ON e.id = h.id WHERE e.confidence < ?"
    else:
        sql = "SELECT count(*) FROM events e WHERE contains(lower(e.evidence_text), lower(?)) AND e.confidence < ?"
    counted = cursor.execute(sql, [query, floor]).fetchone()
    return int(counted[0]) if counted else 0


def search(cursor: duckdb.DuckDBPyConnection, query: str, kind: str, filters: Filters, *,
           search_ready: bool = True) -> Page:
    """The matches of ``query`` of one kind (or all kinds), best first, paged by ``filters``; events
    only at or over ``filters.min_confidence`` (or of unknown confidence), with how many more
    match (``hidden_events``)."""
    if not query.strip():
        raise BadRequest("give words to search for with q=")
    if kind not in KINDS:
        raise BadRequest(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    floor = filters.min_confidence
    kinds = _ORDER if kind == "all" else (kind,)
    items: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    if len(kinds) == 1 and not filters.download:
        hits, counts[kind] = _hits(cursor, query, kind, search_ready, floor, filters.limit, filters.offset)
        items = _rows(cursor, kind, hits)
        if kind == "documents":
            _add_snippets(cursor, query, items)
    else:
        counts = {name: _count(cursor, query, name, search_ready, floor) for name in kinds}
        limit = filters.limit if not filters.download else sum(counts.values())
        offset = 0 if filters.download else filters.offset
        start = 0
        for name in kinds:
            # This kind's share of the page: the results from offset to offset + limit of the whole list.
            first, last = max(offset - start, 0), min(offset + limit - start, counts[name])
            if first < last:
                rows = _rows(cursor, name, _hits(cursor, query, name, search_ready, floor, last - first, first)[0])
                if name == "documents":
                    _add_snippets(cursor, query, rows)
                items.extend(rows)
            start += counts[name]
    hidden = None
    if "events" in kinds and floor is not None:
        hidden = _hidden(cursor, query, floor, search_ready) if floor else 0
    return Page(items, sum(counts.values()), filters.limit, filters.offset, hidden, counts)


def _add_snippets(cursor: duckdb.DuckDBPyConnection, query: str, rows: list[dict[str, Any]]) -> None:
    highlighter = Highlighter.build(cursor, query, (row["text"] for row in rows))
    for row in rows:
        row["snippet"] = snippet(row.pop("text"), highlighter)


def snippet(text: str, highlighter: Highlighter) -> str:
    """About :data:`_SNIPPET` characters of ``text`` around its first matching word."""
    first = next((found.start() for found in _WORD.finditer(text) if highlighter.matches(found.group())), 0)
    start = max(0, first - _SNIPPET // 3)
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 else start
    end = min(len(text), start + _SNIPPET)
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


@dataclass(frozen=True)
class Highlighter:
    """Marks the words of a text that the search matched: those whose stem is a stem of a word
    searched for (the index's Porter stems when the database can compute them, else the words)."""

    wanted: frozenset[str]
    stems: dict[str, str]

    @classmethod
    def build(cls, cursor: duckdb.DuckDBPyConnection, query: str, texts: Iterable[str]) -> Highlighter:
        words = {word.lower() for text in [query, *texts] for word in _WORD.findall(text or "")}
        try:
            stems = dict(cursor.execute("SELECT w, stem(w, 'porter') FROM (SELECT unnest(?::VARCHAR[]) AS w)",
                                        [sorted(words)]).fetchall())
        except duckdb.Error:
            stems = {word: word for word in words}
        wanted = frozenset(stems.get(word.lower(), word.lower()) for word in _WORD.findall(query))
        return cls(wanted, stems)

    def matches(self, word: str) -> bool:
        lowered = word.lower()
        return self.stems.get(lowered, lowered) in self.wanted

    def mark(self, text: str | None) -> Markup:
        """``text`` escaped, each matching word in ``<mark>``."""
        if not text:
            return Markup("")
        pieces, at = [], 0
        for found in _WORD.finditer(text):
            if self.matches(found.group()):
                pieces.append(escape(text[at:found.start()]))
                pieces.append(Markup("<mark>") + escape(found.group()) + Markup("</mark>"))
                at = found.end()
        pieces.append(escape(text[at:]))
        return Markup("").join(pieces)
