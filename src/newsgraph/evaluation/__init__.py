"""Evaluation: scoring what the pipeline finds against gold.

For actors, mentions and quotes the gold is hand-made (format in ``eval/README.md``):
:func:`load_gold_set` reads a folder of gold files and finds their articles, :func:`score_document`
scores one article's predictions (plain records, see :class:`Predictions`) and
:class:`EvaluationReport` sums the scores of a gold set. That scorer does not run the pipeline: the
caller runs it and passes what it found.

For the real-news gold (format in ``eval/gold/news/README.md``), :func:`load_news_set` reads the
set with its halves and pairs, :func:`score_events` and :func:`score_page` score one article's events
and page, and :func:`render_news` prints a :class:`NewsReport`; running the pipeline over the set
is :func:`newsgraph.evaluation.news_run.evaluate_news_set` (not imported here: it loads spaCy).

Across documents, :func:`score_clusterings` gives the standard coreference scores (MUC, B-cubed,
CEAF-e, CoNLL F1) of a clustering against a gold one, and :func:`load_crossdoc_gold` reads a
cross-document gold folder (ECB+ stories and event chains, format in ``eval/README.md``).
"""

from __future__ import annotations

from newsgraph.evaluation.anchors import LocatedGold, find_phrase, find_words, locate_gold
from newsgraph.evaluation.clustering import ClusteringScores, ClusterScore, score_clusterings
from newsgraph.evaluation.ecbplus import CrossDocGold, GoldArticle, GoldEventMention, load_crossdoc_gold
from newsgraph.evaluation.event_scorer import EventResult, score_events
from newsgraph.evaluation.event_scores import EventScore
from newsgraph.evaluation.gold import (
    GoldActor,
    GoldDocument,
    GoldMention,
    GoldQuote,
    load_gold,
    load_gold_folder,
    load_gold_set,
    parse_gold,
)
from newsgraph.evaluation.gold_news import GoldEvent, GoldLine, GoldPage
from newsgraph.evaluation.matching import ActorMatcher, normalise_name
from newsgraph.evaluation.news_report import render_news
from newsgraph.evaluation.news_scores import NewsArticleScore, NewsReport, PairScore
from newsgraph.evaluation.news_set import NewsArticle, NewsSet, load_news_set
from newsgraph.evaluation.page_scorer import PageScore, score_page
from newsgraph.evaluation.predictions import (
    PredictedActor,
    PredictedEvent,
    PredictedMention,
    PredictedParty,
    PredictedQuote,
    Predictions,
)
from newsgraph.evaluation.scorer import score_document
from newsgraph.evaluation.scores import DocumentScore, EvaluationReport, Problem, Ratio, Score, render_report

__all__ = [
    "ActorMatcher",
    "ClusterScore",
    "ClusteringScores",
    "CrossDocGold",
    "DocumentScore",
    "EvaluationReport",
    "EventResult",
    "EventScore",
    "GoldActor",
    "GoldArticle",
    "GoldDocument",
    "GoldEvent",
    "GoldEventMention",
    "GoldLine",
    "GoldMention",
    "GoldPage",
    "GoldQuote",
    "LocatedGold",
    "NewsArticle",
    "NewsArticleScore",
    "NewsReport",
    "NewsSet",
    "PageScore",
    "PairScore",
    "PredictedActor",
    "PredictedEvent",
    "PredictedMention",
    "PredictedParty",
    "PredictedQuote",
    "Predictions",
    "Problem",
    "Ratio",
    "Score",
    "find_phrase",
    "find_words",
    "load_crossdoc_gold",
    "load_gold",
    "load_gold_folder",
    "load_gold_set",
    "load_news_set",
    "locate_gold",
    "normalise_name",
    "parse_gold",
    "render_news",
    "render_report",
    "score_clusterings",
    "score_document",
    "score_events",
    "score_page",
]
