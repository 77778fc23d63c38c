"""What ``ingest URL`` and ``watch`` share on the terminal: the bar drawn while pages are fetched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from newsgraph.cli._common import err_console, plain

if TYPE_CHECKING:
    from newsgraph.workers import Failure

__all__ = ["PageBar", "print_failure"]


def print_failure(failure: Failure) -> None:
    """A failure in one line: what failed (a URL or a file) and why."""
    err_console.print(f"[red]failed:[/red] {plain(failure.problem)}", highlight=False, soft_wrap=True)


class PageBar:
    """Draws pages fetched (and linking) on standard error while it runs, when ``enabled``; the
    bar goes away at the end, so a watch's output stays one line per poll. Failures are printed
    as they happen, one line each, bar or not."""

    def __init__(self, enabled: bool, label: str = "fetch") -> None:
        self.progress = Progress(
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages · {task.fields[failed]} failed"),
            TimeElapsedColumn(),
            console=err_console,
            disable=not enabled,
            transient=True,
        )
        self.task = self.progress.add_task(label, total=None, failed=0)
        self.failures = 0
        self.link_task: TaskID | None = None

    def __enter__(self) -> PageBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.progress.__exit__(None, None, None)

    def start(self, total_files: int) -> None:
        self.progress.update(self.task, total=total_files)

    def page_done(self) -> None:
        self.progress.update(self.task, advance=1)

    def file_done(self, summary: object) -> None:
        pass

    def failed(self, failure: Failure) -> None:
        self.failures += 1
        self.progress.update(self.task, failed=self.failures)
        print_failure(failure)

    def linked(self, done: int, total: int) -> None:
        if self.link_task is None:
            self.link_task = self.progress.add_task("link", total=total, failed=0)
        self.progress.update(self.link_task, completed=done)
