"""The command line, run in process: exit codes, messages and outputs a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

ARTICLE = "Talks end in agreement\n\nThe two ministers agreed on Monday to reopen the border crossing, officials said.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE)
    return articles


def test_ingest_then_export_jsonl_to_stdout(folder: Path, db_path: Path) -> None:
    ingested = runner.invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    assert ingested.exit_code == 0, ingested.output
    assert "1 new" in ingested.output
    exported = runner.invoke(app, ["export", "--db", str(db_path), "--format", "jsonl"])
    assert exported.exit_code == 0
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    documents = [record for record in records if record["record"] == "document"]
    assert [document["title"] for document in documents] == ["Talks end in agreement"]
    reported = [record for record in records if record["record"] == "quote"]
    assert [(quote["kind"], quote["speaker_text"]) for quote in reported] == [("indirect", "officials")]


def test_rerun_reports_unchanged(folder: Path, db_path: Path) -> None:
    runner.invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    assert again.exit_code == 0
    assert "0 new" in again.output and "1 unchanged" in again.output


def test_a_failed_file_is_named_and_the_exit_code_is_non_zero(folder: Path, db_path: Path) -> None:
    (folder / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "1 new" in result.output and "1 failed" in result.output


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_tables_writes_one_file_per_kind(folder: Path, db_path: Path, tmp_path: Path, fmt: str) -> None:
    runner.invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--db", str(db_path), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    with duckdb.connect() as db:
        title = db.execute(f"SELECT title FROM {reader}('{out / ('document.' + fmt)}')").fetchall()
    assert title == [("Talks end in agreement",)]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "--db", "{tmp}/missing.duckdb"], "no database here yet"),
        (["export", "--db", "{db}", "--format", "xml"], "unknown export format"),
        (["export", "--db", "{db}", "--format", "csv"], "give a folder with --out"),
        (["ingest", "{tmp}/nowhere", "--db", "{db}"], "nowhere"),
    ],
)
def test_errors_are_one_clear_line_without_a_traceback(
    folder: Path, db_path: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    runner.invoke(app, ["ingest", str(folder), "--db", str(db_path)])
    filled = [argument.format(tmp=tmp_path, db=db_path) for argument in arguments]
    result = runner.invoke(app, filled)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--debug", "export", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code != 0
    assert result.exception is not None
