from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

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
