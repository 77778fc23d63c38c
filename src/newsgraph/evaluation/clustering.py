"""The standard coreference scores over two clusterings: MUC, B-cubed, CEAF-e and the CoNLL F1.

A clustering is a mapping ``item -> cluster id`` (an item is anything hashable: a document id, a
``(document, start, end)`` mention). The **key** is the gold, the **response** what a system found.
The definitions follow the reference scorer of Pradhan et al. (2014), "Scoring coreference
partitions of predicted mentions: a reference implementation":

- **MUC** (Vilain et al. 1995) counts links: recall is ``sum(|K| - |p(K)|) / sum(|K| - 1)`` over key
  clusters ``K``, where ``p(K)`` is ``K`` split by the response (an item the response lacks is a part
  of its own); precision swaps key and response. Singletons have no links: when a side has no link
  at all, the score that divides by it is 0, as in the reference scorer.
- **B-cubed** (Bagga and Baldwin 1998) averages per item: recall over the key's items of
  ``|K(i) & R(i)| / |K(i)|``, precision over the response's items of ``|K(i) & R(i)| / |R(i)|`` (an
  item on one side only has no overlap).
- **CEAF-e** (Luo 2005) aligns key and response clusters one-to-one to maximise the total
  ``phi4(K, R) = 2 |K & R| / (|K| + |R|)``; recall divides that total by the number of key clusters,
  precision by the number of response clusters.
- **CoNLL F1** is the mean of the three F1 figures.

Items of the key that the response leaves out count, by default, as response singletons (a linker
that says nothing about a document has put it in a story of its own); pass
``missing_as_singletons=False`` to score them as the reference scorer does, as absent. Items only in
the response stay in it and lower precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from newsgraph.evaluation._assignment import best_assignment_total

__all__ = ["ClusterScore", "ClusteringScores", "b_cubed", "ceaf_e", "muc", "score_clusterings"]

T = TypeVar("T", bound=Hashable)
_Clusters = list[frozenset[Any]]


@dataclass(frozen=True)
class ClusterScore:
    """Precision and recall of one metric, with their F1."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total

    def to_json(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class ClusteringScores:
    """The three metrics and the CoNLL F1, their mean."""

    muc: ClusterScore
    b_cubed: ClusterScore
    ceaf_e: ClusterScore

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def to_json(self) -> dict[str, Any]:
        return {
            "muc": self.muc.to_json(),
            "b_cubed": self.b_cubed.to_json(),
            "ceaf_e": self.ceaf_e.to_json(),
            "conll_f1": round(self.conll_f1, 4),
        }


def score_clusterings(
    key: Mapping[T, Hashable], response: Mapping[T, Hashable], *, missing_as_singletons: bool = True
) -> ClusteringScores:
    """MUC, B-cubed and CEAF-e of ``response`` against ``key`` (see the module docstring).

    Raises ``ValueError`` when the key holds no item: there is nothing to score.
    """
    key_clusters, response_clusters = _prepare(key, response, missing_as_singletons)
    return ClusteringScores(
        muc=_muc(key_clusters, response_clusters),
        b_cubed=_b_cubed(key_clusters, response_clusters),
        ceaf_e=_ceaf_e(key_clusters, response_clusters),
    )


def muc(key: Mapping[T, Hashable], response: Mapping[T, Hashable], *, missing_as_singletons: bool = True) -> ClusterScore:
    """The MUC link score of ``response`` against ``key``."""
    return _muc(*_prepare(key, response, missing_as_singletons))


def b_cubed(
    key: Mapping[T, Hashable], response: Mapping[T, Hashable], *, missing_as_singletons: bool = True
) -> ClusterScore:
    """The B-cubed item score of ``response`` against ``key``."""
    return _b_cubed(*_prepare(key, response, missing_as_singletons))


def ceaf_e(
    key: Mapping[T, Hashable], response: Mapping[T, Hashable], *, missing_as_singletons: bool = True
) -> ClusterScore:
    """The entity-based CEAF score (phi4 similarity) of ``response`` against ``key``."""
    return _ceaf_e(*_prepare(key, response, missing_as_singletons))


def _prepare(
    key: Mapping[T, Hashable], response: Mapping[T, Hashable], missing_as_singletons: bool
) -> tuple[_Clusters, _Clusters]:
    if not key:
        raise ValueError("the key clustering holds no item: nothing to score")
    completed: dict[Any, Hashable] = dict(response)
    if missing_as_singletons:
        for item in key:
            if item not in completed:
                # A fresh object can never equal an existing cluster id: the item stands alone.
                completed[item] = _Singleton(item)
    return _clusters(key), _clusters(completed)


class _Singleton:
    """The cluster id given to a key item the response left out."""

    __slots__ = ("item",)

    def __init__(self, item: object) -> None:
        self.item = item


def _clusters(assignment: Mapping[Any, Hashable]) -> _Clusters:
    groups: dict[Hashable, set[Any]] = defaultdict(set)
    for item, cluster in assignment.items():
        groups[cluster].add(item)
    return [frozenset(members) for members in groups.values()]


def _ratio(numerator: float, denominator: float) -> float:
    return 0.0 if denominator == 0 else numerator / denominator


def _muc(key: _Clusters, response: _Clusters) -> ClusterScore:
    return ClusterScore(precision=_muc_recall(response, key), recall=_muc_recall(key, response))


def _muc_recall(key: _Clusters, response: _Clusters) -> float:
    cluster_of = {item: index for index, cluster in enumerate(response) for item in cluster}
    found = needed = 0
    for cluster in key:
        # Items the other side lacks each make a part of their own.
        parts = {cluster_of.get(item, ("alone", item)) for item in cluster}
        found += len(cluster) - len(parts)
        needed += len(cluster) - 1
    return _ratio(found, needed)


def _b_cubed(key: _Clusters, response: _Clusters) -> ClusterScore:
    return ClusterScore(precision=_b_cubed_recall(response, key), recall=_b_cubed_recall(key, response))


def _b_cubed_recall(key: _Clusters, response: _Clusters) -> float:
    cluster_of = {item: cluster for cluster in response for item in cluster}
    total = 0.0
    items = 0
    for cluster in key:
        for item in cluster:
            other = cluster_of.get(item)
            if other is not None:
                total += len(cluster & other) / len(cluster)
            items += 1
    return _ratio(total, items)


def _ceaf_e(key: _Clusters, response: _Clusters) -> ClusterScore:
    best = sum(_component_best(keys, responses) for keys, responses in _components(key, response))
    return ClusterScore(precision=_ratio(best, len(response)), recall=_ratio(best, len(key)))


def _phi4(key: frozenset[Any], response: frozenset[Any]) -> float:
    return 2 * len(key & response) / (len(key) + len(response))


def _component_best(keys: _Clusters, responses: _Clusters) -> float:
    if len(keys) == 1 and len(responses) == 1:
        return _phi4(keys[0], responses[0])
    return best_assignment_total([[_phi4(k, r) for r in responses] for k in keys])


def _components(key: _Clusters, response: _Clusters) -> list[tuple[_Clusters, _Clusters]]:
    """Groups of key and response clusters linked by shared items.

    Clusters in different groups share nothing (their phi4 is 0), so the best alignment is the sum
    of each group's best: this keeps the cubic assignment to small matrices on large inputs.
    """
    parent = list(range(len(key) + len(response)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    key_of = {item: index for index, cluster in enumerate(key) for item in cluster}
    for index, cluster in enumerate(response):
        for item in cluster:
            if item in key_of:
                parent[find(len(key) + index)] = find(key_of[item])
    groups: dict[int, tuple[_Clusters, _Clusters]] = defaultdict(lambda: ([], []))
    for index, cluster in enumerate(key):
        groups[find(index)][0].append(cluster)
    for index, cluster in enumerate(response):
        groups[find(len(key) + index)][1].append(cluster)
    return [(keys, responses) for keys, responses in groups.values() if keys and responses]
