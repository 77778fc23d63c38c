"""Run the pipeline on a gold set's articles (in memory, no database) and score what it finds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.documents import build_document
from newsgraph.evaluation.gold import load_gold_set
from newsgraph.evaluation.news_set import NewsArticle, load_news_set
from newsgraph.evaluation.predictions import Predictions
from newsgraph.evaluation.scorer import score_document
from newsgraph.evaluation.scores import EvaluationReport
from newsgraph.nlp import release_doc
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.pipeline.analysis import Analysis
from newsgraph.readers import read_file
from newsgraph.records import Document, RawArticle

__all__ = ["analysed_half", "evaluate_gold_set", "document_predictions"]


def document_predictions(document: Document) -> Predictions:
    """The actors, mentions and quotations of a document as the scorer reads them."""
    actors: list[dict[str, Any]] = [actor.to_json() for actor in document.actors]
    mentions = [mention.to_json() for mention in document.mentions]
    quotes = [
        {
            "text": quote.text,
            "kind": quote.kind,
            "speaker_actor_id": quote.speaker_actor_id,
            "speaker_text": quote.speaker_text,
            "start": quote.start,
            "end": quote.end,
            "where": "title" if quote.field == "title" else "body",
            "confidence": quote.confidence,
            "speaker_unresolved_reason": quote.speaker_unresolved_reason,
        }
        for quote in document.quotes
    ]
    return Predictions.from_records(actors, mentions, quotes)


def analysed_half(folder: Path, half: str, pipeline: Pipeline) -> Iterator[tuple[NewsArticle, Analysis, Document]]:
    """Each article of one ``half`` of the real-news gold set in ``folder``, run through
    ``pipeline``: the article, its analysis (its parse already released) and its document."""
    for article in load_news_set(folder).articles:
        if article.half == half:
            yield (article, *analysed_file(article.path, pipeline))


def analysed_file(path: Path, pipeline: Pipeline) -> tuple[Analysis, Document]:
    """The gold article at ``path`` run through ``pipeline``: its analysis (the parse released) and
    its document."""
    (raw,) = list(read_file(path, max_article_bytes=10 * 1024 * 1024))
    if not isinstance(raw, RawArticle):
        raise raw
    analysis = pipeline(raw)
    try:
        document = build_document(analysis)
    finally:
        if analysis.parsed is not None:
            release_doc(analysis.parsed)
    return analysis, document


def evaluate_gold_set(
    name: str, gold_folder: Path, articles_folder: Path, *, pipeline: Pipeline | None = None, today: date | None = None
) -> EvaluationReport:
    """Score the pipeline on every gold file of ``gold_folder`` against its article."""
    pipeline = pipeline or default_pipeline(today)
    scores = []
    for gold, article_path in load_gold_set(gold_folder, articles_folder):
        (raw,) = [item for item in read_file(article_path, max_article_bytes=10 * 1024 * 1024)]
        if not isinstance(raw, RawArticle):
            raise raw
        document = build_document(pipeline(raw))
        scores.append(score_document(gold, document.text, document_predictions(document), document.metadata.title))
    return EvaluationReport(name, tuple(scores))
