from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.events.confidence import load_confidence_model

runner = CliRunner()

ARTICLE = """Leaders meet in Hanoi
[June 18, 2024]

Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi on Wednesday, officials said.

Chinese President Xi Jinping visited Laos on Monday.
"""


@pytest.fixture
def db(tmp_path: Path, db_path: Path) -> Path:
    article = tmp_path / "hanoi.txt"
    article.write_text(ARTICLE)
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db_path)]).exit_code == 0
    return db_path


def rows(output: str) -> str:
    return " ".join(output.split())


def test_timeline_lists_events_in_date_order(db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    text = rows(result.output)
    assert text.index("2024-06-12") < text.index("2024-06-17")


@pytest.mark.parametrize(
    ("arguments", "present", "absent"),
    [
        (["--actor", "Vladimir Putin"], "2024-06-12", "2024-06-17"),
        (["--between", "2024-06-17", "2024-06-17"], "2024-06-17", "2024-06-12"),
    ],
)
def test_timeline_filters(db: Path, arguments: list[str], present: str, absent: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(db), *arguments], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert present in result.output and absent not in result.output


def test_timeline_with_an_unknown_actor_says_what_to_give(db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(db), "--actor", "Nobody Atall"])
    assert result.exit_code == 1
    assert "no actor called" in result.output


def test_timeline_says_when_a_date_is_the_articles(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "border.txt"
    article.write_text("[March 4, 2021]\n\nBenin closed its border with Nigeria, officials said.\n")
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db_path)]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--db", str(db_path)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "2021-03-04 (article)" in rows(result.output)


def lower_the_visit(db: Path) -> None:
    """Xi's visit to Laos under the threshold, as a confidence model might score it."""
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE events SET confidence = 0.05 WHERE trigger_text = 'visited'")


@pytest.mark.parametrize(
    ("arguments", "listed", "note"),
    [
        ([], False, f"1 under confidence {load_confidence_model().threshold:.2f} left out (--all lists them)"),
        (["--all"], True, ""),
        (["--min-confidence", "0.04"], True, ""),
        (["--min-confidence", "0.95"], False, "under confidence 0.95 left out"),
    ],
)
def test_timeline_leaves_out_events_under_the_threshold_unless_asked(
        db: Path, arguments: list[str], listed: bool, note: str) -> None:
    lower_the_visit(db)
    result = runner.invoke(app, ["timeline", "--db", str(db), *arguments], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert ("2024-06-17" in result.output) == listed
    assert note in rows(result.output)
    if listed:
        assert "0.05" in result.output


def test_timeline_takes_its_default_threshold_from_the_settings(db: Path, tmp_path: Path) -> None:
    lower_the_visit(db)
    config = tmp_path / "newsgraph.toml"
    config.write_text("[newsgraph]\nevent_threshold = 0.05\n")
    result = runner.invoke(app, ["timeline", "--db", str(db), "--config", str(config)], env={"COLUMNS": "250"})
    assert "2024-06-17" in result.output


def test_a_confidence_outside_0_1_is_refused(db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(db), "--min-confidence", "1.5"])
    assert result.exit_code != 0 and "min-confidence" in result.output
