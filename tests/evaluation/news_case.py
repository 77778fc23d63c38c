"""Small article scores for the news report tests: two tuning articles, one held back, one pair."""

from __future__ import annotations

from newsgraph.evaluation.event_scores import EventScore
from newsgraph.evaluation.news_scores import NewsArticleScore, NewsReport, PairScore
from newsgraph.evaluation.page_scorer import PageScore
from newsgraph.evaluation.scores import DocumentScore, Problem, Ratio, Score


def article(name: str, half: str, right: int, *, quotes: Score = Score(1, 0, 0)) -> NewsArticleScore:
    empty = Score()
    document = DocumentScore(
        name, quotes, empty, empty, empty, Ratio(), empty, empty, Score(2, 0, 1), None,
        (Problem(name, "quote", "missed", "a quote", "nothing"),),
    )  # fmt: skip
    return NewsArticleScore(
        article=name,
        half=half,
        page=PageScore(title=Ratio(1, 1), body=Ratio(9, 10)),
        events=EventScore(predicted=4, right=right, gold=5, found=right, errors={"wrong type": 4 - right}),
        quotes=document,
        problems=(Problem(name, "event", "wrong type", "CONSULT", "AGREE", 10),),
    )


REPORT = NewsReport(
    "news",
    (article("a.txt", "tuning", 1), article("b.txt", "held_back", 3), article("c.txt", "tuning", 2)),
    (PairScore("p1", "tuning", shared=2, found=1, merged=1),),
)
