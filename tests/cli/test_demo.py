from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store

runner = CliRunner()


def test_demo_ingests_the_examples_and_links_the_cocoa_story_across_outlets(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(app, ["demo", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "newsgraph story --db" in " ".join(result.output.split())
    with Store(db, read_only=True) as store:
        (articles, outlets) = store.db.execute(
            "SELECT n_articles, n_outlets FROM stories ORDER BY n_articles DESC LIMIT 1"
        ).fetchone() or (0, 0)
        claims = store.db.execute("SELECT summary FROM contested_claims").fetchall()
        duplicates = store.db.execute("SELECT count(*) FROM near_duplicates").fetchone()
    assert (articles, outlets) == (5, 3)
    assert len(claims) == 1 and claims[0][0].startswith("THREATEN Ghana -> Ivory Coast")
    assert duplicates == (1,)
