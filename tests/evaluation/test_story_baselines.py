"""Story baselines on an invented gold folder: two topics, one split into two different stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluation.clustering import score_clusterings
from newsgraph.evaluation.ecbplus import CrossDocGold, load_crossdoc_gold
from newsgraph.evaluation.story_baselines import (
    all_singletons,
    main,
    one_per_topic,
    render_baselines,
    story_baselines,
    tfidf_vectors,
    words_only,
)

DOCS = [
    ("1_1ecb", "1ecb", "Fire destroys warehouse at Kestrel harbour; Kestrel firefighters fought the warehouse blaze."),
    ("1_2ecb", "1ecb", "Kestrel harbour warehouse destroyed by fire, firefighters say the warehouse blaze is out."),
    ("1_1ecbplus", "1ecbplus", "Oil tanker fire at Marlow refinery: tanker crew evacuated from Marlow."),
    ("1_2ecbplus", "1ecbplus", "Marlow refinery tanker fire forces evacuation of tanker crew."),
    ("2_1ecb", "2ecb", "Ferry unions call off strike after pay talks with ferry operators."),
    ("2_2ecb", "2ecb", "Ferry strike cancelled: unions accept ferry operators pay offer in talks."),
]


@pytest.fixture
def gold(tmp_path: Path) -> CrossDocGold:
    rows = [{"id": id_, "topic": id_.split("_")[0], "subtopic": sub, "text": text} for id_, sub, text in DOCS]
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return load_crossdoc_gold(tmp_path)


def test_all_singletons_and_one_per_topic(gold: CrossDocGold) -> None:
    assert all_singletons(["a", "b"]) == {"a": "a", "b": "b"}
    # One per topic merges the two fires: every link is found, and one wrong one made.
    scores = score_clusterings(gold.stories(), one_per_topic(gold))
    assert scores.muc.recall == 1.0
    assert scores.muc.precision < 1.0


def test_tfidf_vectors_are_unit_length_without_stop_words() -> None:
    vectors = tfidf_vectors({"a": "The fire and the smoke", "b": "The ferry"})
    assert "the" not in vectors["a"] and "and" not in vectors["a"]
    assert sum(weight * weight for weight in vectors["a"].values()) == pytest.approx(1.0)


@pytest.mark.parametrize("linkage", ["single", "average"])
@pytest.mark.parametrize(
    ("threshold", "expected_stories"),
    [(0.0, 1), (0.3, 3), (1.01, 6)],
    ids=["everything-joined", "the-three-stories", "nothing-joined"],
)
def test_words_only_threshold(gold: CrossDocGold, linkage: str, threshold: float, expected_stories: int) -> None:
    clusters = words_only(gold.texts(), threshold, linkage)
    assert len(set(clusters.values())) == expected_stories


@pytest.mark.parametrize("linkage", ["single", "average"])
def test_words_only_finds_the_gold_stories_of_an_easy_set(gold: CrossDocGold, linkage: str) -> None:
    scores = score_clusterings(gold.stories(), words_only(gold.texts(), 0.3, linkage))
    assert scores.conll_f1 == pytest.approx(1.0)


def test_average_link_does_not_chain_where_single_link_does() -> None:
    # a-b and b-c are alike, a-c share nothing: single link joins all three through b, average
    # link joins a pair and then finds the third too unlike the pair on average.
    texts = {
        "a": "harbour fire warehouse",
        "b": "harbour fire warehouse ferry strike unions",
        "c": "ferry strike unions",
    }
    assert len(set(words_only(texts, 0.5, "single").values())) == 1
    assert len(set(words_only(texts, 0.5, "average").values())) == 2


def test_an_unknown_linkage_is_refused() -> None:
    with pytest.raises(ValueError, match="linkage must be one of"):
        words_only({"a": "x"}, 0.5, "complete")


def test_story_baselines_table(gold: CrossDocGold) -> None:
    rows = story_baselines(gold, thresholds=(0.3,))
    assert [name for name, _ in rows] == [
        "all singletons", "one per topic", "words, single link >= 0.3", "words, average link >= 0.3",
    ]
    table = render_baselines(gold, rows)
    assert "6 documents, 2 topics, 3 gold stories" in table
    assert table.splitlines()[-1].endswith("1.000")


def test_main_prints_the_table_and_reports_a_bad_folder(
    gold: CrossDocGold, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(gold.folder)]) == 0
    assert "all singletons" in capsys.readouterr().out
    assert main([str(tmp_path / "missing")]) == 1
    assert "docs.jsonl: no such file" in capsys.readouterr().err
