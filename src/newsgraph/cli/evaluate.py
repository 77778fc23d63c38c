"""``newsgraph eval``: score actors, mentions and quotations against the gold sets, or the event
coder against a PLOVER gold-standard file."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import handle_errors
from newsgraph.errors import NewsgraphError
from newsgraph.evaluation.plover import evaluate_halves, render_plover
from newsgraph.evaluation.run import evaluate_gold_set
from newsgraph.evaluation.scores import EvaluationReport, render_report

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


@handle_errors
def eval_command(
    plover: Optional[Path] = typer.Argument(
        None,
        help="A PLOVER gold-standard JSON file (e.g. ../shared/eval/plover_gsr_dev.json): score the event coder on it.",
    ),
    gold: Path = typer.Option(Path("eval/gold"), "--gold", help="Gold folder with seeds/ and held_out/ (see eval/README.md)."),
    seeds: Path = typer.Option(
        Path("../shared/corpus/seeds"), "--seeds", help="Folder of the seed articles the seeds gold annotates."
    ),
    problems: bool = typer.Option(True, "--problems/--no-problems", help="List every miss and mismatch."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the scores as JSON to this file."),
) -> None:
    """Run the pipeline on the gold articles and print seeds and held-out scores side by side;
    given a PLOVER gold file, code its sentences and print event-type accuracy, macro-F1 and F1
    per type, and source/target country F1, on the whole file and on its two halves.

    The held-out figure is the one that counts: the code was not tuned on those articles (for
    PLOVER: the odd half).
    """
    if plover is not None:
        reports = evaluate_halves(plover)
        typer.echo(render_plover(plover, reports, problems=problems))
        if json_out is not None:
            scores = {name: dataclasses.asdict(report) for name, report in reports.items()}
            json_out.write_text(json.dumps(scores, indent=2), encoding="utf-8")
        return
    gold_reports: list[EvaluationReport] = []
    if (gold / "seeds").is_dir():
        if not seeds.is_dir():
            raise NewsgraphError(f"{seeds}: seed articles not found; pass --seeds FOLDER")
        gold_reports.append(evaluate_gold_set("seeds", gold / "seeds", seeds))
    held_out = gold / "held_out"
    if held_out.is_dir():
        gold_reports.append(evaluate_gold_set("held_out", held_out, held_out / "articles"))
    if not gold_reports:
        raise NewsgraphError(f"{gold}: no seeds/ or held_out/ gold folder here; pass --gold FOLDER")
    typer.echo(render_report(gold_reports, problems=problems))
    if json_out is not None:
        json_out.write_text(json.dumps([report.to_json() for report in gold_reports], indent=2), encoding="utf-8")
