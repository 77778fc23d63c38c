from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factories import REPO
from newsgraph.cli import app

runner = CliRunner()


def test_eval_scores_the_held_out_gold_and_writes_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    (gold).mkdir()
    (gold / "held_out").symlink_to(REPO / "eval" / "gold" / "held_out")
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--no-problems", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "held_out" in result.output and "quotes with right speaker" in result.output
    (report,) = json.loads(out.read_text())
    assert report["name"] == "held_out"
    assert len(report["documents"]) >= 10


def test_eval_without_gold_says_where_to_point(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path)])
    assert result.exit_code == 1
    assert "no seeds/ or held_out/ gold folder" in result.output
