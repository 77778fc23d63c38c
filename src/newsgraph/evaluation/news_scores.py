"""The scores of the real-news gold set: per article, per pair, and summed over each half.

Every figure is reported for the ``tuning`` half, the ``held_back`` half and the whole set
(``all``). Problems are kept per article; whoever prints them decides which halves to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.evaluation.event_scores import EventScore
from newsgraph.evaluation.news_set import HALVES
from newsgraph.evaluation.page_scorer import PageScore
from newsgraph.evaluation.scores import DocumentScore, EvaluationReport, Problem, Ratio

__all__ = ["ALL", "HalfFigures", "NewsArticleScore", "NewsReport", "PairScore"]

ALL = "all"


@dataclass(frozen=True)
class NewsArticleScore:
    """The scores of one article: its page, its events, and its quotes and actors."""

    article: str
    half: str
    page: PageScore
    events: EventScore
    quotes: DocumentScore
    problems: tuple[Problem, ...] = ()

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """The page and event problems, then those of quotes and actors."""
        return self.problems + self.quotes.problems


@dataclass(frozen=True)
class PairScore:
    """How the linker joined the happenings both articles of a pair report (gold ``cluster`` labels).

    ``shared`` counts the labels both articles' gold give, ``found`` those of them whose events
    were found fully right in both articles, ``merged`` those with an event of each article in one
    event cluster; ``wrong_merges`` counts event clusters holding found events of two labels.
    """

    pair: str = ""
    half: str = ""
    pairs: int = 1
    shared: int = 0
    found: int = 0
    merged: int = 0
    wrong_merges: int = 0
    problems: tuple[Problem, ...] = ()

    def __add__(self, other: PairScore) -> PairScore:
        return PairScore(
            pairs=self.pairs + other.pairs,
            shared=self.shared + other.shared,
            found=self.found + other.found,
            merged=self.merged + other.merged,
            wrong_merges=self.wrong_merges + other.wrong_merges,
            problems=self.problems + other.problems,
        )

    @property
    def merged_share(self) -> Ratio:
        return Ratio(self.merged, self.shared)

    @property
    def merged_of_found(self) -> Ratio:
        """Of the happenings coded right in both articles, how many the linker joined."""
        return Ratio(self.merged, self.found)

    def to_json(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "shared": self.shared,
            "found": self.found,
            "merged": self.merged_share.to_json(),
            "merged_of_found": self.merged_of_found.to_json(),
            "wrong_merges": self.wrong_merges,
        }


@dataclass(frozen=True)
class HalfFigures:
    """The totals of one half (or of the whole set)."""

    name: str
    articles: tuple[NewsArticleScore, ...]
    pairs: PairScore
    page: PageScore
    events: EventScore
    quotes: EvaluationReport

    @property
    def problems(self) -> tuple[Problem, ...]:
        found = tuple(problem for article in self.articles for problem in article.all_problems)
        return found + self.pairs.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            "page": self.page.to_json(),
            "events": self.events.to_json(),
            "quotes_and_actors": self.quotes.to_json()["totals"],
            "pairs": self.pairs.to_json(),
        }


@dataclass(frozen=True)
class NewsReport:
    """The scores of every article and pair of the set, and the split's articles without gold."""

    folder: str
    articles: tuple[NewsArticleScore, ...]
    pairs: tuple[PairScore, ...] = ()
    unannotated: tuple[str, ...] = ()

    def half(self, name: str) -> HalfFigures:
        """The totals of the half ``name`` (``tuning``, ``held_back``) or of the whole set (``all``)."""
        if name not in (*HALVES, ALL):
            raise KeyError(name)
        articles = tuple(article for article in self.articles if name in (ALL, article.half))
        pairs = [pair for pair in self.pairs if name in (ALL, pair.half)]
        return HalfFigures(
            name=name,
            articles=articles,
            pairs=_sum_pairs(pairs),
            page=sum((article.page for article in articles), PageScore()),
            events=sum((article.events for article in articles), EventScore()),
            quotes=EvaluationReport(name, tuple(article.quotes for article in articles)),
        )

    def halves(self) -> tuple[HalfFigures, ...]:
        return tuple(self.half(name) for name in (*HALVES, ALL))

    def to_json(self, *, problems_of: Sequence[str] = ()) -> dict[str, Any]:
        """Every figure of both halves and the whole set; the problems of the halves named."""
        data: dict[str, Any] = {
            "folder": self.folder,
            "unannotated": list(self.unannotated),
            "halves": {figures.name: figures.to_json() for figures in self.halves()},
        }
        data["problems"] = {
            name: [asdict(problem) for problem in self.half(name).problems] for name in problems_of
        }
        return data


def _sum_pairs(pairs: Sequence[PairScore]) -> PairScore:
    total = PairScore(pairs=0)
    for pair in pairs:
        total = total + pair
    return total
