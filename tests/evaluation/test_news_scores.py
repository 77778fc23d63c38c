"""NewsReport: every figure for the tuning half, the held-back half and the whole set."""

from __future__ import annotations

import pytest
from evaluation.news_case import REPORT

from newsgraph.evaluation.scores import Ratio, Score


@pytest.mark.parametrize(
    ("half", "articles", "precision", "pairs"),
    [("tuning", 2, Ratio(3, 8), 1), ("held_back", 1, Ratio(3, 4), 0), ("all", 3, Ratio(6, 12), 1)],
)
def test_each_half_sums_its_own_articles_and_pairs(half: str, articles: int, precision: Ratio, pairs: int) -> None:
    figures = REPORT.half(half)
    assert len(figures.articles) == articles
    assert figures.events.precision == precision
    assert figures.pairs.pairs == pairs
    assert figures.page.body == Ratio(9 * articles, 10 * articles)
    assert figures.quotes.total("actors") == Score(2 * articles, 0, articles)
    assert len(figures.problems) == 2 * articles


def test_an_unknown_half_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        REPORT.half("even")


def test_the_json_holds_every_figure_and_only_the_problems_asked_for() -> None:
    data = REPORT.to_json(problems_of=("tuning",))
    assert set(data["halves"]) == {"tuning", "held_back", "all"}
    tuning = data["halves"]["tuning"]
    assert tuning["events"]["precision"] == {"right": 3, "total": 8, "value": 0.375}
    assert tuning["quotes_and_actors"]["mentions"] is None
    assert tuning["pairs"]["merged"]["right"] == 1
    assert set(data["problems"]) == {"tuning"}
    assert {problem["article"] for problem in data["problems"]["tuning"]} == {"a.txt", "c.txt"}
