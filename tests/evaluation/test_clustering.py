"""MUC, B-cubed, CEAF-e and CoNLL F1 on textbook examples, worked out by hand below each case."""

from __future__ import annotations

import random
from fractions import Fraction
from itertools import permutations

import pytest

from newsgraph.evaluation._assignment import best_assignment_total
from newsgraph.evaluation.clustering import ClusterScore, b_cubed, ceaf_e, muc, score_clusterings


def clustering(*clusters: str) -> dict[str, str]:
    """``clustering("abc", "de")`` puts a, b, c in one cluster and d, e in another."""
    return {item: cluster for cluster in clusters for item in cluster}


# Pradhan et al. (2014), figure 1: key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}, which
# leaves out e and adds h and i.
PRADHAN_KEY = clustering("abc", "defg")
PRADHAN_RESPONSE = clustering("ab", "cd", "fghi")


def close(score: ClusterScore, precision: float, recall: float) -> bool:
    return score.precision == pytest.approx(precision) and score.recall == pytest.approx(recall)


def test_pradhan_example_scored_as_the_reference_scorer_does() -> None:
    # With e absent from the response (the reference scorer's reading), the published figures:
    # MUC: key links found (3-2)+(4-3)=2 of 2+3=5; response links right (2-1)+(2-2)+(4-3)=2 of 1+1+3=5.
    # B3 recall over the 7 key items: (2/3+2/3+1/3 + 1/4+0+2/4+2/4)/7 = 35/84;
    #    precision over the 8 response items: (1+1+1/2+1/2+2/4+2/4+0+0)/8 = 1/2.
    # CEAF-e: best alignment {a,b,c}-{a,b} (2*2/5) and {d,e,f,g}-{f,g,h,i} (2*2/8) = 1.3;
    #    recall 1.3/2 key clusters, precision 1.3/3 response clusters.
    scores = score_clusterings(PRADHAN_KEY, PRADHAN_RESPONSE, missing_as_singletons=False)
    assert close(scores.muc, 0.4, 0.4)
    assert close(scores.b_cubed, 0.5, 35 / 84)
    assert close(scores.ceaf_e, 1.3 / 3, 0.65)


