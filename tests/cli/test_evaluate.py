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


def test_eval_of_a_plover_file_scores_event_types_and_countries(tmp_path: Path) -> None:
    records = [
        {"id": "r1", "text": "Russia accused Ukraine of shelling the power plant.", "event": "ACCUSE",
         "source": [{"name": "Russia", "code": "RUS"}], "target": [{"name": "Ukraine", "code": "UKR"}]},
        {"id": "r2", "text": "Police arrested forty protesters in Nairobi on Monday.", "event": "COERCE",
         "source": [{"name": "police", "code": "KEN"}], "target": []},
    ]
    gold = tmp_path / "plover.json"
    gold.write_text(json.dumps(records), encoding="utf-8")
    out = tmp_path / "plover_scores.json"
    result = runner.invoke(app, ["eval", str(gold), "--json", str(out)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "whole file" in result.output and "odd half" in result.output
    assert "records 2  type accuracy" in result.output
    assert "ACCUSE     P 1.00 R 1.00 F1 1.00  n=1" in result.output
    assert "target accuracy >= 0.75 on the whole file" in result.output
    scores = json.loads(out.read_text())
    assert set(scores) == {"all", "even", "odd"}
    assert scores["all"]["records"] == 2 and scores["even"]["records"] == 1


def test_eval_of_a_broken_plover_file_names_it(tmp_path: Path) -> None:
    gold = tmp_path / "broken.json"
    gold.write_text("[{\"text\": \"no type here\"}]", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold)])
    assert result.exit_code == 1
    assert f"{gold}#0" in " ".join(result.output.split()) and "PLOVER event type" in result.output
