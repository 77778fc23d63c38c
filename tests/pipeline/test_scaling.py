"""Every stage costs time in proportion to the article: four times the text, about four times the
time, never the sixteen times of a loop over the article for each sentence, mention or event."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from factories import REPO
from newsgraph.pipeline import default_pipeline
from newsgraph.pipeline.analysis import Analysis
from newsgraph.records import RawArticle

HELD_OUT = REPO / "eval" / "gold" / "held_out" / "articles"


def long_article(size: int) -> str:
    """Real news paragraphs (the held-out gold articles: names, quotations, places, events),
    repeated to ``size`` characters."""
    paragraphs = [
        " ".join(paragraph.split())
        for path in sorted(HELD_OUT.glob("*.txt"))
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")
        if len(paragraph) > 200
    ]
    out: list[str] = []
    while sum(map(len, out)) < size:
        out.append(paragraphs[len(out) % len(paragraphs)])
    return "Talks go on\n\n" + "\n\n".join(out) + "\n"


def stage_costs(text: str) -> dict[str, float]:
    """CPU seconds each stage of the pipeline spends on ``text``."""
    pipeline = default_pipeline(date(2026, 3, 20))
    analysis = Analysis(raw=RawArticle(source="long.txt", format="text", raw_text=text, raw_sha="sha"))
    costs = {}
    for stage in pipeline.stages:
        started = time.thread_time()
        analysis = stage(analysis)
        costs[stage.name] = time.thread_time() - started
    return costs


def test_each_stage_costs_time_in_proportion_to_the_article() -> None:
    stage_costs(long_article(2_000))  # load the model, the knowledge base and the gazetteers first
    small, large = stage_costs(long_article(32_000)), stage_costs(long_article(128_000))
    for stage, cost in large.items():
        # Four times the text: at most twice the four times that linear cost would give (a
        # quadratic stage gives sixteen), with a quarter second for the clock's grain.
        assert cost < 8 * small[stage] + 0.25, f"{stage}: {small[stage]:.2f} s on 32 KB, {cost:.2f} s on 128 KB"


if __name__ == "__main__":  # print the costs, to look at them
    stage_costs(long_article(2_000))
    for size in (32_000, 128_000):
        print(size, {name.split(".")[1]: round(cost, 2) for name, cost in stage_costs(long_article(size)).items()})
