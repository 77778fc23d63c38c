"""The dataset's layout: month partitions, and columns that match the store's tables."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.cluster.dataset import TABLES, DatasetWriter, known_inputs, month_of, open_table, table_schema
from newsgraph.store.migrations import migrate


@pytest.mark.parametrize(
    ("published", "month"),
    [("2024-06-18", "2024-06"), ("2024-06", "2024-06"), ("2024", "unknown"), (None, "unknown"), ("", "unknown")],
)
def test_a_document_lands_in_its_publication_month(published: str | None, month: str) -> None:
    assert month_of(published) == month


@pytest.mark.parametrize("table", [table for table in TABLES if table != "failures"])
def test_every_stored_column_is_in_the_dataset_with_its_type(table: str) -> None:
    with duckdb.connect() as db:
        migrate(db)
        stored = db.execute(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
    dataset = table_schema(table)
    for field in stored:
        if field.name in ("ingested_at", "seen_at"):
            continue
        assert dataset.field(field.name).type == field.type, field.name


FAILURE = {"source": "a.txt", "raw_sha": None, "problem": "a.txt: empty file", "run": "r1", "file": "a.txt", "file_index": 0, "seq": 0}


@pytest.mark.parametrize(("publish", "visible"), [(True, 1), (False, 0)])
def test_a_task_s_files_are_seen_only_once_it_ends(tmp_path: Path, publish: bool, visible: int) -> None:
    writer = DatasetWriter(str(tmp_path), "r1-000001")
    writer.write("failures", [FAILURE], "unknown")
    assert open_table(str(tmp_path), "failures") is None
    if publish:
        writer.close()
    else:
        writer.abort()
    dataset = open_table(str(tmp_path), "failures")
    assert (dataset.count_rows() if dataset else 0) == visible
    assert known_inputs(str(tmp_path)) == ({"a.txt": {("a.txt", "")}} if publish else {})
