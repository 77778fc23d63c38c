"""``newsgraph ingest PATH...``: read articles into the database."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from
from newsgraph.cli._live import PageBar
from newsgraph.errors import ConfigError

if TYPE_CHECKING:
    from newsgraph.cluster import ClusterSummary
    from newsgraph.cluster.tasks import TaskResult
    from newsgraph.ingestion import Failure, IngestSummary
    from newsgraph.linking import LinkSummary

__all__ = ["register", "print_summary", "print_cluster_summary", "link_line"]


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


@handle_errors
def ingest_command(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders of articles (.txt, .html, .jsonl, .sgm), or http(s) URLs of web pages; with --engine dask fsspec URLs."
    ),
    db: Optional[Path] = DB_OPTION,
    max_article_mb: Optional[float] = typer.Option(None, "--max-article-mb", help="Largest single-article file to read, in MB."),
    max_article_seconds: Optional[float] = typer.Option(
        None, "--max-article-seconds", help="Most CPU time one article may take, in seconds (longer: reported and skipped)."
    ),
    config: Optional[Path] = CONFIG_OPTION,
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar (on a terminal)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes running the pipeline (default: one per core)."),
    link: Optional[bool] = typer.Option(
        None, "--link/--no-link", help="Link the new documents across outlets afterwards (default: yes)."
    ),
    engine: Optional[str] = typer.Option(None, "--engine", help="local (processes on this machine, into --db) or dask (into --out)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local Dask cluster)."),
    out: Optional[str] = typer.Option(None, "--out", help="With --engine dask: the Parquet dataset folder or URL to write."),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Fetch URLs on this machine or an intranet (loopback and private addresses)."
    ),
    published: Optional[str] = typer.Option(
        None, "--date", help="Publication date of every article of the run (ISO: 2024-06-18, 2024-06 or 2024), over what the text says."
    ),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet of every article of the run, over what the text says."),
    url: Optional[str] = typer.Option(None, "--url", help="Address every article of the run was found at."),
) -> None:
    """Read articles from files, folders and web pages (http/https URLs), clean them and store them.
    Rerunning changes nothing; a page that changed is stored as a new version."""
    from newsgraph.cluster import ingest_dask
    from newsgraph.fetch import is_url
    from newsgraph.ingestion import ingest
    from newsgraph.live import ingest_urls

    settings = settings_from(
        config,
        db=db,
        max_article_mb=max_article_mb,
        max_article_seconds=max_article_seconds,
        progress=progress,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        link=link,
        allow_private=allow_private or None,
    )
    show_bar = settings.progress and err_console.is_terminal
    given = stated_metadata(published, outlet, url)
    if given and (settings.engine == "dask" or any(is_url(path) for path in paths)):
        raise ConfigError("--date, --outlet and --url state what you know about files of a local run; give no URL and no --engine dask with them")
    if settings.engine == "dask":
        if out is None:
            raise ConfigError("--engine dask writes a Parquet dataset: give its folder or URL with --out")
        with _TaskBar(enabled=show_bar) as task_bar:
            cluster = ingest_dask(paths, out, settings, scheduler=settings.scheduler, progress=task_bar)
        print_cluster_summary(cluster, out)
        if not cluster.ok:
            raise typer.Exit(1)
        return
    if out is not None:
        raise ConfigError("--out is for --engine dask; the local engine writes into --db")
    urls = [path for path in paths if is_url(path)]
    ok = True
    if len(urls) < len(paths):
        with _ProgressBar(enabled=show_bar) as bar:
            summary = ingest([Path(path) for path in paths if not is_url(path)], settings, progress=bar, given=given)
        print_summary(summary, settings.db)
        ok = summary.ok
    if urls:
        with PageBar(enabled=show_bar) as page_bar:
            fetched = ingest_urls(urls, settings, progress=page_bar)
        print_page_summary(fetched, settings.db)
        ok = ok and fetched.ok
    if not ok:
        raise typer.Exit(1)


def stated_metadata(published: str | None, outlet: str | None, url: str | None) -> dict[str, str]:
    """The metadata the user states for a run, checked: ``--date`` must be an ISO date."""
    from newsgraph.dates import PartialDate

    given: dict[str, str] = {}
    if published is not None:
        try:
            PartialDate.from_iso(published.strip())
        except ValueError:
            raise ConfigError(f"--date {published!r}: not a date; give it as 2024-06-18, 2024-06 or 2024") from None
        given["published"] = published.strip()
    if outlet is not None and outlet.strip():
        given["outlet"] = outlet.strip()
    if url is not None and url.strip():
        given["url"] = url.strip()
    return given


def print_page_summary(summary: IngestSummary, db: Path) -> None:
    """The end-of-run report of pages fetched; none when every URL was refused unfetched (each
    refusal has had its line)."""
    if len(summary.failed) == summary.files and summary.new == 0 and summary.unchanged == 0:
        return
    err_console.print(
        f"{summary.files} page(s) in {summary.seconds:.1f} s: [green]{summary.new} new[/green] "
        f"({summary.versions} new version(s) of changed pages), {summary.unchanged} unchanged, "
        f"{'[red]' if summary.failed else ''}{len(summary.failed)} failed{'[/red]' if summary.failed else ''} -> {db}",
        highlight=False,
    )
    if summary.linked is not None and summary.linked.documents:
        err_console.print(link_line(summary.linked), highlight=False)
    _print_story_dates(summary)


def _print_story_dates(summary: IngestSummary) -> None:
    if summary.dated_from_stories:
        err_console.print(
            f"  {summary.dated_from_stories} undated article(s) dated from their story and analysed again", highlight=False
        )


def print_summary(summary: IngestSummary, db: Path) -> None:
    """The end-of-run report: counts, speed, and every failure grouped by its problem."""
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    err_console.print(
        f"{summary.files} file(s), {summary.articles} article(s) in {summary.seconds:.1f} s ({rate:.0f}/s): "
        f"[green]{summary.new} new[/green] ({summary.versions} new version(s) of edited sources), "
        f"{summary.unchanged} unchanged, "
        f"{'[red]' if summary.failed else ''}{len(summary.failed)} failed{'[/red]' if summary.failed else ''} "
        f"-> {plain(db)}",
        highlight=False,
    )
    if summary.linked is not None and summary.linked.documents:
        err_console.print(link_line(summary.linked), highlight=False)
    _print_story_dates(summary)
    if summary.failed:
        kinds = Counter(_problem_kind(failure) for failure in summary.failed)
        err_console.print(
            "failures by problem: " + "; ".join(f"{count} × {plain(kind)}" for kind, count in kinds.most_common()),
            highlight=False,
            soft_wrap=True,
        )


def print_cluster_summary(summary: ClusterSummary, out: str) -> None:
    """The end-of-run report of a cluster run."""
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    peak = max(summary.worker_rss_mb.values(), default=0.0)
    err_console.print(
        f"{summary.files} file(s) in {summary.tasks} task(s), {summary.articles} new article(s) in {summary.seconds:.1f} s "
        f"({rate:.1f}/s) on {len(summary.worker_rss_mb)} worker(s) (at most {peak:.0f} MB each): "
        f"[green]{summary.written} written[/green], {summary.skipped} already in the dataset, "
        f"{'[red]' if summary.failed else ''}{len(summary.failed)} failed{'[/red]' if summary.failed else ''} -> {plain(out)}",
        highlight=False,
    )
    for failure in summary.failed:
        err_console.print(f"[red]failed:[/red] {plain(failure.problem)}", highlight=False, soft_wrap=True)


def _problem_kind(failure: Failure) -> str:
    problem = failure.problem
    if problem.startswith(failure.source):
        problem = problem[len(failure.source) :].lstrip(": ")
    return problem.split(" (", 1)[0].split(":", 1)[0]


class _ProgressBar:
    """Draws ingest progress on standard error, and prints each failure as one line."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
            console=err_console,
            disable=not enabled,
        )
        self.task = self.progress.add_task("ingest", total=None, detail="files")
        self.link_task: TaskID | None = None

    def __enter__(self) -> _ProgressBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.progress.__exit__(None, None, None)

    def start(self, total_files: int) -> None:
        self.progress.update(self.task, total=total_files)

    def file_done(self, summary: IngestSummary) -> None:
        self.progress.update(
            self.task,
            completed=summary.files,
            detail=f"files · {summary.articles} articles · {len(summary.failed)} failed",
        )

    def failed(self, failure: Failure) -> None:
        self.progress.console.print(f"[red]failed:[/red] {plain(failure.problem)}", highlight=False, soft_wrap=True)

    def linked(self, done: int, total: int) -> None:
        if self.link_task is None:
            self.link_task = self.progress.add_task("link  ", total=total, detail="articles linked")
        self.progress.update(self.link_task, completed=done)


