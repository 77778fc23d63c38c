"""The embedded DuckDB store and its schema migrations."""

from newsgraph.store.database import SourceSeen, Store, id_list
from newsgraph.store.migrations import MIGRATIONS, migrate

__all__ = ["Store", "SourceSeen", "MIGRATIONS", "migrate", "id_list"]
