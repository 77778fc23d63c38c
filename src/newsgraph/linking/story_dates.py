"""Dating an undated article from its story, after linking.

An article with no publication date of its own (a repost on a blog, a page whose stamp was lost)
that joined a story holding dated articles reporting the same events is dated from them:

- the candidates are the story's articles with a publication date to the day that share at least
  one event cluster with it (they report the same happenings);
- the date is the latest of the publication dates of those candidates and of the dates other
  articles give to the happenings this article reports as done (an article telling that a summit
  took place was not published before the summit), each to the day;
- its confidence is :data:`STORY_CONFIDENCE`, well under a stamp's, and its evidence says which
  articles and events it came from (rule ``story``).

A stated date is never replaced: only documents stored without one are considered. The article is
then analysed again with that date, so its relative dates ("on Wednesday", "last week") and its
events' dates are resolved, and its times and events are stored anew.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from dataclasses import dataclass

from newsgraph.records import Document, RawArticle
from newsgraph.store import Store
from newsgraph.store.rows import document_rows

__all__ = ["STORY_CONFIDENCE", "STORY_RULE", "StoryDate", "infer_story_dates", "apply_story_dates"]

STORY_CONFIDENCE = 0.5
STORY_RULE = "story"
_DONE = ("asserted",)


@dataclass(frozen=True)
class StoryDate:
    """The date inferred for an undated document, with how it was found."""

    doc_id: str
    published: str
    confidence: float
    how: str


def infer_story_dates(store: Store) -> list[StoryDate]:
    """The publication date of every stored undated document its story gives one to."""
    undated = store.db.execute(
        "SELECT d.id, sd.story_id FROM documents d JOIN story_documents sd ON sd.doc_id = d.id "
        "WHERE d.published IS NULL ORDER BY d.id"
    ).fetchall()
    found: list[StoryDate] = []
    for doc_id, story_id in undated:
        sharing = store.db.execute(
            """
            SELECT other.id, other.published, count(DISTINCT mine.cluster_id) AS shared
            FROM event_cluster_members mine
            JOIN event_cluster_members theirs ON theirs.cluster_id = mine.cluster_id AND theirs.doc_id <> mine.doc_id
            JOIN documents other ON other.id = theirs.doc_id
            JOIN story_documents sd ON sd.doc_id = other.id AND sd.story_id = ?
            WHERE mine.doc_id = ? AND length(other.published) >= 10
            GROUP BY other.id, other.published ORDER BY other.published, other.id
            """,
            [story_id, doc_id],
        ).fetchall()
        if not sharing:
            continue
        done = store.db.execute(
            f"""
            SELECT max(theirs_event.date)
            FROM event_cluster_members mine
            JOIN events my_event ON my_event.id = mine.event_id
            JOIN event_cluster_members theirs ON theirs.cluster_id = mine.cluster_id AND theirs.doc_id <> mine.doc_id
            JOIN events theirs_event ON theirs_event.id = theirs.event_id
            WHERE mine.doc_id = ? AND my_event.status IN ({", ".join("?" for _ in _DONE)})
              AND length(theirs_event.date) = 10
            """,
            [doc_id, *_DONE],
        ).fetchone()
        latest_article = max(str(row[1])[:10] for row in sharing)
        happened = str(done[0]) if done and done[0] else None
        chosen = max(latest_article, happened or "")
        articles = ", ".join(f"{row[0][:12]} ({str(row[1])[:10]}, {row[2]} shared event(s))" for row in sharing)
        how = f"published: inferred from story {story_id}, whose dated articles {articles} report the same events"
        if happened and happened == chosen and happened != latest_article:
            how += f"; it reports as done a happening they date {happened}"
        found.append(StoryDate(doc_id, chosen, STORY_CONFIDENCE, how))
    return found


def apply_story_dates(
    store: Store, dates: Sequence[StoryDate], analyse: Callable[[list[RawArticle]], Sequence[Any]]
) -> int:
    """Analyse each dated document again with its inferred date and store its new metadata, times,
    events and actors, one transaction for all; returns how many were stored."""
    if not dates:
        return 0
    articles: list[RawArticle] = []
    for found in dates:
        row = store.db.execute(
            "SELECT source, format, raw_text, raw_sha FROM documents WHERE id = ?", [found.doc_id]
        ).fetchone()
        if row is None:
            continue
        given = {
            "published": found.published,
            "published_confidence": found.confidence,
            "published_how": found.how,
            "published_rule": STORY_RULE,
        }
        articles.append(RawArticle(str(row[0]), str(row[1]), str(row[2]), str(row[3]), given))
    documents = [document for document in analyse(articles) if isinstance(document, Document)]
    stored = 0
    wanted = {found.doc_id for found in dates}
    with store.transaction():
        for document in documents:
            if document.id not in wanted:
                continue
            rows = document_rows([document], [], "")
            (stored_row,) = rows["documents"]
            store.db.execute(
                "UPDATE documents SET published = ?, published_confidence = ?, metadata_evidence = ? WHERE id = ?",
                [stored_row["published"], stored_row["published_confidence"], stored_row["metadata_evidence"], document.id],
            )
            store.db.execute("DELETE FROM times WHERE doc_id = ?", [document.id])
            store.insert_rows("times", rows["times"])
            for event in rows["events"]:
                store.db.execute(
                    "UPDATE events SET date = ?, date_text = ?, date_basis = ?, date_precision = ? WHERE id = ?",
                    [event["date"], event["date_text"], event["date_basis"], event["date_precision"], event["id"]],
                )
            stored += 1
    return stored
