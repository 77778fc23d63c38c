"""The inputs of a cluster run: local files and folders, or fsspec URLs (``file://``,
``memory://``, and ``s3://``, ``gs://``… when the matching fsspec back end is installed).

Local paths are listed exactly as ``newsgraph ingest`` lists them, so both name every article by
the same ``source``. A URL's files are listed in sorted order, hidden names skipped, and read by
copying each file to a local temporary file and handing it to the same readers, one file at a time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import posixpath
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import fsspec

from newsgraph.errors import InputError
from newsgraph.readers import discover, read_file
from newsgraph.records import RawArticle

__all__ = ["InputFile", "is_url", "list_inputs", "read_input"]


@dataclass(frozen=True)
class InputFile:
    """One file to read: ``name`` is its path or URL (the ``source`` of what it holds), ``index``
    its place in the run's listing, ``size`` in bytes (0 when unknown)."""

    name: str
    index: int
    size: int


def is_url(name: str) -> bool:
    return "://" in name


def list_inputs(inputs: Sequence[str]) -> tuple[list[InputFile], list[InputError]]:
    """Every file under ``inputs`` in reading order, and the inputs that could not be listed."""
    names: list[tuple[str, int]] = []
    problems: list[InputError] = []
    for item in inputs:
        if is_url(item):
            try:
                names.extend(_list_url(item))
            except (OSError, ValueError, ImportError) as error:
                problems.append(InputError(item, f"cannot list: {error}", "check the URL, and that its fsspec back end is installed"))
            continue
        for found in discover([Path(item)]):
            if isinstance(found, InputError):
                problems.append(found)
            else:
                names.append((str(found), _size(found)))
    return [InputFile(name, index, size) for index, (name, size) in enumerate(names)], problems


def _list_url(url: str) -> list[tuple[str, int]]:
    fs, root = fsspec.core.url_to_fs(url)
    if not fs.exists(root):
        raise FileNotFoundError("does not exist")
    if not fs.isdir(root):
        return [(url, int(fs.size(root) or 0))]
    found = fs.find(root, detail=True)
    files = []
    for path, info in sorted(found.items()):
        relative = PurePosixPath(posixpath.relpath(path, root))
        if any(part.startswith(".") for part in relative.parts):
            continue
        files.append((fs.unstrip_protocol(path), int(info.get("size") or 0)))
    return files


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_input(name: str, *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """The articles of one input file, as :func:`newsgraph.readers.read_file` yields them, with
    sources and messages naming the URL when the file came from one."""
    if not is_url(name):
        yield from read_file(Path(name), max_article_bytes=max_article_bytes)
        return
    with _local_copy(name) as copy:
        if isinstance(copy, InputError):
            yield copy
            return
        local = str(copy)
        for item in read_file(copy, max_article_bytes=max_article_bytes):
            if isinstance(item, InputError):
                yield InputError(item.path.replace(local, name), item.problem.replace(local, name), item.hint)
            else:
                yield dataclasses.replace(item, source=item.source.replace(local, name, 1))


@contextlib.contextmanager
def _local_copy(url: str) -> Iterator[Path | InputError]:
    suffix = PurePosixPath(fsspec.core.url_to_fs(url)[1]).suffix
    with tempfile.TemporaryDirectory(prefix="newsgraph-input-") as folder:
        copy = Path(folder) / f"input{suffix}"
        try:
            with fsspec.open(url, "rb") as source, copy.open("wb") as target:
                shutil.copyfileobj(source, target, length=1024 * 1024)
        except (OSError, ValueError) as error:
            yield InputError(url, f"cannot read: {error}", "check the URL and your access to it")
            return
        yield copy
