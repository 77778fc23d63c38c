"""Every write of several statements goes through one transaction helper, which commits all or none,
and turns a database that cannot be written (a full disk) into a one-line error naming it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from factories import REPO
from newsgraph.errors import StoreError
from newsgraph.store.transaction import transaction


def test_a_block_that_raises_writes_nothing_and_one_that_ends_writes_all(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "t.duckdb")) as db:
        db.execute("CREATE TABLE t (n INTEGER)")
        with pytest.raises(KeyboardInterrupt), transaction(db):
            db.execute("INSERT INTO t VALUES (1)")
            raise KeyboardInterrupt
        with transaction(db):
            db.execute("INSERT INTO t VALUES (2)")
            db.execute("INSERT INTO t VALUES (3)")
        assert db.execute("SELECT list(n ORDER BY n) FROM t").fetchone() == ([2, 3],)


class _FailingCommit:
    """A connection whose COMMIT fails as on a full disk, and which, like DuckDB after a failed
    commit, has no transaction left to roll back."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def execute(self, statement: str, *args: Any) -> _FailingCommit:
        self.statements.append(statement)
        if statement == "COMMIT":
            raise duckdb.IOException("Could not write file \"news.duckdb.wal\": No space left on device\nmore detail")
        if statement == "ROLLBACK":
            raise duckdb.TransactionException("cannot rollback - no transaction is active")
        return self


def test_a_commit_that_fails_is_one_line_naming_the_database() -> None:
    db = _FailingCommit()
    with pytest.raises(StoreError) as raised, transaction(db, "news.duckdb"):  # type: ignore[arg-type]
        db.execute("INSERT INTO t VALUES (1)")
    message = str(raised.value)
    assert message.startswith("news.duckdb: cannot write to the database: Could not write file") and "\n" not in message
    assert "No space left on device" in message and "what was stored before is intact" in message
    # The rollback was tried, and its own failure (nothing left to roll back) is not what is reported.
    assert db.statements == ["BEGIN TRANSACTION", "INSERT INTO t VALUES (1)", "COMMIT", "ROLLBACK"]


@pytest.mark.parametrize("path", sorted((REPO / "src" / "newsgraph").rglob("*.py")),
                         ids=lambda path: str(path.relative_to(REPO / "src")))
def test_no_module_opens_a_transaction_of_its_own(path: Path) -> None:
    if path.name == "transaction.py" and path.parent.name == "store":
        return
    text = path.read_text(encoding="utf-8")
    assert not any(word in text for word in ('"BEGIN', '"COMMIT', '"ROLLBACK')), "use newsgraph.store.transaction"
