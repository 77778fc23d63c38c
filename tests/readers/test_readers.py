"""The readers' public API: dispatch by suffix, errors yielded not raised, folders read whole."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import newsgraph.readers
from newsgraph.errors import InputError
from newsgraph.readers import SUPPORTED_SUFFIXES, read_file, read_paths
from newsgraph.records import RawArticle

Write = Callable[[str, str | bytes], Path]
MB = 1024 * 1024
ARTICLE = "Harbour ferries run again\n\nFerry crews returned to work on Tuesday after a three-day strike.\n"
PAGE = "<html><body><article><p>Ferry crews returned to work on Tuesday after a three-day strike over rosters.</p></article></body></html>"
FEED = '{"text": "Ferry crews returned to work on Tuesday."}\n{"text": "Bus drivers voted to accept the offer."}\n'


def test_the_public_api_is_pinned() -> None:
    assert sorted(newsgraph.readers.__all__) == ["SUPPORTED_SUFFIXES", "discover", "read_file", "read_paths"]


def test_supported_suffixes_cover_every_format() -> None:
    assert {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".sgm", ".sgml"} == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("name", "content", "formats"),
    [
        ("a.txt", ARTICLE, ["text"]),
        ("a.MD", ARTICLE, ["text"]),
        ("README", ARTICLE, ["text"]),
        ("a.HTM", PAGE, ["html"]),
        ("a.jsonl", FEED, ["jsonl", "jsonl"]),
    ],
)
def test_the_reader_is_chosen_by_suffix_in_any_case(write: Write, name: str, content: str, formats: list[str]) -> None:
    found = list(read_file(write(name, content), max_article_bytes=MB))
    assert [item.format for item in found if isinstance(item, RawArticle)] == formats


def test_an_unsupported_suffix_names_the_type_and_what_is_read(write: Write) -> None:
    path = write("scan.pdf", b"%PDF-1.7 ...")
    (error,) = read_file(path, max_article_bytes=MB)
    assert isinstance(error, InputError)
    assert error.problem == "unsupported file type '.pdf'"
    assert ".txt" in error.hint and ".jsonl" in error.hint and ".sgm" in error.hint


def test_a_file_without_suffix_that_is_binary_is_refused(write: Write) -> None:
    (error,) = read_file(write("blob", b"\x00\x01\x02\x03" * 100), max_article_bytes=MB)
    assert isinstance(error, InputError) and error.problem == "binary file, not text"


def test_a_folder_with_bad_files_among_good_ones_reads_the_good_ones(write: Write, tmp_path: Path) -> None:
    write("1-good.txt", ARTICLE)
    write("2-empty.txt", "")
    write("3-image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "4-dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "5-pipe.txt")
    write("6-page.html", PAGE)
    write("7-feed.jsonl", FEED)
    found = list(read_paths([tmp_path, tmp_path / "missing"], max_article_bytes=MB))
    articles = [item.source for item in found if isinstance(item, RawArticle)]
    errors = [Path(item.path).name for item in found if isinstance(item, InputError)]
    assert articles == [str(tmp_path / "1-good.txt"), str(tmp_path / "6-page.html"), *(f"{tmp_path / '7-feed.jsonl'}#L{n}" for n in (1, 2))]
    assert errors == ["2-empty.txt", "3-image.txt", "4-dangling.txt", "5-pipe.txt", "missing"]


def test_every_error_says_what_to_do(write: Write, tmp_path: Path) -> None:
    write("empty.txt", "")
    write("scan.pdf", b"%PDF")
    write("feed.jsonl", "not json\n")
    errors = [item for item in read_paths([tmp_path, tmp_path / "missing"], max_article_bytes=MB) if isinstance(item, InputError)]
    assert len(errors) == 4
    assert all(error.problem and error.hint and "\n" not in str(error) for error in errors)


@pytest.mark.parametrize("name", ["a.txt", "a.html"])
def test_raw_sha_is_the_hash_of_the_file_bytes_and_follows_them(write: Write, name: str) -> None:
    content = PAGE if name.endswith(".html") else ARTICLE
    (first,) = read_file(write(name, content), max_article_bytes=MB)
    (again,) = read_file(write("copy/" + name, content), max_article_bytes=MB)
    (edited,) = read_file(write("edited/" + name, content.replace("Tuesday", "Monday")), max_article_bytes=MB)
    assert isinstance(first, RawArticle) and isinstance(again, RawArticle) and isinstance(edited, RawArticle)
    assert first.raw_sha == again.raw_sha == hashlib.sha256(content.encode()).hexdigest()
    assert edited.raw_sha != first.raw_sha
