"""Turn the paths a user gives into the files to read, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsgraph.errors import InputError

__all__ = ["discover"]


def discover(paths: Sequence[Path]) -> Iterator[Path | InputError]:
    """Every file under ``paths``, each once, files given and folders walked in the order given.

    A folder is walked recursively in sorted order (by name, entry by entry, so ``a/b/x.txt``
    comes before ``a/c.txt``); names starting with "." are skipped inside a folder, but a hidden
    path given explicitly is read. Symbolic links are followed, each real folder walked once so
    a link loop ends. Special files (FIFOs, sockets) and broken links found in a folder are
    yielded too: the reader reports why it cannot read them. A path that does not exist, or a
    folder that cannot be listed, is an :class:`InputError`, and the walk goes on.
    """
    seen_files: set[tuple[int, int]] = set()
    seen_folders: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk(path, seen_files, seen_folders)
        elif path.exists() or path.is_symlink():
            if _first_time(path, seen_files):
                yield path
        else:
            yield InputError(str(path), "does not exist", "check the path")


def _walk(folder: Path, seen_files: set[tuple[int, int]], seen_folders: set[tuple[int, int]]) -> Iterator[Path | InputError]:
    if not _first_time(folder, seen_folders):
        return
    try:
        with os.scandir(folder) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as error:
        yield InputError(str(folder), f"cannot list the folder: {error.strerror or error}", "check the folder's permissions")
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        if path.is_dir():
            yield from _walk(path, seen_files, seen_folders)
        elif _first_time(path, seen_files):
            yield path


def _first_time(path: Path, seen: set[tuple[int, int]]) -> bool:
    """True the first time the file or folder ``path`` points at is met (a broken link: always)."""
    try:
        info = path.stat()
    except OSError:
        return True
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
