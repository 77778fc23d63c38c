"""Files that cannot be read as one article: too big, not a file, unreadable; each named."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import read_file
from newsgraph.records import RawArticle

Write = Callable[[str, str | bytes], Path]
MB = 1024 * 1024
ARTICLE = "Ferry crews returned to work on Tuesday after a three-day strike.\n"


def only_error(path: Path, max_article_bytes: int = 10 * MB) -> InputError:
    found = list(read_file(path, max_article_bytes=max_article_bytes))
    assert len(found) == 1 and isinstance(found[0], InputError), found
    return found[0]


@pytest.mark.parametrize("name", ["huge.txt", "huge.html"])
def test_a_single_article_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(50 * MB)  # sparse: 50 MB on paper, nothing on disk or in memory
    error = only_error(path)
    assert str(error) == (
        f"{path}: file is 50.0 MB, over the 10.0 MB limit for one article (raise --max-article-mb or split the file)"
    )


def test_a_file_at_the_limit_is_read(write: Write) -> None:
    path = write("edge.txt", ARTICLE)
    (article,) = read_file(path, max_article_bytes=len(ARTICLE.encode()))
    assert isinstance(article, RawArticle)


def test_a_broken_link_names_its_target(tmp_path: Path) -> None:
    link = tmp_path / "story.txt"
    link.symlink_to(tmp_path / "moved-away.txt")
    error = only_error(link)
    assert error.path == str(link)
    assert "broken symbolic link" in error.problem and "moved-away.txt" in error.problem


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    assert only_error(fifo).problem == "cannot read: not a regular file (a FIFO)"


def test_a_folder_named_like_a_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "story.txt"
    folder.mkdir()
    assert "is a folder" in only_error(folder).problem


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file, so chmod 000 cannot make one unreadable")
def test_a_file_without_read_permission_gives_the_os_reason(write: Write) -> None:
    path = write("locked.txt", ARTICLE)
    path.chmod(0)
    try:
        error = only_error(path)
    finally:
        path.chmod(0o644)
    assert error.problem == "cannot read: Permission denied"


@pytest.mark.parametrize("name", ["denied.txt", "denied.html", "denied.jsonl", "denied.sgm"])
def test_an_os_refusal_gives_its_reason_for_every_format(write: Write, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    # Root can open any file, so the refusal the OS would give another user is injected.
    path = write(name, ARTICLE)
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: refusing_open(self).read())
    error = only_error(path)
    assert (error.path, error.problem, error.hint) == (str(path), "cannot read: Permission denied", "check the file's permissions")
