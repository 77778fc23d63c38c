"""A story's articles side by side: which outlet reported which event and quotation first, what
each one left out, and the claims one side asserts and another denies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.web.filters import Filters, NotFound
from newsgraph.web.links import actor_names, get_story
from newsgraph.web.links import list_stories as list_story_rows

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
    """One event cluster or quotation cluster: how each article reported it (its status, or the
    quotation's kind; absent: left out)."""

    cluster_id: str
    label: str
    first_doc_id: str
    n_articles: int
    n_outlets: int
    by_article: dict[str, str]


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


def list_stories(store: Store, limit: int = 50) -> list[StorySummary]:
    """The most widely reported stories first (the order of the web pages and the API)."""
    with store.db.cursor() as cursor:
        page = list_story_rows(cursor, Filters(limit=limit))
    return [StorySummary(row["id"], row["title"], row["first_published"], row["n_articles"], row["n_outlets"])
            for row in page.items]


def story_view(store: Store, key: str) -> StoryView:
    """The story with this id, or the story of the document this id prefix or source names: the
    story as :func:`newsgraph.web.links.get_story` reads it, laid out article by article."""
    story_id = _resolve(store, key)
    with store.db.cursor() as cursor:
        try:
            found = get_story(cursor, story_id, summaries_ready=False)
        except NotFound:
            raise NewsgraphError(
                f"no story {key!r}; run `newsgraph link` first, or list stories with `newsgraph story`"
            ) from None
        names = actor_names(cursor, _actor_ids(found))
    articles = sorted(
        (StoryArticle(doc["id"], doc["title"], doc["outlet"], doc["published"], doc["score"]) for doc in found["documents"]),
        key=lambda article: (article.published is None, article.published or "", article.doc_id),
    )
    return StoryView(
        id=found["id"],
        title=found["title"],
        first_published=found["first_published"],
        last_published=found["last_published"],
        articles=articles,
        events=_rows(found["event_clusters"], found["events"], "status", _event_label(names), by_first_report=True),
        quotes=_rows(found["quote_clusters"], found["quotes"], "kind", _quote_label(names), by_first_report=False),
        claims=[
            StoryClaim(claim["id"], claim["summary"], [
                (side["side"], tuple(names.get(actor, actor) for actor in side["actor_ids"]), side["doc_id"],
                 side["evidence_text"])
                for side in sorted(claim["sides"], key=lambda side: (side["side"], side["doc_id"]))
            ])
            for claim in found["claims"]
        ],
        near_duplicates=[(row["doc_id"], row["duplicate_of"], float(row["similarity"])) for row in found["near_duplicates"]],
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


def _actor_ids(found: dict[str, Any]) -> set[str]:
    ids = {actor for cluster in found["event_clusters"] for actor in cluster["source_actor_ids"] + cluster["target_actor_ids"]}
    ids |= {cluster["speaker_actor_id"] for cluster in found["quote_clusters"] if cluster["speaker_actor_id"]}
    return ids | {actor for claim in found["claims"] for side in claim["sides"] for actor in side["actor_ids"]}


def _event_label(names: dict[str, str]) -> Callable[[dict[str, Any]], str]:
    def label(cluster: dict[str, Any]) -> str:
        dyad = ", ".join(names.get(a, a) for a in cluster["source_actor_ids"]) or "?"
        if cluster["target_actor_ids"]:
            dyad += " → " + ", ".join(names.get(a, a) for a in cluster["target_actor_ids"])
        when = f" ({cluster['date']})" if cluster["date"] else ""
        return f"{cluster['type']} {cluster['cameo']} {dyad}{when}"

    return label


def _quote_label(names: dict[str, str]) -> Callable[[dict[str, Any]], str]:
    def label(cluster: dict[str, Any]) -> str:
        speaker = names.get(cluster["speaker_actor_id"], cluster["speaker_actor_id"] or "unknown speaker")
        return f"{speaker}: “{cluster['text']}”"

    return label


def _rows(clusters: list[dict[str, Any]], members: list[dict[str, Any]], how: str,
          label: Callable[[dict[str, Any]], str], *, by_first_report: bool) -> list[StoryRow]:
    """One row per cluster, the most reported first (then, with ``by_first_report``, the first
    reported): how each article carried it (``how``: an event's status, a quotation's kind), from
    its first member in the article."""
    by_cluster: dict[str, dict[str, str]] = {}
    for member in members:
        if member["cluster_id"] is not None:
            by_cluster.setdefault(member["cluster_id"], {}).setdefault(member["doc_id"], member[how])
    def order(cluster: dict[str, Any]) -> tuple[int, bool, str, str]:
        first = cluster["first_reported"] if by_first_report else ""
        return -cluster["n_articles"], first is None, first or "", cluster["id"]

    ordered = sorted(clusters, key=order)
    return [
        StoryRow(cluster["id"], label(cluster), cluster["first_doc_id"], cluster["n_articles"], cluster["n_outlets"],
                 by_cluster.get(cluster["id"], {}))
        for cluster in ordered
    ]
