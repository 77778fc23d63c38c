"""Every write of several statements goes through one transaction helper, which commits all or none."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from factories import REPO
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


@pytest.mark.parametrize("path", sorted((REPO / "src" / "newsgraph").rglob("*.py")),
                         ids=lambda path: str(path.relative_to(REPO / "src")))
def test_no_module_opens_a_transaction_of_its_own(path: Path) -> None:
    if path.name == "transaction.py" and path.parent.name == "store":
        return
    text = path.read_text(encoding="utf-8")
    assert not any(word in text for word in ('"BEGIN', '"COMMIT', '"ROLLBACK')), "use newsgraph.store.transaction"
