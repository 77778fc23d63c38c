"""The README stays true to the code: its commands, the CI script, every setting and command."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from factories import REPO
from newsgraph.cli import app
from newsgraph.settings import SETTINGS

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    block = re.match(r"```\n(.*?)\n```", README, re.S)
    assert block, "the README must open with a code block holding its two commands"
    return block.group(1).splitlines()


def test_readme_opens_with_exactly_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "newsgraph demo" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_every_setting_is_documented(setting: object) -> None:
    assert f"| `{setting.name}` |" in README  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [command.name for command in app.registered_commands])
def test_every_command_is_documented(command: str) -> None:
    assert f"newsgraph {command}" in README


def test_the_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no newsgraph.toml but the examples' own
    monkeypatch.delenv("NEWSGRAPH_CONFIG", raising=False)
    result = doctest.testfile(str(REPO / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10 and not result.failed
