"""``ingest --engine dask`` and ``import-parquet`` from the command line, against a Dask scheduler
running in this process (workers as threads, so the test pays for no extra model load)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

ARTICLE = "Talks end in agreement\n\nThe two ministers agreed on Monday to reopen the border crossing, officials said.\n"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


def test_a_cluster_run_imported_and_exported(scheduler: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    out, db = str(tmp_path / "dataset"), str(tmp_path / "db.duckdb")
    ran = runner.invoke(app, ["ingest", str(folder), "--engine", "dask", "--scheduler", scheduler, "--out", out])
    assert ran.exit_code == 0, ran.output
    assert "1 written" in ran.output
    imported = runner.invoke(app, ["import-parquet", out, "--db", db])
    again = runner.invoke(app, ["import-parquet", out, "--db", db])
    exported = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    assert imported.exit_code == again.exit_code == exported.exit_code == 0, imported.output + again.output
    assert "1 new document(s)" in imported.output
    assert "0 new document(s)" in again.output
    titles = [record["title"] for record in map(json.loads, exported.stdout.splitlines()) if record["record"] == "document"]
    assert titles == ["Talks end in agreement"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["ingest", "in", "--engine", "dask"], "--engine dask writes a Parquet dataset"),
        (["ingest", "in", "--out", "dataset"], "--out is for --engine dask"),
        (["ingest", "in", "--engine", "spark"], "engine must be one of local, dask"),
        (["import-parquet", "."], "not a newsgraph Parquet dataset"),
    ],
)
def test_misuse_is_one_line_naming_the_problem(arguments: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, arguments)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
