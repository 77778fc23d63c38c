"""The public API of the gold scorer in newsgraph.evaluation, and its agreement with the quote finder."""

from __future__ import annotations

from newsgraph import evaluation
from newsgraph.evaluation.gold import GOLD_QUOTE_KINDS
from newsgraph.quotes import QUOTE_KINDS

SCORER_API = {
    "ActorMatcher", "DocumentScore", "EvaluationReport", "GoldActor", "GoldDocument", "GoldMention", "GoldQuote",
    "LocatedGold", "PredictedActor", "PredictedMention", "PredictedQuote", "Predictions", "Problem", "Ratio", "Score",
    "find_phrase", "find_words", "load_gold", "load_gold_folder", "load_gold_set", "locate_gold", "normalise_name",
    "parse_gold", "render_report", "score_document",
}  # fmt: skip


def test_the_scorer_api_is_exported() -> None:
    # The package also holds other scorers (events); this pins the gold scorer's part of it.
    assert SCORER_API <= set(evaluation.__all__)
    assert all(hasattr(evaluation, name) for name in evaluation.__all__)


def test_gold_quote_kinds_are_the_quote_finders_kinds() -> None:
    assert GOLD_QUOTE_KINDS == QUOTE_KINDS


CROSS_DOCUMENT_API = {
    "ClusterScore", "ClusteringScores", "CrossDocGold", "GoldArticle", "GoldEventMention",
    "load_crossdoc_gold", "score_clusterings",
}  # fmt: skip


def test_the_cross_document_scorer_api_is_exported() -> None:
    assert CROSS_DOCUMENT_API <= set(evaluation.__all__)


NEWS_API = {
    "EventResult", "EventScore", "GoldEvent", "GoldLine", "GoldPage", "NewsArticle", "NewsArticleScore", "NewsReport",
    "NewsSet", "PageScore", "PairScore", "PredictedEvent", "PredictedParty", "load_news_set", "render_news",
    "score_events", "score_page",
}  # fmt: skip


def test_the_real_news_scorer_api_is_exported() -> None:
    assert NEWS_API <= set(evaluation.__all__)
