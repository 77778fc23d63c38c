"""``newsgraph watch SOURCE...``: poll feeds and sitemaps, ingest what is new, report alerts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from
from newsgraph.cli._live import PageBar
from newsgraph.cli.ingest import link_line
from newsgraph.errors import ConfigError

if TYPE_CHECKING:
    from newsgraph.live import PollSummary

__all__ = ["register", "poll_line"]

out_console = Console(soft_wrap=True, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)


@handle_errors
def watch_command(
    sources: Optional[list[str]] = typer.Argument(
        None, help="RSS 2.0, Atom or sitemap URLs (default: the `sources` of a [watch] table in newsgraph.toml)."
    ),
    every: Optional[float] = typer.Option(None, "--every", help="Seconds from the start of one poll to the next (default 900)."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron, and tests)."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Fetch from this machine or an intranet (loopback and private addresses)."
    ),
    alerts_out: Optional[Path] = typer.Option(None, "--alerts-out", help="Append each new alert match to this JSON Lines file."),
    webhook: Optional[str] = typer.Option(None, "--webhook", help="POST each new alert match, as JSON, to this URL."),
    contact: Optional[str] = typer.Option(None, "--contact", help="A URL or mailto: address sent in the User-Agent."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar on long polls (on a terminal)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes running the pipeline (default: one per core)."),
) -> None:
    """Poll feeds and sitemaps: ingest and link the articles not seen before, print one line per
    poll and each new alert match. Exits non-zero at the end if anything failed."""
    from newsgraph.alerts import Delivery
    from newsgraph.live import Watcher, fetcher_for
    from newsgraph.workers import Processor

    settings = settings_from(
        config, db=db, every=every, allow_private=allow_private or None, alerts_out=alerts_out, webhook=webhook,
        contact=contact, progress=progress, workers=workers,
    )
    watched = list(sources or settings.watch)
    if not watched:
        raise ConfigError("nothing to watch: give feed or sitemap URLs, or list them as `sources` in a [watch] table of newsgraph.toml")
    show_bar = settings.progress and err_console.is_terminal
    processor = Processor(settings.workers, date.today(), max_article_seconds=settings.max_article_seconds)
    with fetcher_for(settings) as fetcher, processor:
        delivery = Delivery(out=settings.alerts_out, webhook=settings.webhook, fetcher=fetcher)
        delivery.check()
        watcher = Watcher(watched, settings, fetcher=fetcher, processor=processor, delivery=delivery)
        ok = watcher.run(once=once, every=settings.every, on_poll=_report, progress=lambda: PageBar(show_bar, "poll"))
    if not ok:
        raise typer.Exit(1)


def _report(summary: PollSummary) -> None:
    err_console.print(poll_line(summary), highlight=False, soft_wrap=True)
    if summary.linked is not None and summary.linked.documents:
        err_console.print("  " + link_line(summary.linked), highlight=False, soft_wrap=True)
    for match in summary.matches:
        out_console.print(plain(match.line()))


def poll_line(summary: PollSummary) -> str:
    """One poll in one line: when, new, unchanged, failed, alert matches, time taken."""
    failed = len(summary.failed)
    return (
        f"{summary.started:%Y-%m-%d %H:%M:%S} poll {summary.number}: {summary.sources} source(s)"
        f"{f' ({summary.not_modified} not modified)' if summary.not_modified else ''}, "
        f"{summary.listed} article(s) listed: [green]{summary.new} new[/green] ({summary.versions} updated), "
        f"{summary.unchanged} unchanged, {'[red]' if failed else ''}{failed} failed{'[/red]' if failed else ''}, "
        f"{len(summary.matches)} alert match(es) in {summary.seconds:.1f} s"
    )
