"""``newsgraph eval``: score actors, mentions and quotations against the gold sets, the event
coder against a PLOVER gold-standard file, the whole pipeline against the real-news gold
(``--news``), or the page read alone against a page gold set (``--pages``)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.cli._common import err_console, handle_errors
from newsgraph.errors import NewsgraphError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


@handle_errors
def eval_command(
    plover: Optional[Path] = typer.Argument(
        None,
        help="A PLOVER gold-standard JSON file (e.g. ../shared/eval/plover_gsr_dev.json): score the event coder on it. "
        "With --news: the real-news gold folder (default eval/gold/news); with --pages: the page gold folder "
        "(default eval/gold/pages).",
    ),
    news: bool = typer.Option(
        False, "--news", help="Score pages, events, quotes, actors and event clusters on the real-news gold set."
    ),
    pages: bool = typer.Option(
        False,
        "--pages",
        help="Score the page read alone (title, outlet, date, non-body lines removed, body lines kept) on a page "
        "gold set.",
    ),
    held_back_problems: bool = typer.Option(
        False,
        "--held-back-problems",
        help="With --news or --pages: also list the problems of the held-back half (not for whoever tunes the code).",
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
    PLOVER: the odd half; for --news: the held-back half, whose problems are not listed unless
    asked for).
    """
    from newsgraph.evaluation.plover import evaluate_halves, render_plover
    from newsgraph.evaluation.run import evaluate_gold_set
    from newsgraph.evaluation.scores import EvaluationReport, render_report

    if pages:
        _eval_pages(plover or Path(_PAGES_GOLD), problems=problems, held_back_problems=held_back_problems, json_out=json_out)
        return
    if news:
        folder = plover or Path(_NEWS_GOLD)
        _eval_news(folder, problems=problems, held_back_problems=held_back_problems, json_out=json_out)
        return
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


_Report = TypeVar("_Report")

_NEWS_GOLD = "eval/gold/news"
_PAGES_GOLD = "eval/gold/pages"


def _eval_news(folder: Path, *, problems: bool, held_back_problems: bool, json_out: Optional[Path]) -> None:
    from newsgraph.evaluation.news_report import render_news
    from newsgraph.evaluation.news_run import evaluate_news_set

    report = _with_progress(lambda step: evaluate_news_set(folder, progress=step))
    typer.echo(render_news(report, problems=problems, held_back_problems=held_back_problems))
    _write_json(report, json_out, problems=problems, held_back_problems=held_back_problems)


def _eval_pages(folder: Path, *, problems: bool, held_back_problems: bool, json_out: Optional[Path]) -> None:
    from newsgraph.evaluation.page_set import evaluate_page_set, render_pages

    report = _with_progress(lambda step: evaluate_page_set(folder, progress=step))
    typer.echo(render_pages(report, problems=problems, held_back_problems=held_back_problems))
    _write_json(report, json_out, problems=problems, held_back_problems=held_back_problems)


def _with_progress(run: Callable[[Callable[[str, int, int], None]], _Report]) -> _Report:
    """``run`` given a progress callback that drives a bar on the terminal."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("loading the pipeline", total=None)

        def step(what: str, done: int, total: int) -> None:
            bar.update(task, description=what, completed=done, total=total)

        return run(step)


def _write_json(report: Any, json_out: Optional[Path], *, problems: bool, held_back_problems: bool) -> None:
    """Every figure of ``report`` to ``json_out`` (when given), with the problems the text listed."""
    if json_out is None:
        return
    shown = ("tuning", "held_back") if held_back_problems else ("tuning",)
    scores = report.to_json(problems_of=shown if problems else ())
    json_out.write_text(json.dumps(scores, indent=2), encoding="utf-8")
