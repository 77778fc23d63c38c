"""The shipped data is exactly what ``kb/build_knowledge_base.py`` builds, and the build refuses
inconsistent sources."""

from __future__ import annotations

import importlib.util
import json
import shutil
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.actors.knowledge import load_knowledge_base

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "newsgraph" / "data"


def needs_petrarch(builder: ModuleType) -> None:
    """Skip unless the PETRARCH2 dictionaries the build reads by default are beside the repository."""
    if builder.KEPT_PETRARCH_SOURCES and not builder.DEFAULT_PETRARCH.is_dir():
        pytest.skip(f"{builder.DEFAULT_PETRARCH} not found; the build reads PETRARCH2's dictionaries from there")


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_knowledge_base", REPO / "kb" / "build_knowledge_base.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_data_equals_a_fresh_build(builder: ModuleType, tmp_path: Path) -> None:
    manifest = json.loads((DATA / "kb_manifest.json").read_text(encoding="utf-8"))
    for package in ("pycountry", "wordfreq"):
        if manifest[package] != version(package):
            pytest.skip(f"data built with {package} {manifest[package]}, {version(package)} installed")
    needs_petrarch(builder)
    builder.build(tmp_path)
    built = sorted(path.name for path in tmp_path.iterdir())
    assert built == sorted(path.name for path in DATA.glob("kb_*"))
    for name in built:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} is stale: run python kb/build_knowledge_base.py"


def test_a_fresh_build_loads(builder: ModuleType, tmp_path: Path) -> None:
    needs_petrarch(builder)
    builder.build(tmp_path)
    kb = load_knowledge_base(tmp_path)
    assert kb.holder("USA", "secretary of state", "2024-06-18") == kb.actor("person:antony-blinken")


BAD_ROWS = [
    ("offices", "person:joe-biden,USA,Secretary of State,foreign_minister,GOV,2024-06,2024-09,,", "overlap"),
    ("offices", "person:nobody,USA,Secretary of State,foreign_minister,GOV,2030-01-01,,,", "unknown person"),
    ("offices", "person:joe-biden,USA,Senator,other,GOV,2024-13-01,,,", "impossible date"),
    ("offices", "person:joe-biden,USA,Senator,senator,GOV,1973-01-03,2009-01-15,,", "unknown role"),
    ("offices", "person:joe-biden,USA,Senator,other,GOV,2009-01-15,1973-01-03,,", "ends before it starts"),
    ("ambiguous", "Lima,actor,country:ZZZ,,,,,", "unknown actor"),
    ("seats_of_power", "Casa Blanca,country:ZZZ,GOV,", "unknown actor"),
    ("people", "person:joe-biden,Joe Biden,USA,Biden,,,", "duplicate actor id"),
    ("media", "media:bad,Bad,USA,owned,,", "unknown ownership"),
]


@pytest.mark.parametrize(("table", "row", "problem"), BAD_ROWS)
def test_inconsistent_sources_are_refused(builder: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, row: str, problem: str) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(builder.SOURCES, sources)
    with (sources / f"{table}.csv").open("a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    monkeypatch.setattr(builder, "SOURCES", sources)
    with pytest.raises(builder.BuildError, match=problem):
        builder.build(tmp_path / "out", petrarch_sources=[])
    assert not (tmp_path / "out").exists()


def test_the_command_reports_problems_and_fails(builder: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(builder.SOURCES, sources)
    (sources / "places.csv").write_text("id,name\n", encoding="utf-8")
    monkeypatch.setattr(builder, "SOURCES", sources)
    assert builder.main(["--out", str(tmp_path / "out"), "--petrarch-sources", ""]) == 1
    assert "places.csv: columns must be" in capsys.readouterr().err
