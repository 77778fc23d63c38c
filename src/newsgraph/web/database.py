"""The server's handle on the store: read-only unless ingesting through the API was enabled.

DuckDB lets one process hold a file either read-only or writable, so the server opens it once, in
the mode it needs, and gives each request its own cursor (a cursor is a separate connection to the
same database, safe to use from the request's thread). Writes are serialised by a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import duckdb
from fastapi import Depends, Request

from newsgraph.errors import StoreError
from newsgraph.store import MIGRATIONS, Store
from newsgraph.store.search import load_fts, search_index_current

__all__ = ["WebDatabase", "Cursor", "Db", "Threshold", "request_cursor", "request_database", "request_threshold"]

T = TypeVar("T")


class WebDatabase:
    """An open database for the web app. ``writable`` is only set when API ingest is enabled."""

    def __init__(self, path: Path, *, writable: bool = False) -> None:
        self.path = path
        self.writable = writable
        self.store = Store(path, read_only=not writable)
        missing = _missing_migrations(self.store.db)
        if missing:
            self.store.close()
            raise StoreError(
                f"{path}: made by an older newsgraph (its schema lacks {', '.join(missing)}); "
                f"run `newsgraph index --db {path}` once to bring it up to date"
            )
        load_fts(self.store.db)
        self.write_lock = threading.Lock()
        self.search_ready = search_index_current(self.store.db)
        self._cache: dict[str, Any] = {}

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request, closed afterwards."""
        cursor = self.store.db.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def cached(self, name: str, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``compute(cursor)``, computed once until the next write: for values every page shows
        (the event types, statuses and outlets of the filter menus) that only a write can change."""
        if name not in self._cache:
            with self.cursor() as cursor:
                self._cache[name] = compute(cursor)
        found: T = self._cache[name]
        return found

    def refresh(self) -> None:
        """Re-check the search index and forget cached values after a write."""
        self.search_ready = search_index_current(self.store.db)
        self._cache.clear()

    def close(self) -> None:
        self.store.close()


def _missing_migrations(db: duckdb.DuckDBPyConnection) -> list[str]:
    # Read without creating anything: the connection may be read-only.
    try:
        done = {row[0] for row in db.execute("SELECT name FROM schema_migrations").fetchall()}
    except duckdb.CatalogException:
        done = set()
    return [name for name, _ in MIGRATIONS if name not in done]


def request_database(request: Request) -> WebDatabase:
    """The app's database, for a request (a FastAPI dependency)."""
    found: WebDatabase = request.app.state.database
    return found


def request_cursor(db: Annotated[WebDatabase, Depends(request_database)]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for one request, closed when the request ends (a FastAPI dependency)."""
    with db.cursor() as opened:
        yield opened


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(request_cursor)]
"""A route parameter that receives the request's cursor."""

Db = Annotated[WebDatabase, Depends(request_database)]
"""A route parameter that receives the app's database."""


def request_threshold(request: Request) -> float:
    """The server's event threshold: events under it are hidden unless a request asks for them."""
    found: float = request.app.state.event_threshold
    return found


Threshold = Annotated[float, Depends(request_threshold)]
"""A route parameter that receives the server's event threshold."""
