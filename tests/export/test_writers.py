"""Exports are written whole or not at all: a full disk, a device or a folder as --out give a
one-line error and leave the previous export as it was."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factories import make_document
from newsgraph.store import Store

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


def _limit_file_size() -> None:
    # Writing past the limit then fails with EFBIG, as a write to a full disk fails with ENOSPC
    # (the signal the kernel also sends would otherwise kill the process).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))


def _export(db: Path, *arguments: str, limited: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", "export", "--db", str(db), *arguments],
        capture_output=True, text=True, timeout=300, preexec_fn=_limit_file_size if limited else None,
        env={**os.environ, "COLUMNS": "500"},
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_an_export_that_runs_out_of_room_leaves_the_previous_one(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("export.jsonl" if fmt == "jsonl" else "tables")
    first = _export(db, "--format", fmt, "--out", str(out))
    assert first.returncode == 0, first.stderr
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
    assert _export(db, "--out", str(out)).returncode == 0
    lines = out.read_text().splitlines()
    assert len(lines) == DOCUMENTS and lines[0] != "old"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [path.name for path in tmp_path.iterdir()] == ["export.jsonl"]
