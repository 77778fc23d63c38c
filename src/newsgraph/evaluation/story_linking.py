"""Score newsgraph's stories against a cross-document gold set (ECB+ format, see
``eval/README.md``): ingest the gold articles into a fresh database with the whole pipeline and the
linker, then compare the stories found with the gold stories (MUC, B-cubed, CEAF-e, CoNLL F1).

Run it as ``python -m newsgraph.evaluation.story_linking FOLDER``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsgraph.evaluation.clustering import ClusteringScores, score_clusterings
from newsgraph.evaluation.ecbplus import load_crossdoc_gold
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

__all__ = ["score_story_linking"]


def score_story_linking(folder: Path, *, workers: int = 1) -> tuple[ClusteringScores, ClusteringScores, int]:
    """Scores of the stories found against the gold stories and against the gold topics, and the
    number of stories found."""
    gold = load_crossdoc_gold(folder)
    with tempfile.TemporaryDirectory(prefix="newsgraph-stories-") as scratch:
        db = Path(scratch) / "stories.duckdb"
        summary = ingest([folder / "docs.jsonl"], Settings(db=db, workers=workers, progress=False))
        if not summary.ok:
            raise RuntimeError(f"{len(summary.failed)} gold article(s) failed to ingest: {summary.failed[0]}")
        line_ids = [json.loads(line)["id"] for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        with Store(db, read_only=True) as store:
            rows = store.db.execute(
                "SELECT s.source, sd.story_id FROM sources s JOIN story_documents sd ON sd.doc_id = s.doc_id"
            ).fetchall()
    found = {line_ids[int(source.rsplit("#L", 1)[1]) - 1]: story for source, story in rows}
    return score_clusterings(gold.stories(), found), score_clusterings(gold.topics(), found), len(set(found.values()))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m newsgraph.evaluation.story_linking FOLDER", file=sys.stderr)
        return 2
    stories, topics, n = score_story_linking(Path(argv[0]))
    print(f"{n} stories found")
    for name, scores in (("gold stories (subtopics)", stories), ("gold topics", topics)):
        print(f"{name}: " + json.dumps(scores.to_json()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
