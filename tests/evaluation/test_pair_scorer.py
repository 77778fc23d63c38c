"""pair_figures: a happening both articles report is merged when its events share one event cluster."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.pair_scorer import pair_figures

FIRST = {"talks": frozenset({"a1", "a2"}), "patrols": frozenset({"a3"}), "only-first": frozenset({"a4"})}
SECOND = {"talks": frozenset({"b1"}), "patrols": frozenset()}


@pytest.mark.parametrize(
    ("clusters", "merged", "wrong", "problems"),
    [
        ({"a1": "c1", "a2": "c1", "b1": "c1", "a3": "c2", "a4": "c3"}, 1, 0, ["not found"]),
        ({"a1": "c1", "a2": "c2", "b1": "c1"}, 1, 0, ["not found"]),
        ({"a1": "c2", "a2": "c2", "b1": "c1"}, 0, 0, ["not found", "not merged"]),
        ({"a1": "c1", "a2": "c1"}, 0, 0, ["not found", "not merged"]),
        ({"a1": "c1", "a2": "c1", "b1": "c1", "a3": "c1", "a4": "c1"}, 1, 1, ["not found", "wrong merge"]),
    ],
    ids=["merged", "one-report-of-each-joined", "apart", "second-not-clustered", "three-happenings-in-one"],
)
def test_a_pairs_shared_happenings_are_merged_or_not(
    clusters: dict[str, str], merged: int, wrong: int, problems: list[str]
) -> None:
    score = pair_figures("p1", "tuning", FIRST, SECOND, clusters)
    assert (score.shared, score.found, score.merged, score.wrong_merges) == (2, 1, merged, wrong)
    assert sorted(problem.problem for problem in score.problems) == problems
    assert score.merged_share.total == 2


def test_pair_scores_add_up() -> None:
    one = pair_figures("p1", "tuning", FIRST, SECOND, {"a1": "c", "a2": "c", "b1": "c"})
    total = one + one
    assert (total.pairs, total.shared, total.merged) == (2, 4, 2)
    assert total.to_json()["merged"] == {"right": 2, "total": 4, "value": 0.5}
