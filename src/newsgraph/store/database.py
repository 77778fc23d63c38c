"""The embedded database: one DuckDB file holding every document and what was extracted from it.

Writes go through :meth:`Store.write_documents`, one transaction per batch of whole documents, so
an interrupted run leaves only whole documents behind and a rerun finishes the job.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.errors import StoreError
from newsgraph.records import Document
from newsgraph.store.migrations import migrate
from newsgraph.store.rows import ROW_TABLES, Rows, SourceSeen, document_rows
from newsgraph.store.transaction import WRITE_ERRORS, transaction, write_error

__all__ = ["Store", "SourceSeen", "id_list"]


def id_list(ids: Iterable[str]) -> str:
    """A list of ids as one query parameter, for ``unnest(?::JSON::VARCHAR[])``. DuckDB converts a
    Python list element by element (and, without pandas installed, tries to import pandas for each
    one); one JSON string is converted once, a hundred times faster for a batch of ids."""
    return json.dumps(list(ids))


class Store:
    """An open newsgraph database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder; give a database file path with --db")
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no database here yet; run `newsgraph ingest` first or pass --db")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = duckdb.connect(str(self.path), read_only=read_only)
        except (duckdb.Error, OSError) as error:
            raise StoreError(
                f"{self.path}: cannot open the database ({error}); is it a DuckDB file, and is no other "
                "newsgraph process writing to it?"
            ) from error
        if not read_only:
            try:
                migrate(self.db)
            except duckdb.Error as error:
                self.db.close()
                raise StoreError(f"{self.path}: cannot update the database schema: {error}") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if error is None:
            self.close()
        else:
            with contextlib.suppress(StoreError):  # the error already on its way says what went wrong
                self.close()

    def close(self) -> None:
        """Close the database (DuckDB then writes what its log holds into the file)."""
        try:
            self.db.close()
        except WRITE_ERRORS as error:
            raise write_error(self.path, error) from error

    # Reading

    def known_sources(self, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Of these (source, raw_sha) pairs, those already ingested, with their document ids."""
        if not pairs:
            return {}
        rows = self.db.execute(
            "SELECT s.source, s.raw_sha, s.doc_id FROM sources s "
            "JOIN (SELECT unnest(?::JSON::VARCHAR[]) AS source, unnest(?::JSON::VARCHAR[]) AS raw_sha) q "
            "ON s.source = q.source AND s.raw_sha = q.raw_sha",
            [id_list(source for source, _ in pairs), id_list(sha for _, sha in pairs)],
        ).fetchall()
        return {(source, sha): doc_id for source, sha, doc_id in rows}

    def existing_documents(self, ids: Iterable[str]) -> set[str]:
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.db.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(wanted)])
        return {row[0] for row in rows.fetchall()}

    def latest_documents_of(self, sources: Iterable[str]) -> dict[str, str]:
        """For each source already seen, the document its most recent version became."""
        wanted = list(set(sources))
        if not wanted:
            return {}
        rows = self.db.execute(
            "SELECT source, arg_max(doc_id, seen_at) FROM sources "
            "WHERE source IN (SELECT unnest(?::JSON::VARCHAR[])) GROUP BY source",
            [id_list(wanted)],
        ).fetchall()
        return {source: doc_id for source, doc_id in rows}

    def count(self, table: str) -> int:
        if table not in _TABLES:
            raise ValueError(f"unknown table {table}")
        row = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def iter_document_rows(self, batch_size: int = 500) -> Iterator[dict[str, Any]]:
        """Every document as a dict of its columns (plus ``captions``), in id order."""
        cursor = self.db.cursor()
        result = cursor.execute("SELECT * FROM documents ORDER BY id")
        columns = [column[0] for column in result.description]
        while rows := result.fetchmany(batch_size):
            batch = [dict(zip(columns, row)) for row in rows]
            captions = self._captions_of([row["id"] for row in batch])
            for row in batch:
                row["captions"] = captions.get(row["id"], [])
                yield row

    def iter_rows(self, table: str, order_by: str, where: str = "", parameters: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Every row of ``table`` (one of the store's tables) as a dict, in ``order_by`` order."""
        if table not in _TABLES:
            raise ValueError(f"unknown table {table}")
        cursor = self.db.cursor()
        result = cursor.execute(f"SELECT * FROM {table} {where} ORDER BY {order_by}", list(parameters))
        columns = [column[0] for column in result.description]
        while rows := result.fetchmany(1000):
            for row in rows:
                yield dict(zip(columns, row))

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """The rows a read query returns, each as a dict keyed by column name."""
        cursor = self.db.execute(sql, list(parameters))
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def find_documents(self, key: str) -> list[str]:
        """Ids of the documents whose id starts with ``key`` or whose source or URL contains it."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE starts_with(id, ?) OR contains(source, ?) OR contains(url, ?) ORDER BY id",
            [key, key, key],
        ).fetchall()
        return [row[0] for row in rows]

    def _captions_of(self, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        rows = self.db.execute(
            "SELECT doc_id, text, credit, raw_start, raw_end FROM captions "
            "WHERE doc_id IN (SELECT unnest(?::JSON::VARCHAR[])) ORDER BY doc_id, seq",
            [id_list(ids)],
        ).fetchall()
        captions: dict[str, list[dict[str, Any]]] = {}
        for doc_id, text, credit, raw_start, raw_end in rows:
            captions.setdefault(doc_id, []).append(
                {"text": text, "credit": credit, "raw_start": raw_start, "raw_end": raw_end}
            )
        return captions

    def document_row(self, doc_id: str) -> dict[str, Any] | None:
        result = self.db.execute("SELECT * FROM documents WHERE id = ?", [doc_id])
        columns = [column[0] for column in result.description]
        row = result.fetchone()
        if row is None:
            return None
        document = dict(zip(columns, row))
        document["captions"] = self._captions_of([doc_id]).get(doc_id, [])
        return document

    # Writing

    def write_documents(self, documents: Sequence[Document], seen: Sequence[SourceSeen], pipeline: str) -> None:
        """Insert new documents and record the sources seen, all in one transaction.

        Documents already stored (same id) are skipped, so a rerun of the same batch changes nothing.
        """
        with self.transaction():
            self.write_rows(document_rows(documents, seen, pipeline))

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """One transaction around the block: committed when it ends, rolled back if it raises; a
        failure to write is a one-line :class:`StoreError` naming the database. Every write of several
        statements goes through it (see :mod:`newsgraph.store.transaction`)."""
        return transaction(self.db, self.path)

    def write_rows(self, rows: Rows) -> None:
        """Write rows shaped by :func:`~newsgraph.store.rows.document_rows`; call inside
        :meth:`transaction`. A row whose key is already stored is skipped; actors are upserted,
        their aliases accumulating.

        Rows go in as one Arrow table per table: DuckDB binds a whole batch far faster than row by row.
        """
        for table in ROW_TABLES:
            batch = rows.get(table)
            if not batch:
                continue
            if table == "actors":
                self._write_actors(batch)
            else:
                self._insert(table, batch)

    def _write_actors(self, rows: Sequence[dict[str, Any]]) -> None:
        """Upsert actors: one row per id, aliases accumulating; the role, affiliation and country
        are the first ones known, in the order the documents came, whether the rows arrive in one
        batch or in several (so the batch size never changes what is stored)."""
        merged: dict[str, dict[str, Any]] = {}
        for actor in rows:
            row = merged.get(actor["id"])
            if row is None:
                merged[actor["id"]] = {name: actor[name] for name in _ACTOR_COLUMNS} | {"aliases": sorted(set(actor["aliases"]))}
            else:
                row["aliases"] = sorted(set(row["aliases"]) | set(actor["aliases"]))
                for name in _FIRST_KNOWN:
                    if row[name] is None:
                        row[name] = actor[name]
        self.db.register("_actors", pa.Table.from_pylist(list(merged.values())))
        try:
            self.db.execute(
                f"INSERT INTO actors SELECT {', '.join(_ACTOR_COLUMNS)} "
                "FROM _actors ON CONFLICT (id) DO UPDATE SET "
                "aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases))), "
                "role = coalesce(actors.role, excluded.role), "
                "affiliation = coalesce(actors.affiliation, excluded.affiliation), "
                "country = coalesce(actors.country, excluded.country)"
            )
        finally:
            self.db.unregister("_actors")

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.insert_rows(table, rows)

    def insert_rows(self, table: str, rows: list[dict[str, Any]], *, replace: bool = False) -> None:
        """Insert rows (dicts keyed by column) in one statement through Arrow: far faster than one
        parameterised insert per row. A row whose key exists is kept, or replaced if ``replace``."""
        if not rows:
            return
        batch = pa.Table.from_pylist(rows)
        columns = ", ".join(f'"{name}"' for name in rows[0])
        values = ", ".join(f'coalesce("{name}", now())' if name in _NOW_COLUMNS else f'"{name}"' for name in rows[0])
        verb, conflict = ("INSERT OR REPLACE", "") if replace else ("INSERT", " ON CONFLICT DO NOTHING")
        self.db.register("_batch", batch)
        try:
            self.db.execute(f"{verb} INTO {table} ({columns}) SELECT {values} FROM _batch{conflict}")
        finally:
            self.db.unregister("_batch")


_ACTOR_COLUMNS = ("id", "name", "type", "country", "code", "aliases", "role", "affiliation", "from_kb")
_FIRST_KNOWN = ("role", "affiliation", "country")
_NOW_COLUMNS = frozenset({"ingested_at", "seen_at", "linked_at"})
_TABLES = frozenset(
    {"documents", "captions", "sources", "actors", "mentions", "quotes", "times", "places", "amounts", "events"}
    | {"stories", "story_documents", "event_clusters", "event_cluster_members", "quote_clusters"}
    | {"quote_cluster_members", "near_duplicates", "contested_claims", "claim_sides"}
)
