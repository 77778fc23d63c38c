"""File-system helpers shared by the readers: opening, size limits, hashing, OS errors."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from newsgraph.errors import InputError

__all__ = ["article_bytes", "check_regular_file", "os_problem", "readable_size", "over_limit", "sha256_hex"]

_MB = 1024 * 1024


def sha256_hex(data: bytes) -> str:
    """The sha256 hex digest of ``data``: the identity of an article's raw bytes."""
    return hashlib.sha256(data).hexdigest()


def readable_size(size: int) -> str:
    """``size`` bytes as the user reads it: ``"50.0 MB"``, or ``"24.4 KB"`` under 0.1 MB
    (1 MB = 1024 KB = 1024 * 1024 bytes, as ``--max-article-mb`` counts)."""
    if size < _MB // 10:
        return f"{size / 1024:.1f} KB"
    return f"{size / _MB:.1f} MB"


def over_limit(source: str, size: int, max_article_bytes: int, what: str) -> InputError:
    """The error for one article of ``size`` bytes over the limit; ``what`` is ``file`` or ``record``."""
    return InputError(
        source,
        f"{what} is {readable_size(size)}, over the {readable_size(max_article_bytes)} limit for one article",
        "raise --max-article-mb or split the file",
    )


def os_problem(path: Path, error: OSError) -> InputError:
    """An :class:`InputError` that carries the operating system's reason for ``error``."""
    reason = error.strerror or str(error)
    if error.errno in (errno.EACCES, errno.EPERM):
        hint = "check the file's permissions"
    elif error.errno == errno.EISDIR:
        hint = "give the folder itself, or a file inside it"
    else:
        hint = "check that the file is there and readable"
    return InputError(str(path), f"cannot read: {reason}", hint)


def check_regular_file(path: Path) -> os.stat_result:
    """``stat`` ``path`` and insist it is a regular file (raises :class:`InputError` otherwise).

    Opening a FIFO would block until something writes to it, and a device may never end, so
    anything that is not a plain file is refused before it is opened.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            target = os.readlink(path)
            raise InputError(str(path), f"broken symbolic link to '{target}'", "fix or remove the link") from None
        raise InputError(str(path), "does not exist", "check the path") from None
    except OSError as error:
        raise os_problem(path, error) from error
    if stat.S_ISDIR(info.st_mode):
        raise InputError(str(path), "cannot read: is a folder, not a file", "give the folder itself to read what is inside")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            str(path),
            f"cannot read: not a regular file ({_kind(info.st_mode)})",
            "newsgraph reads plain files; copy the data into a file first",
        )
    return info


def article_bytes(path: Path, max_article_bytes: int) -> bytes:
    """The bytes of a file holding one article, refused before reading when over the limit."""
    info = check_regular_file(path)
    if info.st_size > max_article_bytes:
        raise over_limit(str(path), info.st_size, max_article_bytes, "file")
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew after stat must still be refused.
            data = handle.read(max_article_bytes + 1)
    except OSError as error:
        raise os_problem(path, error) from error
    if len(data) > max_article_bytes:
        raise over_limit(str(path), len(data), max_article_bytes, "file")
    return data


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
