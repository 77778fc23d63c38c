from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app

runner = CliRunner()

ARTICLE = """Ministers agree on river data

Sweden and Norway agreed on Monday to share data on river levels, officials said.

"We will share every measurement," said Ingrid Halvorsen, a hydrologist at the University of Oslo.
"""


def test_show_lists_the_actors_and_each_quote_with_its_speaker(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "river.txt"
    article.write_text(ARTICLE)
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db_path)]).exit_code == 0
    shown = runner.invoke(app, ["show", "river.txt", "--db", str(db_path)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "Ministers agree on river data" in shown.output
    assert "Ingrid Halvorsen" in shown.output
    quote_line = next(line for line in shown.output.splitlines() if "We will share every measurement" in line)
    assert "Ingrid Halvorsen" in quote_line


def test_show_an_unknown_document_says_what_to_give(db_path: Path, tmp_path: Path) -> None:
    article = tmp_path / "river.txt"
    article.write_text(ARTICLE)
    runner.invoke(app, ["ingest", str(article), "--db", str(db_path)])
    shown = runner.invoke(app, ["show", "nothing-like-this", "--db", str(db_path)])
    assert shown.exit_code == 1
    assert "no document matches" in shown.output


def test_show_lists_the_events_with_their_status(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "visit.txt"
    article.write_text(
        "Leaders to meet\n[June 18, 2024]\n\nRussian President Vladimir Putin will visit Vietnam on Thursday, the Kremlin said.\n"
    )
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db_path)]).exit_code == 0
    shown = runner.invoke(app, ["show", "visit.txt", "--db", str(db_path)], env={"COLUMNS": "200"})
    event_line = next(line for line in shown.output.splitlines() if "Vietnam" in line and "planned" in line)
    assert "Vladimir Putin" in event_line
    assert re.search(r"\b[01]\.\d\d\b", event_line), "the event's confidence is shown"


def test_show_says_why_a_speaker_is_unresolved(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "rain.txt"
    article.write_text('Rain in Oslo\n\nThe rain went on all week. Several experts called the forecast "a gamble."\n')
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db_path)]).exit_code == 0
    shown = runner.invoke(app, ["show", "rain.txt", "--db", str(db_path)], env={"COLUMNS": "200"})
    quote_line = next(line for line in shown.output.splitlines() if "a gamble" in line)
    assert "unnamed source" in quote_line
