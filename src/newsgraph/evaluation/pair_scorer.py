"""Scoring event clusters on the pairs of the real-news set: two articles reporting one happening.

For each pair, both articles are ingested into a temporary database by the real ingest and link
path; then the predicted events matched to gold events are looked up in the event clusters the
linker made. A happening both articles report (a gold ``cluster`` label in both) is **merged** when
an event coded for it in the one article and an event coded for it in the other lie in one event
cluster: the two reports are linked (the gold gives one label to every report of a happening, a
strike and the mosque it hit alike, which the linker may keep apart); an event cluster holding
predicted events matched to two labels is a **wrong merge**.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.evaluation.news_scores import PairScore
from newsgraph.evaluation.scores import Problem
from newsgraph.ingest import ingest
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.store import Store

__all__ = ["Labelled", "event_clusters_of", "pair_figures"]

Labelled = Mapping[str, frozenset[str]]
"""One article's gold ``cluster`` labels, each with the ids of the predicted events matched to the
gold events that carry it (empty when none was found)."""


def event_clusters_of(paths: tuple[Path, Path], pipeline: Pipeline) -> dict[str, str]:
    """Ingest and link the two articles at ``paths`` in a fresh database: event id -> event cluster id."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-pair-") as scratch:
        db = Path(scratch) / "pair.duckdb"
        summary = ingest(list(paths), Settings(db=db, workers=1, progress=False), pipeline=pipeline)
        if not summary.ok:
            failure = summary.failed[0]
            raise NewsgraphError(f"{failure.source}: the article failed to ingest: {failure.problem}")
        with Store(db, read_only=True) as store:
            rows = store.db.execute("SELECT event_id, cluster_id FROM event_cluster_members").fetchall()
    return {str(event): str(cluster) for event, cluster in rows}


def pair_figures(pair: str, half: str, first: Labelled, second: Labelled, clusters: Mapping[str, str]) -> PairScore:
    """The figures of one pair, from its two articles' labelled events and the event clusters."""
    problems: list[Problem] = []
    shared = sorted(set(first) & set(second))
    found = merged = 0
    for label in shared:
        if not first[label] or not second[label]:
            missing = " and ".join(name for name, side in (("first", first), ("second", second)) if not side[label])
            problems.append(Problem(pair, "pair", "not found", f"{label!r} in both articles", f"not in the {missing}"))
            continue
        found += 1
        homes = {clusters.get(event) for event in first[label]} & {clusters.get(event) for event in second[label]}
        if homes - {None}:
            merged += 1
        else:
            shown = ", ".join(sorted({clusters.get(event) or "no cluster" for event in first[label] | second[label]}))
            problems.append(Problem(pair, "pair", "not merged", f"{label!r} in one event cluster", shown))
    labels_of: dict[str, set[str]] = {}
    for side in (first, second):
        for label, events in side.items():
            for event in events:
                if event in clusters:
                    labels_of.setdefault(clusters[event], set()).add(label)
    wrong = {cluster: labels for cluster, labels in labels_of.items() if len(labels) > 1}
    for cluster, labels in sorted(wrong.items()):
        shown = f"{cluster}: {', '.join(sorted(labels))}"
        problems.append(Problem(pair, "pair", "wrong merge", "one happening per cluster", shown))
    return PairScore(
        pair=pair,
        half=half,
        shared=len(shared),
        found=found,
        merged=merged,
        wrong_merges=len(wrong),
        problems=tuple(problems),
    )
