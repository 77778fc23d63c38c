"""The ``newsgraph`` command line: one module per command group, each a thin layer over one
library function. Domain errors become a one-line message and a non-zero exit; ``--debug`` shows
the traceback."""

from __future__ import annotations

import typer

from newsgraph.cli import (
    alert,
    bench,
    demo,
    evaluate,
    export,
    import_parquet,
    index,
    ingest,
    link,
    serve,
    show,
    story,
    timeline,
    watch,
)
from newsgraph.cli._common import State

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into a sourced record of who did and said what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _options(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback when a command fails."),
) -> None:
    ctx.obj = State(debug=debug)


for module in (ingest, import_parquet, link, index, export, show, story, timeline, serve, evaluate, demo, bench):
    module.register(app)
for module in (watch, alert):
    module.register(app)


def main() -> None:
    app()
