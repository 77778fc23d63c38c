"""The one way newsgraph writes several statements as a unit: :func:`transaction`.

A database that cannot be written (a full disk, an I/O error, a commit that failed) is a one-line
:class:`~newsgraph.errors.StoreError` naming its file, and what earlier transactions stored is intact.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb

from newsgraph.errors import StoreError

__all__ = ["WRITE_ERRORS", "transaction", "database_path", "write_error"]

# What DuckDB raises when it cannot write: a full disk, an I/O error, a commit that failed.
WRITE_ERRORS = (duckdb.IOException, duckdb.TransactionException, duckdb.OutOfMemoryException, duckdb.FatalException)


@contextlib.contextmanager
def transaction(db: duckdb.DuckDBPyConnection, path: Path | str | None = None) -> Iterator[None]:
    """One transaction around the block: committed when it ends, rolled back if it raises
    (an interrupt too), so the database holds all of its writes or none.

    A failure to write (a full disk, an I/O error, a failed commit) becomes a one-line
    :class:`StoreError` naming the database ``path`` (read from the connection when not given);
    what earlier transactions stored is intact.
    """
    where = path if path is not None else database_path(db)
    db.execute("BEGIN TRANSACTION")
    try:
        yield
        db.execute("COMMIT")
    except BaseException as error:
        # A commit that failed has already ended the transaction: there is nothing to roll back.
        with contextlib.suppress(duckdb.Error):
            db.execute("ROLLBACK")
        if isinstance(error, WRITE_ERRORS):
            raise write_error(where, error) from error
        raise


def database_path(db: duckdb.DuckDBPyConnection) -> str:
    """The file of the database ``db`` is connected to (for messages)."""
    row = db.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    return str(row[0]) if row and row[0] else "the database"


def write_error(path: Path | str, error: duckdb.Error) -> StoreError:
    """The one-line error for a database ``path`` that could not be written."""
    problem = str(error).splitlines()[0] if str(error) else type(error).__name__
    return StoreError(
        f"{path}: cannot write to the database: {problem}; what was stored before is intact "
        "(free some disk space, then run the command again: it goes on from where this one stopped)"
    )
