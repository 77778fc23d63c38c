"""Exports are written whole or not at all: a full disk, a device or a folder as --out give a
one-line error and leave the previous export as it was."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from factories import make_document
from newsgraph.cli import app
from newsgraph.store import Store

runner = CliRunner()

# Enough records that an export is far larger than the file size limit set below.
DOCUMENTS = 300
LIMIT_BYTES = 32 * 1024


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "db.duckdb"
    documents = []
    for n in range(DOCUMENTS):
        # Text that does not compress away, so even the Parquet export is large.
        words = " ".join(hashlib.sha256(f"{n}-{k}".encode()).hexdigest() for k in range(8))
        text = f"The two ministers agreed on Monday to reopen border crossing {n}, officials said. {words}"
        documents.append(make_document(text, doc_id=f"doc_{n}", source=f"{n}.txt", title=f"Article {n}"))
    with Store(path) as store:
        store.write_documents(documents, [], "v1")
    return path


@contextmanager
def file_size_limit(limit: int | None) -> Iterator[None]:
    """Writing past ``limit`` bytes of any file fails with EFBIG in the block, as a write to a full
    disk fails with ENOSPC (the signal the kernel also sends is ignored, or it would end pytest)."""
    if limit is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def _export(db: Path, *arguments: str, limited: bool = False) -> Result:
    with file_size_limit(LIMIT_BYTES if limited else None):
        return runner.invoke(app, ["export", "--db", str(db), *arguments])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _one_line_error(result: Result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    lines = " ".join(result.output.split("\n")).split("error: ")
    assert len(lines) == 2 and not lines[0].strip() and "Traceback" not in result.output, result.output
    assert all(word in " ".join(lines[1].split()) for word in words), result.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_an_export_that_runs_out_of_room_leaves_the_previous_one(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("export.jsonl" if fmt == "jsonl" else "tables")
    first = _export(db, "--format", fmt, "--out", str(out))
    assert first.exit_code == 0, first.output
    folder = out.parent if fmt == "jsonl" else out
    before = _snapshot(folder)
    assert sum(map(len, before.values())) > LIMIT_BYTES
    failed = _export(db, "--format", fmt, "--out", str(out), limited=True)
    _one_line_error(failed, str(out), "File too large", "earlier export there is unchanged")
    assert _snapshot(folder) == before  # the same files, byte for byte, and no temporary file left


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_device_that_is_full_is_one_line(db: Path) -> None:
    _one_line_error(_export(db, "--out", "/dev/full"), "/dev/full", "No space left on device")


def test_a_folder_as_the_jsonl_file_is_one_line(db: Path, tmp_path: Path) -> None:
    _one_line_error(_export(db, "--out", str(tmp_path)), str(tmp_path), "is a folder")


def test_a_new_export_replaces_the_old_one_with_the_usual_permissions(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    out.write_text("old\n")
    os.chmod(out, 0o600)
    assert _export(db, "--out", str(out)).exit_code == 0
    lines = out.read_text().splitlines()
    assert len(lines) == DOCUMENTS and lines[0] != "old"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [path.name for path in tmp_path.iterdir()] == ["export.jsonl"]
