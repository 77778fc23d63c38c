"""The dataset's layout: month partitions, and columns that match the store's tables."""

from __future__ import annotations

import duckdb
import pytest

from newsgraph.cluster.dataset import TABLES, month_of, table_schema
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
