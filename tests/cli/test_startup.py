"""The command line starts light: its help, and each command's, imports neither the language tools
nor Dask, the database or the web stack; so do ``import newsgraph`` and the record types."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factories import REPO
from newsgraph.cli import app
from newsgraph.export import FORMATS

HEAVY = ("spacy", "thinc", "dask", "distributed", "duckdb", "pyarrow", "pandas", "fastapi", "uvicorn", "trafilatura",
         "networkx", "newsgraph.pipeline", "newsgraph.store", "newsgraph.web")


def imported_by(*arguments: str) -> set[str]:
    """The modules ``python -X importtime ARGUMENTS`` imports, in a fresh interpreter."""
    environment = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    result = subprocess.run([sys.executable, "-X", "importtime", *arguments], capture_output=True, text=True,
                            env=environment, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}


def heavy(modules: set[str]) -> list[str]:
    return sorted(module for module in modules if module.split(".")[0] in HEAVY or module.startswith(HEAVY))


@pytest.mark.parametrize("command", [[], *[[command.name or ""] for command in app.registered_commands]],
                         ids=lambda command: " ".join(["newsgraph", *command, "--help"]))
def test_help_imports_nothing_heavy(command: list[str]) -> None:
    modules = imported_by("-m", "newsgraph", *command, "--help")
    assert "newsgraph.cli" in modules
    assert heavy(modules) == []


@pytest.mark.parametrize("statement", ["import newsgraph", "from newsgraph.records import Document, Event, Quote",
                                       "from newsgraph.settings import Settings"])
def test_the_package_and_its_records_import_nothing_heavy(statement: str) -> None:
    assert heavy(imported_by("-c", statement)) == []


def test_the_export_help_names_every_format() -> None:
    shown = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    assert all(name in shown for name in FORMATS)
