"""Baseline story clusterings on a cross-document gold set, to compare a linker against.

Three baselines, each a clustering ``document id -> story id``:

- **all singletons**: every article is a story of its own;
- **one per topic**: every article of a gold topic in one story (an oracle of the topic, which a
  linker does not have: what it cannot tell apart is the two subtopics of a topic);
- **words only**: TF-IDF vectors of the article's words (lower-cased, English stop words left
  out), cosine similarity, then either single-link clustering (two articles are in one story when a
  chain of pairs at or above the threshold joins them) or average-link clustering (the two stories
  whose articles are most alike on average merge, while that average is at or above the threshold).

:func:`story_baselines` scores them against the gold stories with
:func:`~newsgraph.evaluation.clustering.score_clusterings`; ``python -m
newsgraph.evaluation.story_baselines FOLDER`` prints the table for a gold folder (see
:mod:`newsgraph.evaluation.ecbplus`).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.errors import NewsgraphError
from newsgraph.evaluation.clustering import ClusteringScores, score_clusterings
from newsgraph.evaluation.ecbplus import CrossDocGold, load_crossdoc_gold

__all__ = [
    "DEFAULT_THRESHOLDS",
    "LINKAGES",
    "all_singletons",
    "main",
    "one_per_topic",
    "render_baselines",
    "story_baselines",
    "tfidf_vectors",
    "words_only",
]

DEFAULT_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)
LINKAGES = ("single", "average")
_WORD = re.compile(r"[a-z0-9]+")


def all_singletons(ids: Iterable[str]) -> dict[str, str]:
    """Every document its own story."""
    return {document: document for document in ids}


def one_per_topic(gold: CrossDocGold) -> dict[str, str]:
    """Every document of a gold topic in one story."""
    return gold.topics()


def tfidf_vectors(texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """L2-normalised TF-IDF vectors (raw counts times smoothed IDF) of each text's words."""
    counts = {document: Counter(_words(text)) for document, text in texts.items()}
    frequency: Counter[str] = Counter()
    for words in counts.values():
        frequency.update(words.keys())
    total = len(texts)
    idf = {word: math.log((1 + total) / (1 + seen)) + 1 for word, seen in frequency.items()}
    vectors: dict[str, dict[str, float]] = {}
    for document, words in counts.items():
        weights = {word: count * idf[word] for word, count in words.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        vectors[document] = {word: weight / norm for word, weight in weights.items()}
    return vectors


def words_only(texts: Mapping[str, str], threshold: float, linkage: str = "single") -> dict[str, str]:
    """Clusters of documents by TF-IDF cosine, joined while the ``linkage`` similarity >= ``threshold``.

    ``linkage`` is ``"single"`` (any pair of articles joins two stories) or ``"average"`` (the mean
    similarity of all their pairs). All pairs are compared: this is a baseline for gold sets of a few
    hundred articles, not a linker. Raises ``ValueError`` for another linkage.
    """
    if linkage not in LINKAGES:
        raise ValueError(f"linkage must be one of {', '.join(LINKAGES)}, not {linkage!r}")
    vectors = tfidf_vectors(texts)
    ids = list(vectors)
    similarity = {
        (first, second): _cosine(vectors[ids[first]], vectors[ids[second]])
        for first in range(len(ids))
        for second in range(first + 1, len(ids))
    }
    groups = _single_link(len(ids), similarity, threshold) if linkage == "single" else _average_link(
        len(ids), similarity, threshold
    )
    # A story is named after its first article, so the result reads well and is deterministic.
    return {ids[member]: ids[min(group)] for group in groups for member in group}


def story_baselines(
    gold: CrossDocGold, thresholds: Sequence[float] = DEFAULT_THRESHOLDS
) -> list[tuple[str, ClusteringScores]]:
    """Scores of each baseline against the gold stories, named for a table."""
    key = gold.stories()
    rows = [
        ("all singletons", score_clusterings(key, all_singletons(key))),
        ("one per topic", score_clusterings(key, one_per_topic(gold))),
    ]
    texts = gold.texts()
    for linkage in LINKAGES:
        for value in thresholds:
            clusters = words_only(texts, value, linkage)
            rows.append((f"words, {linkage} link >= {value:g}", score_clusterings(key, clusters)))
    return rows


def render_baselines(gold: CrossDocGold, rows: Sequence[tuple[str, ClusteringScores]]) -> str:
    """A plain-text table: MUC, B-cubed and CEAF-e as P/R/F1, then the CoNLL F1."""
    stories = set(gold.stories().values())
    topics = set(gold.topics().values())
    lines = [
        f"{gold.folder}: {len(gold.documents)} documents, {len(topics)} topics, {len(stories)} gold stories (subtopics)",
        f"{'baseline':<28} {'MUC P/R/F1':<17} {'B3 P/R/F1':<17} {'CEAF-e P/R/F1':<17} CoNLL F1",
    ]
    for name, scores in rows:
        cells = [
            f"{score.precision:.2f}/{score.recall:.2f}/{score.f1:.2f}"
            for score in (scores.muc, scores.b_cubed, scores.ceaf_e)
        ]
        lines.append(f"{name:<28} {cells[0]:<17} {cells[1]:<17} {cells[2]:<17} {scores.conll_f1:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the baseline table for the gold folder named on the command line."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) != 1:
        print("usage: python -m newsgraph.evaluation.story_baselines GOLD_FOLDER", file=sys.stderr)
        return 2
    try:
        gold = load_crossdoc_gold(Path(arguments[0]))
    except NewsgraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(render_baselines(gold, story_baselines(gold)))
    return 0


def _single_link(size: int, similarity: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    parent = list(range(size))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for (first, second), value in similarity.items():
        if value >= threshold:
            parent[find(second)] = find(first)
    groups: dict[int, list[int]] = {}
    for node in range(size):
        groups.setdefault(find(node), []).append(node)
    return list(groups.values())


def _average_link(size: int, similarity: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Agglomerative clustering with the mean pairwise similarity (Lance-Williams update)."""
    members = {node: [node] for node in range(size)}
    between = dict(similarity)
    while between:
        (first, second), best = max(between.items(), key=lambda item: (item[1], -item[0][0], -item[0][1]))
        if best < threshold:
            break
        merged_size = len(members[first]) + len(members[second])
        for other in members:
            if other in (first, second):
                continue
            with_first = between.pop(_pair(first, other))
            with_second = between.pop(_pair(second, other))
            mean = (len(members[first]) * with_first + len(members[second]) * with_second) / merged_size
            between[_pair(first, other)] = mean
        del between[(first, second)]
        members[first] += members.pop(second)
    return list(members.values())


def _pair(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


def _words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if len(word) > 1 and word not in STOP_WORDS]


def _cosine(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(word, 0.0) for word, weight in first.items())


if __name__ == "__main__":
    raise SystemExit(main())
