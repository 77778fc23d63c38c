"""The one way newsgraph writes several statements as a unit: :func:`transaction`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb

__all__ = ["transaction"]


@contextlib.contextmanager
def transaction(db: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction around the block: committed when it ends, rolled back if it raises
    (an interrupt too), so the database holds all of its writes or none."""
    db.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
