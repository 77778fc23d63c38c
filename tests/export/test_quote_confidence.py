"""Every exported quotation carries its speaker's confidence and, when the speaker is unresolved,
the reason, in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.actors.speakers import UNRESOLVED_REASONS
from newsgraph.export import export
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings

ARTICLE = (
    "Talks resume in Lisbon\n[June 18, 2024]\n\n"
    "Portugal's foreign minister, Ana Ruiz, met her Moroccan counterpart in Lisbon on Tuesday.\n\n"
    '"We agreed on a ferry route," Ruiz said. Several experts called the plan "a gamble."\n'
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    (folder / "lisbon.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "lisbon.duckdb"
    assert ingest([folder / "lisbon.txt"], Settings(db=path, workers=1, progress=False)).ok
    return path


def quotes(db: Path, fmt: str, tmp_path: Path) -> list[dict[str, object]]:
    if fmt == "jsonl":
        export(db, "jsonl", tmp_path / "out.jsonl")
        lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        return [record for record in map(json.loads, lines) if record["record"] == "quote"]
    export(db, fmt, tmp_path)
    if fmt == "csv":
        with (tmp_path / "quote.csv").open(encoding="utf-8", newline="") as table:
            rows: list[dict[str, object]] = [
                {**row, "confidence": float(row["confidence"]), "speaker_actor_id": row["speaker_actor_id"] or None,
                 "speaker_unresolved_reason": row["speaker_unresolved_reason"] or None}
                for row in csv.DictReader(table)
            ]
            return rows
    return pq.read_table(tmp_path / "quote.parquet").to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_quote_has_a_confidence_and_an_unresolved_one_its_reason(db: Path, tmp_path: Path, fmt: str) -> None:
    found = {str(record["text"]): record for record in quotes(db, fmt, tmp_path)}
    resolved, unresolved = found["We agreed on a ferry route"], found["a gamble."]
    assert (resolved["speaker_actor_id"], resolved["speaker_unresolved_reason"]) == ("person:ana-ruiz", None)
    assert unresolved["speaker_actor_id"] is None and unresolved["speaker_unresolved_reason"] in UNRESOLVED_REASONS
    for record in found.values():
        confidence = record["confidence"]
        assert isinstance(confidence, float) and 0 <= confidence <= 1
    assert float(str(resolved["confidence"])) > float(str(unresolved["confidence"]))
