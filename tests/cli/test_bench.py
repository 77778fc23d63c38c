"""``newsgraph bench`` on a small folder: one engine, the rerun and the bare parse, side by side."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()
ARTICLES = Path(__file__).parents[1] / "linking" / "articles.jsonl"


def test_bench_without_the_single_run_times_only_the_workers_beside_the_bare_parse(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLES, corpus / "articles.jsonl")
    result = runner.invoke(
        app, ["bench", "--corpus", str(corpus), "--workers", "1", "--no-single", "--no-dask"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "articles 5 (5 stored, 0 failed)" in output
    assert re.search(r"1 worker\(s\) +[\d.]+ s = +[\d.]+ articles/s \(-\)", output), output
    engines = [line.split()[:2] for line in result.output.splitlines() if "articles/s (" in line]
    assert engines == [["1", "worker(s)"]]  # no separate single-process run, no Dask run
    assert "dask" not in output
    assert re.search(r"bare parse +[\d.]+ s = [\d,]+ words/s", output)
    assert re.search(r"pipeline / parse +[\d.]+x", output)
    assert "rerun (no change)" in output and "0 new" in output


def test_bench_names_the_articles_that_failed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLES, corpus / "articles.jsonl")
    (corpus / "broken.jsonl").write_text('{"text": "The ministers met on Monday."\n', encoding="utf-8")
    result = runner.invoke(
        app, ["bench", "--corpus", str(corpus), "--workers", "1", "--no-single", "--no-dask"], env={"COLUMNS": "250"}
    )
    output = " ".join(result.output.split())
    assert "(5 stored, 1 failed)" in output, output
    assert re.search(r"failed: \S*broken\.jsonl\S*: ", output), output


def test_bench_names_a_missing_corpus() -> None:
    result = runner.invoke(app, ["bench", "--corpus", "no/such/folder", "--no-dask"])
    assert result.exit_code != 0
    assert "no/such/folder: corpus folder not found" in " ".join(result.output.split())
