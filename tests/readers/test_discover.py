"""Finding the files to read: sorted, recursive, hidden names skipped, problems reported."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import discover

Write = Callable[[str, str | bytes], Path]


def names(found: list[Path | InputError], root: Path) -> list[str]:
    return [str(item.relative_to(root)) if isinstance(item, Path) else f"error: {item.problem}" for item in found]


def test_folders_are_walked_recursively_in_sorted_order(write: Write, tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b/y.txt", "c.jsonl", "a/b/x.txt", "A.txt"]:
        write(name, "words")
    assert names(list(discover([tmp_path])), tmp_path) == ["A.txt", "a/b/x.txt", "a/b/y.txt", "a/z.txt", "b.txt", "c.jsonl"]


def test_hidden_files_and_folders_are_skipped_unless_named(write: Write, tmp_path: Path) -> None:
    write("seen.txt", "words")
    write(".draft.txt", "words")
    write(".git/config.txt", "words")
    hidden = tmp_path / ".draft.txt"
    assert names(list(discover([tmp_path])), tmp_path) == ["seen.txt"]
    assert list(discover([hidden])) == [hidden]


def test_paths_keep_the_order_given_and_each_file_comes_once(write: Write, tmp_path: Path) -> None:
    second = write("folder/2.txt", "words")
    first = write("folder/1.txt", "words")
    assert list(discover([second, tmp_path / "folder", first])) == [second, first]


def test_a_missing_path_is_an_error_and_the_rest_is_still_found(write: Write, tmp_path: Path) -> None:
    present = write("here.txt", "words")
    found = list(discover([tmp_path / "gone.txt", present]))
    assert isinstance(found[0], InputError)
    assert (found[0].path, found[0].problem) == (str(tmp_path / "gone.txt"), "does not exist")
    assert found[1:] == [present]


def test_a_link_loop_ends(write: Write, tmp_path: Path) -> None:
    write("top/a.txt", "words")
    (tmp_path / "top" / "loop").symlink_to(tmp_path / "top", target_is_directory=True)
    assert names(list(discover([tmp_path / "top"])), tmp_path) == ["top/a.txt"]


def test_special_files_in_a_folder_are_passed_on_for_the_reader_to_report(write: Write, tmp_path: Path) -> None:
    write("a.txt", "words")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    assert names(list(discover([tmp_path])), tmp_path) == ["a.txt", "dangling.txt", "pipe.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder, so a locked folder cannot be tested")
def test_a_folder_that_cannot_be_listed_is_an_error_and_the_walk_goes_on(write: Write, tmp_path: Path) -> None:
    write("locked/a.txt", "words")
    write("open/b.txt", "words")
    (tmp_path / "locked").chmod(0)
    try:
        found = list(discover([tmp_path]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert isinstance(found[0], InputError) and found[0].path == str(tmp_path / "locked")
    assert found[1:] == [tmp_path / "open" / "b.txt"]


def test_a_folder_the_os_refuses_to_list_is_an_error_and_the_walk_goes_on(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root can list any folder, so the refusal the OS would give another user is injected.
    write("locked/a.txt", "words")
    write("open/b.txt", "words")
    real_scandir = os.scandir

    def refusing_scandir(path: Any) -> Iterator[os.DirEntry[str]]:
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    found = list(discover([tmp_path]))
    assert isinstance(found[0], InputError)
    assert (found[0].path, found[0].problem) == (str(tmp_path / "locked"), "cannot list the folder: Permission denied")
    assert found[1:] == [tmp_path / "open" / "b.txt"]
