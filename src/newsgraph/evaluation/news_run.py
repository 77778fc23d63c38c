"""Run the pipeline on the real-news gold set and score what it finds (``newsgraph eval --news``).

Each article goes through the pipeline in memory; its page, events, quotes and actors are scored
against its gold. Then each pair of articles is ingested and linked in a temporary database to see
whether the events both report land in one event cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from newsgraph.events.records import NON_STATE_ROOTS, ActorRef
from newsgraph.evaluation.event_scorer import EventResult, score_events
from newsgraph.evaluation.news_scores import NewsArticleScore, NewsReport, PairScore
from newsgraph.evaluation.news_set import NewsArticle, load_news_set
from newsgraph.evaluation.page_scorer import score_page
from newsgraph.evaluation.pair_scorer import Labelled, event_clusters_of, pair_figures
from newsgraph.evaluation.predictions import PredictedEvent, PredictedParty
from newsgraph.evaluation.run import analysed_file, document_predictions
from newsgraph.evaluation.scorer import score_document
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.pipeline.analysis import DatedEvent
from newsgraph.records import Document

__all__ = ["Progress", "evaluate_news_set", "predicted_events", "score_news_article"]

Progress = Callable[[str, int, int], None]
"""Told ``(what is being done, how many done, how many in all)`` as the run goes."""


def predicted_events(document: Document, found: Sequence[DatedEvent]) -> list[PredictedEvent]:
    """The document's events as the event scorer reads them; ``found`` are the pipeline's dated
    events the document's were built from (in the same order), which keep each actor's country."""
    if len(found) != len(document.events):
        raise ValueError(f"{document.source}: {len(document.events)} stored events but {len(found)} found")
    return [
        PredictedEvent(
            id=stored.id,
            type=stored.type,
            sources=tuple(map(_party, dated.event.source_actors)),
            targets=tuple(map(_party, dated.event.target_actors)),
            status=stored.status,
            evidence_start=stored.evidence_start,
            evidence_end=stored.evidence_end,
            mutual=stored.mutual,
            date=stored.date,
            trigger=stored.trigger_text,
            confidence=dated.event.confidence,
            intended=dated.event.intended,
        )
        for stored, dated in zip(document.events, found)
    ]


def _party(actor: ActorRef) -> PredictedParty:
    international = actor.id is not None and actor.root in NON_STATE_ROOTS
    return PredictedParty(actor.id, actor.country, actor.code, international)


def score_news_article(
    article: NewsArticle, document: Document, events: Sequence[PredictedEvent]
) -> tuple[NewsArticleScore, EventResult]:
    """Score one article's document and predicted events against its gold."""
    gold = article.gold
    predictions = document_predictions(document)
    metadata = document.metadata
    quotes = score_document(gold, document.text, predictions, metadata.title, lenient=True)
    page, page_problems = score_page(
        gold,
        document.raw_text,
        document.text,
        title=metadata.title,
        outlet=metadata.outlet,
        published=metadata.published,
    )
    result = score_events(gold, document.text, events, predictions)
    score = NewsArticleScore(article.name, article.half, page, result.score, quotes, page_problems + result.problems)
    return score, result


def evaluate_news_set(
    folder: Path, *, pipeline: Pipeline | None = None, today: date | None = None, progress: Progress | None = None
) -> NewsReport:
    """Run the pipeline on every annotated article of the real-news gold ``folder`` and score it."""
    news = load_news_set(folder)
    pipeline = pipeline or default_pipeline(today)
    pairs = news.pairs()
    total = len(news.articles) + len(pairs)
    scores: list[NewsArticleScore] = []
    labelled: dict[str, Labelled] = {}
    for done, article in enumerate(news.articles):
        if progress:
            progress(f"scoring {article.name}", done, total)
        document, events = _analyse(article.path, pipeline)
        score, result = score_news_article(article, document, events)
        scores.append(score)
        labelled[article.name] = _labelled(article, result)
    pair_scores: list[PairScore] = []
    for done, (pair, (first, second)) in enumerate(pairs.items(), start=len(news.articles)):
        if progress:
            progress(f"linking pair {pair}", done, total)
        clusters = event_clusters_of((first.path, second.path), pipeline)
        pair_scores.append(pair_figures(pair, first.half, labelled[first.name], labelled[second.name], clusters))
    if progress:
        progress("done", total, total)
    return NewsReport(str(folder), tuple(scores), tuple(pair_scores), news.unannotated)


def _analyse(path: Path, pipeline: Pipeline) -> tuple[Document, list[PredictedEvent]]:
    analysis, document = analysed_file(path, pipeline)
    return document, predicted_events(document, analysis.events or [])


def _labelled(article: NewsArticle, result: EventResult) -> Labelled:
    events = article.gold.events or ()
    found: dict[str, set[str]] = {event.cluster: set() for event in events if event.cluster}
    for gold_index, event_id in result.matched:
        label = events[gold_index].cluster
        if label:
            found[label].add(event_id)
    return {label: frozenset(ids) for label, ids in found.items()}