def test_pradhan_example_with_the_missing_item_as_a_singleton() -> None:
    # e becomes the response cluster {e}: MUC precision gains a cluster with no link (still 2/5);
    # B3 recall for e is |{e}|/|{d,e,f,g}| = 1/4, so (35/12 + 1/4)/7 = 19/42; precision adds e
    # with 1/1 over 9 items: 5/9. CEAF-e: same best total 1.3, now over 4 response clusters.
    scores = score_clusterings(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert close(scores.muc, 0.4, 0.4)
    assert close(scores.b_cubed, 5 / 9, 19 / 42)
    assert close(scores.ceaf_e, 1.3 / 4, 0.65)
    explicit = score_clusterings(PRADHAN_KEY, {**PRADHAN_RESPONSE, "e": "alone"})
    assert explicit == scores


@pytest.mark.parametrize(
    ("key", "response", "precision", "recall"),
    [
        # Vilain et al. (1995): key {A,B,C,D}; response {A,B} {C,D} finds 2 of the 3 links, all right.
        (clustering("ABCD"), clustering("AB", "CD"), 1.0, 2 / 3),
        # The reverse: one response cluster over two key clusters makes one wrong link of three.
        (clustering("AB", "CD"), clustering("ABCD"), 2 / 3, 1.0),
        # Only singletons in the response: no link found, none made (0 by the reference convention).
        (clustering("ABC"), clustering("A", "B", "C"), 0.0, 0.0),
    ],
)
def test_muc_textbook_cases(key: dict[str, str], response: dict[str, str], precision: float, recall: float) -> None:
    assert close(muc(key, response), precision, recall)


def test_b_cubed_bagga_baldwin_example() -> None:
    # Bagga and Baldwin (1998), figure 2: key {1..5} {6,7} {8,9,A,B,C}; the response merges the last
    # two. Recall is 1; precision (5*1 + 2*2/7 + 5*5/7)/12 = 16/21, the paper's 76%.
    key = clustering("12345", "67", "89ABC")
    response = clustering("12345", "6789ABC")
    assert close(b_cubed(key, response), 16 / 21, 1.0)


def test_ceaf_e_needs_the_best_alignment_not_the_greedy_one() -> None:
    # Key {a,b,c,d} {e,f}; response {a,b,e,f} {c,d}. Greedy takes the largest phi4 first:
    # {a,b,c,d}-{a,b,e,f} = 2*2/8 = 1/2, then {e,f}-{c,d} = 0: total 1/2. The best alignment
    # is {a,b,c,d}-{c,d} = 2*2/6 = 2/3 plus {e,f}-{a,b,e,f} = 2*2/6 = 2/3: 4/3 over 2 clusters each.
    key = clustering("abcd", "ef")
    response = clustering("abef", "cd")
    assert close(ceaf_e(key, response), 2 / 3, 2 / 3)


@pytest.mark.parametrize(
    "clusters",
    [("abc", "de", "f"), ("a", "b", "c"), ("abcdef",)],
    ids=["mixed", "singletons", "one-cluster"],
)
def test_a_perfect_response_scores_one_except_muc_without_links(clusters: tuple[str, ...]) -> None:
    key = clustering(*clusters)
    scores = score_clusterings(key, dict(key))
    has_links = any(len(cluster) > 1 for cluster in clusters)
    assert scores.muc.f1 == (1.0 if has_links else 0.0)
    assert scores.b_cubed.f1 == 1.0
    assert scores.ceaf_e.f1 == 1.0


def test_conll_f1_is_the_mean_of_the_three_f1() -> None:
    scores = score_clusterings(PRADHAN_KEY, PRADHAN_RESPONSE)
    assert scores.conll_f1 == pytest.approx((scores.muc.f1 + scores.b_cubed.f1 + scores.ceaf_e.f1) / 3)
    assert scores.to_json()["conll_f1"] == round(scores.conll_f1, 4)


def test_cluster_ids_are_only_labels() -> None:
    key = clustering("abc", "defg")
    renamed = {item: f"story-{ord(cluster[0])}" for item, cluster in PRADHAN_RESPONSE.items()}
    assert score_clusterings(key, renamed) == score_clusterings(key, PRADHAN_RESPONSE)


def test_all_singletons_against_a_key_of_pairs() -> None:
    # Key {a,b} {c,d}; response all singletons. B3: precision 1, recall 1/2 for every item.
    # CEAF-e: each key pair aligns with one of its singletons, phi4 = 2*1/3: total 4/3, recall
    # 4/3 over 2, precision 4/3 over 4.
    scores = score_clusterings(clustering("ab", "cd"), clustering("a", "b", "c", "d"))
    assert close(scores.b_cubed, 1.0, 0.5)
    assert close(scores.ceaf_e, 1 / 3, 2 / 3)


def test_an_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="nothing to score"):
        score_clusterings({}, {"a": 1})


def test_tuple_items_such_as_mentions_are_scored() -> None:
    key = {("doc1", 0, 5): "x", ("doc2", 10, 15): "x", ("doc2", 20, 25): "y"}
    response = {("doc1", 0, 5): 1, ("doc2", 10, 15): 1}
    scores = score_clusterings(key, response)
    assert scores.muc.recall == 1.0
    assert scores.b_cubed.f1 == 1.0


@pytest.mark.parametrize("seed", range(5))
def test_best_assignment_matches_brute_force(seed: int) -> None:
    generator = random.Random(seed)
    rows, columns = generator.randint(1, 5), generator.randint(1, 5)
    weights = [[float(Fraction(generator.randint(0, 8), 8)) for _ in range(columns)] for _ in range(rows)]
    small, large = (rows, columns) if rows <= columns else (columns, rows)
    matrix = weights if rows <= columns else [list(column) for column in zip(*weights, strict=True)]
    brute = max(
        sum(matrix[row][column] for row, column in enumerate(chosen)) for chosen in permutations(range(large), small)
    )
    assert best_assignment_total(weights) == pytest.approx(brute)
