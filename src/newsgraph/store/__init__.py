"""The embedded DuckDB store and its schema migrations."""

from newsgraph.store.database import SourceSeen, Store, id_list
from newsgraph.store.migrations import MIGRATIONS, migrate
from newsgraph.store.rows import ROW_TABLES, Rows, document_rows

__all__ = ["Store", "SourceSeen", "MIGRATIONS", "migrate", "id_list", "ROW_TABLES", "Rows", "document_rows"]
