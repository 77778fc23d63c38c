"""import-parquet on a small hand-made dataset: the events' confidence goes in as the dataset has
it, and a dataset written before events had one imports with an unknown confidence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from factories import make_document, make_event
from newsgraph.cluster import import_parquet
from newsgraph.cluster.dataset import DatasetWriter, iter_parts
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.store.rows import SourceSeen, document_rows


def write_dataset(out: Path, confidence: float) -> None:
    document = replace(make_document("Putin met Kim.", title="T", published="2024-06-18"),
                       events=[make_event(confidence=confidence)])
    rows = document_rows([document], [SourceSeen(document.source, document.raw_sha, document.id)], "test.v1")
    rows["sources"][0].update(run="20240618T000000000000Z", file="a.txt", file_index=0, seq=0)
    writer = DatasetWriter(str(out), "r1-000001")
    for table, table_rows in rows.items():
        if table_rows:
            writer.write(table, table_rows, "2024-06")
    writer.close()


@pytest.mark.parametrize("old_dataset", [False, True], ids=["current", "written-before-confidence"])
def test_an_event_s_confidence_is_imported(tmp_path: Path, old_dataset: bool) -> None:
    out = tmp_path / "dataset"
    write_dataset(out, 0.61)
    (events_file,) = iter_parts(str(out), "events")
    assert pq.read_table(events_file).column("confidence").to_pylist() == [0.61]
    if old_dataset:
        pq.write_table(pq.read_table(events_file).drop_columns(["confidence"]), events_file)
    db = tmp_path / "imported.duckdb"
    for _ in range(2):  # importing again changes nothing
        import_parquet(str(out), Settings(db=db, link=False))
    with Store(db, read_only=True) as store:
        assert store.query("SELECT id, confidence FROM events") == [
            {"id": "event_1", "confidence": None if old_dataset else 0.61}
        ]