def link_line(linked: LinkSummary) -> str:
    """One line on what linking did."""
    return (
        f"linked {linked.documents} document(s) in {linked.seconds:.1f} s: "
        f"{linked.new_stories} new {'story' if linked.new_stories == 1 else 'stories'}, "
        f"{linked.joined_stories} joined an existing story, {linked.near_duplicates} near-duplicate(s), "
        f"{len(linked.touched_event_clusters)} event cluster(s) and {len(linked.touched_quote_clusters)} "
        "quotation group(s) updated"
    )

class _TaskBar:
    """Draws the tasks of a cluster run as they finish, on standard error."""

    def __init__(self, enabled: bool) -> None:
        self.progress = Progress(
            TextColumn("ingest (dask)"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("tasks · {task.fields[articles]} articles · {task.fields[failed]} failed"),
            TimeElapsedColumn(),
            console=err_console,
            disable=not enabled,
        )
        self.task = self.progress.add_task("ingest", total=None, articles=0, failed=0)

    def __enter__(self) -> _TaskBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.progress.__exit__(None, None, None)

    def start(self, total_tasks: int) -> None:
        self.progress.update(self.task, total=total_tasks)

    def task_done(self, summary: ClusterSummary, result: TaskResult) -> None:
        self.progress.update(self.task, advance=1, articles=summary.articles, failed=len(summary.failed))
