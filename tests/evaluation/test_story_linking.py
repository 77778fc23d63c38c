from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluation.story_linking import score_story_linking

ARTICLES = Path(__file__).parents[1] / "linking" / "articles.jsonl"
# The invented linking articles as a cross-document gold folder: the March 2025 summit, and the
# August 2024 meeting as a second story of the same topic.
SUBTOPICS = ["summit", "summit", "summit", "earlier", "summit"]


def test_the_linker_is_scored_against_gold_stories(tmp_path: Path) -> None:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    with (tmp_path / "docs.jsonl").open("w", encoding="utf-8") as out:
        for n, (line, subtopic) in enumerate(zip(lines, SUBTOPICS)):
            article = json.loads(line)
            article.update(id=f"doc{n}", topic="japan-india", subtopic=subtopic)
            out.write(json.dumps(article) + "\n")
    stories, topics, found = score_story_linking(tmp_path)
    assert found == 2
    assert stories.conll_f1 == pytest.approx(1.0)
    assert topics.b_cubed.recall < 1.0
