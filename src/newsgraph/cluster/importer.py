"""``newsgraph import-parquet``: load a cluster run's Parquet dataset into the embedded database.

The dataset is staged in temporary tables, then written in batches of whole documents through the
store's own write path (:meth:`Store.write_rows`: inserts skip stored keys, actors merge their
aliases), in the order a single-process ingest of the same inputs would have met them (run, file,
article), so both databases end up with the same records. One transaction covers the whole import:
it lands whole or not at all, and importing the same dataset again changes nothing. A source's
``seen_at`` is the start of the run that read it, so later versions of an article stay later.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from newsgraph.cluster.dataset import TABLES, open_table
from newsgraph.errors import InputError
from newsgraph.ingestion import settle
from newsgraph.linking import LinkSummary
from newsgraph.settings import Settings
from newsgraph.store import ROW_TABLES, Rows, Store

__all__ = ["ImportSummary", "import_parquet"]

_CHILD_TABLES = tuple(table for table in ROW_TABLES if table not in ("documents", "sources"))


@dataclass
class ImportSummary:
    """``documents`` newly stored, ``sources`` newly recorded (an article whose content was
    already stored adds a source only), ``failures`` recorded in the dataset, ``seconds`` taken."""

    documents: int = 0
    sources: int = 0
    versions: int = 0
    failures: int = 0
    seconds: float = 0.0
    linked: LinkSummary | None = None
    dated_from_stories: int = 0


def import_parquet(url: str, settings: Settings) -> ImportSummary:
    """Load the dataset at ``url`` (a folder or an fsspec URL) into the database ``settings.db``."""
    started = time.perf_counter()
    datasets = {table: open_table(url, table) for table in TABLES}
    if datasets["sources"] is None and datasets["failures"] is None:
        raise InputError(url, "not a newsgraph Parquet dataset (no sources/ or failures/ files)", "give the --out folder of `newsgraph ingest --engine dask`")
    summary = ImportSummary()
    with Store(settings.db) as store:
        for table, dataset in datasets.items():
            if dataset is not None:
                store.db.register(f"_parquet_{table}", dataset)
        try:
            with store.transaction():
                if datasets["failures"] is not None:
                    row = store.db.execute("SELECT count(*) FROM _parquet_failures").fetchone()
                    summary.failures = int(row[0]) if row else 0
                if datasets["sources"] is not None:
                    _stage(store, {table for table, dataset in datasets.items() if dataset is not None})
                    _write(store, settings.batch_size, summary)
        finally:
            for table in TABLES:
                store.db.execute(f"DROP TABLE IF EXISTS _import_{table}")
                if datasets[table] is not None:
                    store.db.unregister(f"_parquet_{table}")
        # Cross-document links for the documents this import added (and any not linked before):
        # incremental, so a new month's partitions join the stories already there; then as ingest.
        settled = settle(store, stored=summary.documents, link_documents=settings.link,
                         event_threshold=settings.event_threshold, batch_size=settings.batch_size)
        summary.linked, summary.dated_from_stories = settled.linked, settled.dated_from_stories
    summary.seconds = time.perf_counter() - started
    return summary


def _stage(store: Store, present: set[str]) -> None:
    """Temporary tables of what to write, each row with the order of the article it came from."""
    db = store.db
    # Every (source, bytes) pair not yet recorded, once (a task redone after a crash writes its
    # rows twice), numbered in reading order.
    db.execute(
        """
        CREATE TEMP TABLE _import_sources AS
        SELECT source, raw_sha, doc_id, strptime(run, '%Y%m%dT%H%M%S%fZ') AS seen_at,
               row_number() OVER (ORDER BY run, file_index, seq) AS ord
        FROM _parquet_sources p
        WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.source = p.source AND s.raw_sha = p.raw_sha)
        QUALIFY row_number() OVER (PARTITION BY source, raw_sha ORDER BY run, file_index, seq) = 1
        """
    )
    # A document not yet stored, from the first article that became it.
    db.execute(
        """
        CREATE TEMP TABLE _import_documents AS
        SELECT d.* EXCLUDE (month), s.ord, row_number() OVER (ORDER BY s.ord) AS doc_ord
        FROM _parquet_documents d JOIN _import_sources s
          ON d.id = s.doc_id AND d.source = s.source AND d.raw_sha = s.raw_sha
        WHERE d.id NOT IN (SELECT id FROM documents)
        QUALIFY row_number() OVER (PARTITION BY d.id ORDER BY s.ord) = 1
        ORDER BY doc_ord
        """
    )
    for table in _CHILD_TABLES:
        if table not in present:
            continue
        db.execute(
            f"""
            CREATE TEMP TABLE _import_{table} AS
            SELECT t.*, d.doc_ord FROM (SELECT DISTINCT * EXCLUDE (month) FROM _parquet_{table}) t
            JOIN _import_documents d ON t.doc_id = d.id
            ORDER BY d.doc_ord
            """
        )


def _write(store: Store, batch_size: int, summary: ImportSummary) -> None:
    db = store.db
    row = db.execute("SELECT count(*) FROM _import_documents").fetchone()
    total = int(row[0]) if row else 0
    children = {
        table for (table,) in db.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
    }
    done_ord = 0
    for first in range(1, max(total, 1) + 1, batch_size):
        last = first + batch_size - 1
        documents = _fetch(store, "_import_documents", "doc_ord BETWEEN ? AND ?", [first, last], ("doc_ord",))
        # The sources read up to this batch's last document (all the rest with the last batch).
        last_ord = max((document["ord"] for document in documents), default=0) if last < total else None
        sources = _fetch(
            store,
            "_import_sources",
            "ord > ?" + ("" if last_ord is None else " AND ord <= ?"),
            [done_ord] if last_ord is None else [done_ord, last_ord],
            ("ord",),
        )
        if last_ord is not None:
            done_ord = last_ord
        # An edited article read by a later run is a new version of the one read before it, even
        # when both land in this batch.
        latest = store.latest_documents_of(document["source"] for document in documents)
        for document in documents:
            earlier = latest.get(document["source"])
            if earlier is not None and earlier != document["id"]:
                document["version_of"] = earlier
                summary.versions += 1
            latest[document["source"]] = document["id"]
            document["ingested_at"] = None
            del document["ord"]
        rows: Rows = {"documents": documents, "sources": sources}
        for table in _CHILD_TABLES:
            if f"_import_{table}" in children:
                rows[table] = _fetch(store, f"_import_{table}", "doc_ord BETWEEN ? AND ?", [first, last], ("doc_ord",))
        store.write_rows(rows)
        summary.documents += len(documents)
        summary.sources += len(sources)


def _fetch(store: Store, table: str, where: str, parameters: list[Any], drop: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows of a staged table in reading order, without the staging columns named in ``drop``."""
    order = "doc_ord" if table != "_import_sources" else "ord"
    result = store.db.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", parameters)
    rows: list[dict[str, Any]] = result.to_arrow_table().to_pylist()
    for row in rows:
        for name in drop:
            row.pop(name, None)
    return rows
