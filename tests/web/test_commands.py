"""The web commands as a user runs them: serve, index and bench-pages."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factories import REPO
from newsgraph.cli import app
from newsgraph.web.bench import free_port

runner = CliRunner()


def test_serve_answers_pages_and_the_api_until_stopped(web_db: tuple[Path, dict[str, str]]) -> None:
    port = free_port()
    environment = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    # A threshold under every event's confidence (the lowest is 0.05): nothing is hidden by default.
    server = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(web_db[0]), "--port", str(port),
                               "--event-threshold", "0.01"], env=environment, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=5) as response:
                    assert b'"ingest_enabled":false' in response.read()
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else "serve exited"
                assert time.monotonic() < deadline, "serve did not answer within a minute"
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/timeline", timeout=5) as response:
            assert b"<h1>Timeline</h1>" in response.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events", timeout=5) as response:
            assert b'"hidden_events":0' in response.read()
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in errors


@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["serve", "--db", "{tmp}/none.duckdb"], "no database here yet"),
     (["serve", "--db", "{db}", "--token", "short"], "--token must be at least 8 characters"),
     (["bench-pages", "--db", "{tmp}/none.duckdb"], "no database here yet"),
     (["index", "--db", "{tmp}/none.duckdb"], "no database here yet")],
)
def test_web_commands_explain_what_is_wrong(web_db: tuple[Path, dict[str, str]], tmp_path: Path,
                                           arguments: list[str], message: str) -> None:
    filled = [argument.format(tmp=tmp_path, db=web_db[0]) for argument in arguments]
    result = runner.invoke(app, filled)
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())


def test_index_reports_what_it_indexed(web_db: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(web_db[0].read_bytes())
    result = runner.invoke(app, ["index", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "quotes" in result.output and "events" in result.output and "documents" in result.output


def test_bench_pages_times_every_kind_of_page(web_db: tuple[Path, dict[str, str]]) -> None:
    result = runner.invoke(app, ["bench-pages", "--db", str(web_db[0]), "--samples", "3"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    for kind in ("home", "article", "actor", "timeline", "story", "search"):
        assert kind in lines, result.output
        assert "200×" in lines[kind] and "404" not in lines[kind] and "500" not in lines[kind]
