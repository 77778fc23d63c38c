"""What the commands share: data (titles, quotations, file names, dates) printed as it is, never
read as terminal markup; control characters shown, never sent to the terminal."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.bench.pages import free_port
from newsgraph.cli import app
from newsgraph.cli._common import err_console, plain

runner = CliRunner()

EVIL_NAME = "[bold red]evil[link=https:evil.example].txt"
TITLE = "[/bold] Talks \x1b]8;;https://evil.example\x07end[link=https://evil.example]here[/link]"
SHOWN_TITLE = r"[/bold] Talks \x1b]8;;https://evil.example\x07end[link=https://evil.example]here[/link]"
RECORD = {
    "title": TITLE,
    "outlet": "[red]Daily[/red]",
    "date": "2026-03-10",
    "url": "https://example.org/[b]a[/b]",
    "text": "[/bold] Russian forces attacked the Ukrainian city of Kharkiv on Monday [link=https://evil.example], "
    'officials said.\n\n"We will [blink]fight[/blink] on," the Ukrainian president Volodymyr Zelensky said on Tuesday.',
}


@pytest.fixture(scope="module")
def marked(wide: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder named in markup holding articles full of markup, and its ingest's output."""
    root = tmp_path_factory.mktemp("markup") / "[i]work[/i]"
    (root / "in").mkdir(parents=True)
    bad_date = {"text": "Shares rose on Monday.", "date": "[/bold]"}
    (root / "in" / "a.jsonl").write_text(json.dumps(RECORD) + "\n" + json.dumps(bad_date) + "\n", encoding="utf-8")
    (root / "in" / EVIL_NAME).write_text("")
    result = runner.invoke(app, ["ingest", str(root / "in"), "--db", str(root / "db.duckdb"), "--workers", "1"])
    (root / "ingest.out").write_text(result.output, encoding="utf-8")
    assert result.exit_code == 1, result.output
    return root


@pytest.fixture(scope="module", autouse=True)
def wide() -> Iterator[None]:
    """Wide enough that no line is wrapped, so each value can be looked for whole."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "3000")
        patch.setattr(err_console, "width", 3000)
        yield


def _run(root: Path, arguments: list[str]) -> str:
    result = runner.invoke(app, [argument.format(root=root) for argument in arguments])
    assert result.exit_code == 0, result.output
    return result.output


# (command, what must appear in its output exactly as it is in the data)
COMMANDS = [
    ("ingest", None, [f"{EVIL_NAME}: empty file", "'[/bold]' is not a date", "-> {root}/db.duckdb"]),
    ("show", ["show", "a.jsonl#L1", "--db", "{root}/db.duckdb"],
     [SHOWN_TITLE, "[red]Daily[/red]", "“We will [blink]fight[/blink] on”"]),
    ("story list", ["story", "--db", "{root}/db.duckdb"], [SHOWN_TITLE]),
    ("story", ["story", "a.jsonl#L1", "--db", "{root}/db.duckdb"], [SHOWN_TITLE, "[red]Daily[/red]"]),
    ("timeline", ["timeline", "--db", "{root}/db.duckdb"], ["[/bold] Russian forces", "[link=https://evil.example]"]),
    ("export", ["export", "--db", "{root}/db.duckdb", "--out", "{root}/[b]out[/b].jsonl"], ["-> {root}/[b]out[/b].jsonl"]),
    ("index", ["index", "--db", "{root}/db.duckdb"], ["in {root}/db.duckdb"]),
    ("an error", ["import-parquet", "{root}/[bold]missing[/bold]", "--db", "{root}/db.duckdb"],
     ["{root}/[bold]missing[/bold]"]),
]


@pytest.mark.parametrize(("name", "arguments", "expected"), COMMANDS, ids=[command[0] for command in COMMANDS])
def test_every_command_prints_data_as_it_is(marked: Path, name: str, arguments: list[str] | None,
                                            expected: list[str]) -> None:
    if arguments is None:
        output = (marked / "ingest.out").read_text(encoding="utf-8")
    elif name == "an error":
        result = runner.invoke(app, [argument.format(root=marked) for argument in arguments])
        assert result.exit_code == 1 and "Traceback" not in result.output
        output = result.output
    else:
        output = _run(marked, arguments)
    for text in expected:
        assert text.format(root=marked) in output, output
    assert "\x1b" not in output


def test_demo_and_serve_print_the_database_name_as_it_is(tmp_path: Path) -> None:
    db = tmp_path / "[blink]demo[/blink].duckdb"
    assert f"--db {db}" in _run(tmp_path, ["demo", "--db", str(db)])
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "3000"},
    )
    try:
        assert serve.stderr is not None
        assert f"serving {db} (read-only)" in serve.stderr.readline()
        _wait_for(port)  # Ctrl-C once it answers, as a user would: not halfway through loading the app
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=60)


def _wait_for(port: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"serve did not answer on port {port} within {seconds:.0f} s")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("[/bold]", r"\[/bold]"),
        ("[link=https://evil.example]x[/link]", r"\[link=https://evil.example]x\[/link]"),
        ("bell\x07 escape\x1b[31m c1\x9b", r"bell\x07 escape\x1b[31m c1\x9b"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("a backslash \\", "a backslash \\\\"),
    ],
)
def test_plain_escapes_markup_and_control_characters(value: str, shown: str) -> None:
    assert plain(value) == shown
