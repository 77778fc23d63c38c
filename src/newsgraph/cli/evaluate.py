"""``newsgraph eval``: score actors, mentions and quotations against the gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import handle_errors
from newsgraph.errors import NewsgraphError
from newsgraph.evaluation.run import evaluate_gold_set
from newsgraph.evaluation.scores import EvaluationReport, render_report

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


@handle_errors
def eval_command(
    gold: Path = typer.Option(Path("eval/gold"), "--gold", help="Gold folder with seeds/ and held_out/ (see eval/README.md)."),
    seeds: Path = typer.Option(
        Path("../shared/corpus/seeds"), "--seeds", help="Folder of the seed articles the seeds gold annotates."
    ),
    problems: bool = typer.Option(True, "--problems/--no-problems", help="List every miss and mismatch."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the scores as JSON to this file."),
) -> None:
    """Run the pipeline on the gold articles and print seeds and held-out scores side by side.

    The held-out figure is the one that counts: the code was not tuned on those articles.
    """
    reports: list[EvaluationReport] = []
    if (gold / "seeds").is_dir():
        if not seeds.is_dir():
            raise NewsgraphError(f"{seeds}: seed articles not found; pass --seeds FOLDER")
        reports.append(evaluate_gold_set("seeds", gold / "seeds", seeds))
    held_out = gold / "held_out"
    if held_out.is_dir():
        reports.append(evaluate_gold_set("held_out", held_out, held_out / "articles"))
    if not reports:
        raise NewsgraphError(f"{gold}: no seeds/ or held_out/ gold folder here; pass --gold FOLDER")
    typer.echo(render_report(reports, problems=problems))
    if json_out is not None:
        json_out.write_text(json.dumps([report.to_json() for report in reports], indent=2), encoding="utf-8")
