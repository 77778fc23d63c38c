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


NEWS = Path(__file__).parents[1] / "evaluation" / "news_fixture"


def test_eval_news_scores_both_halves_and_lists_only_the_tuning_problems(tmp_path: Path) -> None:
    out = tmp_path / "news.json"
    result = runner.invoke(app, ["eval", "--news", str(NEWS), "--json", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = result.output
    assert "tuning" in text and "held_back" in text and "precision (fully right)" in text
    assert "001_harbour-post-border.txt @" in text and "003_daily-ledger-sanctions" not in text
    assert "held_back: " in text and "(not listed: --held-back-problems lists them)" in text
    assert "1 article(s) of the split have no gold yet: 004_not-annotated-yet" in text
    scores = json.loads(out.read_text())
    tuning, held_back, whole = (scores["halves"][name] for name in ("tuning", "held_back", "all"))
    assert (tuning["articles"], held_back["articles"], whole["articles"]) == (2, 1, 3)
    # Counted from the gold: events that are not background, key events, listed lines, body lines.
    assert (tuning["events"]["gold"], held_back["events"]["gold"]) == (7, 4)
    assert (tuning["events"]["recall"]["total"], tuning["events"]["key_recall"]["total"]) == (7, 4)
    assert (tuning["page"]["junk_removed"]["total"], tuning["page"]["body_kept"]["total"]) == (14, 9)
    assert held_back["page"]["body_kept"]["total"] == 3
    assert tuning["quotes_and_actors"]["mentions"] is None
    # The pipeline finds the meeting both articles of the pair report, and the linker's event
    # clusters hold the very events the scorer matched.
    assert tuning["events"]["right"] >= 2 and tuning["pairs"]["shared"] == 2 and tuning["pairs"]["found"] >= 1
    assert "no cluster" not in text
    assert set(scores["problems"]) == {"tuning"}
    shown = runner.invoke(app, ["eval", "--news", str(NEWS), "--held-back-problems", "--no-problems"])
    assert shown.exit_code == 0 and "003_daily-ledger" not in shown.output
    listed = runner.invoke(app, ["eval", "--news", str(NEWS), "--held-back-problems"])
    assert "003_daily-ledger-sanctions.txt @" in listed.output


def test_eval_news_of_a_folder_without_a_split_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--news", str(tmp_path)])
    assert result.exit_code == 1
    assert "split.json" in result.output
