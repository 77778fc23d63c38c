"""The full-text index over quotes, events and documents (DuckDB's ``fts`` extension).

The index is derived data: :func:`rebuild_search_index` builds it from the stored rows, and
ingest calls it after every run that stored something, so a read-only server always finds it.
:func:`search_index_current` says whether it still covers every row (ingest only ever adds
rows, so equal row counts mean nothing was added since the build).

The extension ships as a Python package (``duckdb-extension-fts``) because DuckDB cannot download
extensions here; it is loaded from that package's file, never by name.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsgraph.errors import StoreError
from newsgraph.store._atomic import atomic, database_path
from newsgraph.store.summaries import rebuild_summaries

__all__ = ["SEARCHED", "load_fts", "rebuild_search_index", "search_index_current", "fts_schema", "hits_sql"]

# table -> (key column, the text columns indexed)
SEARCHED: dict[str, tuple[str, tuple[str, ...]]] = {
    "quotes": ("id", ("text", "speaker_text")),
    "events": ("id", ("evidence_text",)),
    "documents": ("id", ("title", "text")),
}


def fts_schema(table: str) -> str:
    """The schema the extension puts ``table``'s index in (its ``match_bm25`` macro lives there)."""
    return f"fts_main_{table}"


def _extension_file() -> Path:
    try:
        import duckdb_extension_fts
    except ImportError as error:
        raise StoreError(
            "full-text search needs the duckdb-extension-fts package; install newsgraph's dependencies"
        ) from error
    folder = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = sorted(folder.glob("fts.duckdb_extension"))
    if not found:
        raise StoreError(f"{folder}: no fts.duckdb_extension for DuckDB {duckdb.__version__}; pin matching versions")
    return found[0]


def load_fts(db: duckdb.DuckDBPyConnection) -> None:
    """Load the full-text search extension into this connection."""
    try:
        db.execute(f"LOAD '{_extension_file()}'")
    except duckdb.Error as error:
        raise StoreError(f"cannot load the full-text search extension: {error}") from error


def rebuild_search_index(db: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rebuild the index of every searched table, and the summary tables, in one transaction;
    return the rows indexed."""
    load_fts(db)
    counts: dict[str, int] = {}
    with atomic(db, database_path(db)):
        rebuild_summaries(db)
        for table, (key, columns) in SEARCHED.items():
            names = ", ".join(f"'{column}'" for column in columns)
            db.execute(f"PRAGMA create_fts_index('{table}', '{key}', {names}, overwrite=1)")
            row = db.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
            db.execute(
                "INSERT INTO search_index_state VALUES (?, ?, now()) "
                "ON CONFLICT (table_name) DO UPDATE SET rows = excluded.rows, built_at = excluded.built_at",
                [table, counts[table]],
            )
    return counts


def search_index_current(db: duckdb.DuckDBPyConnection) -> bool:
    """Whether the index exists and covers every row of every searched table."""
    try:
        built = dict(db.execute("SELECT table_name, rows FROM search_index_state").fetchall())
    except duckdb.CatalogException:
        return False
    for table in SEARCHED:
        row = db.execute(f"SELECT count(*) FROM {table}").fetchone()
        if table not in built or row is None or built[table] != row[0]:
            return False
    return True


def hits_sql(table: str) -> str:
    """A query of ``(id, score)`` for the rows of ``table`` matching any word of its one parameter,
    the words searched for, scored by BM25 exactly as the extension's ``match_bm25`` scores them
    (k=1.2, b=0.75, Porter stems), but computed once over the matching terms instead of once per
    row of the table: several times faster on a large table."""
    schema = fts_schema(table)
    return f"""
        WITH tokens AS (SELECT DISTINCT stem(unnest({schema}.tokenize(?)), 'porter') AS t),
        term_tf AS (
            SELECT termid, docid, count(*) AS tf FROM {schema}.terms
            WHERE termid IN (SELECT termid FROM {schema}.dict JOIN tokens ON term = t)
            GROUP BY termid, docid
        )
        SELECT docs.name AS id,
               sum(log(((stats.num_docs - dict.df + 0.5) / (dict.df + 0.5)) + 1)
                   * (tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * docs.len / stats.avgdl)))) AS score
        FROM term_tf
        JOIN {schema}.docs docs ON docs.docid = term_tf.docid
        JOIN {schema}.dict dict ON dict.termid = term_tf.termid,
        {schema}.stats stats
        GROUP BY docs.name
    """
