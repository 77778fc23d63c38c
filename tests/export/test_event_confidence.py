"""Every exported event carries its confidence, in every format: a number in [0, 1] for events
coded today, null for events stored before events had one."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from factories import make_document, make_event
from newsgraph.export import export
from newsgraph.export import writers
from newsgraph.ingestion import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

ARTICLE = (
    "Leaders meet in Hanoi\n[June 18, 2024]\n\n"
    "Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi on Wednesday.\n\n"
    "The two leaders signed agreements on energy, and Putin promised to visit Hanoi again next year.\n\n"
    "The summit between the two leaders was not their first.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    (folder / "hanoi.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "hanoi.duckdb"
    assert ingest([folder / "hanoi.txt"], Settings(db=path, workers=1, progress=False)).ok
    return path


def confidences(db: Path, fmt: str, tmp_path: Path) -> list[object]:
    if fmt == "jsonl":
        export(db, "jsonl", tmp_path / "out.jsonl")
        lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        return [record["confidence"] for record in map(json.loads, lines) if record["record"] == "event"]
    export(db, fmt, tmp_path)
    if fmt == "csv":
        with (tmp_path / "event.csv").open(encoding="utf-8", newline="") as table:
            return [float(row["confidence"]) for row in csv.DictReader(table)]
    return pq.read_table(tmp_path / "event.parquet").column("confidence").to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_event_has_a_confidence_between_0_and_1(db: Path, tmp_path: Path, fmt: str) -> None:
    found = confidences(db, fmt, tmp_path)
    assert len(found) >= 2
    assert all(isinstance(value, float) and 0 <= value <= 1 for value in found)


def test_parquet_keeps_the_column_typed_when_a_first_batch_has_only_unknown_confidences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writers, "_ROWS_PER_PARQUET_BATCH", 1)
    db = tmp_path / "mixed.duckdb"
    document = replace(make_document("Putin met Kim. Kim met Putin."),
                       events=[make_event("event_1", confidence=0.8), make_event("event_2", confidence=0.3)])
    with Store(db) as store:
        store.write_documents([document], [], "test.v1")
        store.db.execute("UPDATE events SET confidence = NULL WHERE id = 'event_1'")  # as before migration 0009
    assert confidences(db, "parquet", tmp_path) == [None, 0.3]
