"""A story's articles side by side: which outlet reported which event and quotation first, what
each one left out, and the claims one side asserts and another denies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store, id_list

__all__ = ["StoryArticle", "StoryRow", "StoryClaim", "StoryView", "StorySummary", "story_view", "list_stories"]


@dataclass(frozen=True)
class StoryArticle:
    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    score: float


@dataclass(frozen=True)
class StoryRow:
    """One event cluster or quotation cluster: what each article said of it (None: left out)."""

    cluster_id: str
    label: str
    first_doc_id: str
    n_articles: int
    n_outlets: int
    by_article: dict[str, str]
    evidence: dict[str, str]


@dataclass(frozen=True)
class StoryClaim:
    id: str
    summary: str
    sides: list[tuple[str, tuple[str, ...], str, str]]  # side, actor names, doc id, sentence


@dataclass(frozen=True)
class StoryView:
    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    articles: list[StoryArticle]
    events: list[StoryRow]
    quotes: list[StoryRow]
    claims: list[StoryClaim]
    near_duplicates: list[tuple[str, str, float]]


@dataclass(frozen=True)
class StorySummary:
    id: str
    title: str | None
    first_published: str | None
    n_articles: int
    n_outlets: int


def list_stories(store: Store, limit: int = 50, min_articles: int = 1) -> list[StorySummary]:
    """Stories with the most articles first."""
    rows = store.db.execute(
        "SELECT id, title, first_published, n_articles, n_outlets FROM stories WHERE n_articles >= ? "
        "ORDER BY n_articles DESC, first_published NULLS LAST, id LIMIT ?",
        [min_articles, limit],
    ).fetchall()
    return [StorySummary(*row) for row in rows]


def story_view(store: Store, key: str) -> StoryView:
    """The story with this id, or the story of the document this id prefix or source names."""
    story_id = _resolve(store, key)
    db = store.db
    head = db.execute(
        "SELECT id, title, first_published, last_published FROM stories WHERE id = ?", [story_id]
    ).fetchone()
    if head is None:
        raise NewsgraphError(f"no story {key!r}; run `newsgraph link` first, or list stories with `newsgraph story`")
    articles = [
        StoryArticle(*row)
        for row in db.execute(
            "SELECT d.id, d.title, d.outlet, d.published, sd.score FROM story_documents sd JOIN documents d "
            "ON d.id = sd.doc_id WHERE sd.story_id = ? ORDER BY d.published NULLS LAST, d.id",
            [story_id],
        ).fetchall()
    ]
    doc_ids = [a.doc_id for a in articles]
    names = dict(db.execute("SELECT id, name FROM actors").fetchall())
    return StoryView(
        id=head[0],
        title=head[1],
        first_published=head[2],
        last_published=head[3],
        articles=articles,
        events=_event_rows(store, doc_ids, names),
        quotes=_quote_rows(store, doc_ids, names),
        claims=_claims(store, doc_ids, names),
        near_duplicates=[
            (str(row[0]), str(row[1]), float(row[2]))
            for row in db.execute(
                "SELECT doc_id, duplicate_of, similarity FROM near_duplicates WHERE doc_id IN (SELECT unnest(?::JSON::VARCHAR[])) "
                "ORDER BY doc_id",
                [id_list(doc_ids)],
            ).fetchall()
        ],
    )


def _resolve(store: Store, key: str) -> str:
    if key.startswith("story:"):
        return key
    docs = store.find_documents(key)
    if len(docs) != 1:
        raise NewsgraphError(
            f"{key!r} names {len(docs)} documents; give a story id (story:...) or a unique document id or source"
        )
    row = store.db.execute("SELECT story_id FROM story_documents WHERE doc_id = ?", [docs[0]]).fetchone()
    if row is None:
        raise NewsgraphError(f"document {docs[0]} is not linked yet; run `newsgraph link`")
    return str(row[0])


_EVENT_MEMBERS = (
    "SELECT m.cluster_id, e.doc_id, e.status AS how, e.evidence_text AS said FROM event_cluster_members m "
    "JOIN events e ON e.id = m.event_id WHERE m.doc_id IN (SELECT unnest(?::JSON::VARCHAR[])) "
    "ORDER BY e.doc_id, e.evidence_start, e.trigger_start, e.id"
)
_EVENT_CLUSTERS = (
    "SELECT * FROM event_clusters WHERE id IN (SELECT unnest(?::JSON::VARCHAR[])) "
    "ORDER BY n_articles DESC, first_reported NULLS LAST, id"
)
_QUOTE_MEMBERS = (
    "SELECT m.cluster_id, q.doc_id, q.kind AS how, q.text AS said FROM quote_cluster_members m "
    "JOIN quotes q ON q.id = m.quote_id WHERE m.doc_id IN (SELECT unnest(?::JSON::VARCHAR[])) ORDER BY q.doc_id, q.start"
)
_QUOTE_CLUSTERS = (
    "SELECT * FROM quote_clusters WHERE id IN (SELECT unnest(?::JSON::VARCHAR[])) ORDER BY n_articles DESC, id"
)


def _event_rows(store: Store, doc_ids: list[str], names: dict[str, str]) -> list[StoryRow]:
    def label(cluster: dict[str, Any]) -> str:
        dyad = ", ".join(names.get(a, a) for a in cluster["source_actor_ids"]) or "?"
        if cluster["target_actor_ids"]:
            dyad += " → " + ", ".join(names.get(a, a) for a in cluster["target_actor_ids"])
        when = f" ({cluster['date']})" if cluster["date"] else ""
        return f"{cluster['type']} {cluster['cameo']} {dyad}{when}"

    return _cluster_rows(store, doc_ids, _EVENT_MEMBERS, _EVENT_CLUSTERS, label)


def _quote_rows(store: Store, doc_ids: list[str], names: dict[str, str]) -> list[StoryRow]:
    def label(cluster: dict[str, Any]) -> str:
        speaker = names.get(cluster["speaker_actor_id"], cluster["speaker_actor_id"] or "unknown speaker")
        return f"{speaker}: “{cluster['text']}”"

    return _cluster_rows(store, doc_ids, _QUOTE_MEMBERS, _QUOTE_CLUSTERS, label)


def _cluster_rows(
    store: Store, doc_ids: list[str], members_sql: str, clusters_sql: str, label: Callable[[dict[str, Any]], str]
) -> list[StoryRow]:
    """One row per cluster these articles contribute to: how each article carried it (``how``) and
    its words there (``said``)."""
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for row in store.query(members_sql, [id_list(doc_ids)]):
        by_cluster.setdefault(row["cluster_id"], []).append(row)
    out = []
    for cluster in store.query(clusters_sql, [id_list(sorted(by_cluster))]):
        by_article: dict[str, str] = {}
        evidence: dict[str, str] = {}
        for member in by_cluster[cluster["id"]]:
            by_article.setdefault(member["doc_id"], member["how"])
            evidence.setdefault(member["doc_id"], member["said"])
        out.append(
            StoryRow(
                cluster_id=cluster["id"],
                label=label(cluster),
                first_doc_id=cluster["first_doc_id"],
                n_articles=cluster["n_articles"],
                n_outlets=cluster["n_outlets"],
                by_article=by_article,
                evidence=evidence,
            )
        )
    return out


def _claims(store: Store, doc_ids: list[str], names: dict[str, str]) -> list[StoryClaim]:
    claims = store.query(
        "SELECT DISTINCT c.id, c.summary FROM contested_claims c JOIN claim_sides s ON s.claim_id = c.id "
        "WHERE s.doc_id IN (SELECT unnest(?::JSON::VARCHAR[])) ORDER BY c.id",
        [id_list(doc_ids)],
    )
    out = []
    for claim in claims:
        sides = [
            (row["side"], tuple(names.get(a, a) for a in row["actor_ids"]), row["doc_id"], row["evidence_text"])
            for row in store.query(
                "SELECT s.side, s.actor_ids, s.doc_id, e.evidence_text FROM claim_sides s JOIN events e ON e.id = s.event_id "
                "WHERE s.claim_id = ? ORDER BY s.side, s.doc_id",
                [claim["id"]],
            )
        ]
        out.append(StoryClaim(claim["id"], claim["summary"], sides))
    return out
