"""JSON Lines: one article per line, stated metadata read, bad lines reported and skipped."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import read_file
from newsgraph.records import RawArticle

Write = Callable[[str, str | bytes], Path]
MB = 1024 * 1024
RECORD = {
    "text": "Ferry crews returned to work on Tuesday after a three-day strike.",
    "title": "Harbour ferries run again",
    "url": "https://ledger.example/news/ferries",
    "date": "June 18, 2024",
    "outlet": "The Coastal Ledger",
    "authors": "Mara Quint, Ada Brill and Tomas Vey",
    "language": "en",
    "section": "local",
}


def line(**fields: object) -> str:
    return json.dumps({"text": "Bus drivers voted to accept the pay offer on Monday.", **fields}) + "\n"


def read(path: Path, max_article_bytes: int = MB) -> list[RawArticle | InputError]:
    return list(read_file(path, max_article_bytes=max_article_bytes))


def test_a_record_gives_its_text_and_stated_metadata(write: Write) -> None:
    raw_line = json.dumps(RECORD)
    path = write("feed.jsonl", raw_line + "\n")
    (article,) = read(path)
    assert isinstance(article, RawArticle)
    assert (article.source, article.format, article.raw_text) == (f"{path}#L1", "jsonl", RECORD["text"])
    assert article.raw_sha == hashlib.sha256(raw_line.encode()).hexdigest()
    assert article.given == {
        "encoding": "utf-8",
        "title": "Harbour ferries run again",
        "url": "https://ledger.example/news/ferries",
        "outlet": "The Coastal Ledger",
        "language": "en",
        "published": "2024-06-18",
        "authors": ["Mara Quint", "Ada Brill", "Tomas Vey"],
    }


@pytest.mark.parametrize(
    ("fields", "given"),
    [
        ({"authors": ["Mara Quint", " Ada  Brill "]}, {"authors": ["Mara Quint", "Ada Brill"]}),
        ({"date": "2024-06-18T23:10:00-04:00"}, {"published": "2024-06-18"}),
        ({"date": "Tue, 18 Jun 2024 09:30:00 +0000"}, {"published": "2024-06-18"}),
        ({"date": "2024-06"}, {"published": "2024-06"}),
        ({"title": None, "date": None, "authors": None}, {}),
        ({"title": "  ", "authors": []}, {}),
    ],
)
def test_optional_fields_in_their_accepted_forms(write: Write, fields: dict[str, object], given: dict[str, object]) -> None:
    (article,) = read(write("feed.ndjson", line(**fields)))
    assert isinstance(article, RawArticle)
    assert article.given == {"encoding": "utf-8", **given}


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        ('{"text": "unfinished', "invalid JSON"),
        ('["a list", "of strings"]', "expected a JSON object, found a list"),
        ('{"title": "No text here"}', 'no "text" field'),
        ('{"text": ""}', '"text" is empty'),
        ('{"text": 42}', '"text" must be a string, found a number'),
        ('{"text": "Fine.", "title": ["a", "b"]}', '"title" must be a string, found a list'),
        ('{"text": "Fine.", "authors": [1, 2]}', '"authors" must be a list of strings or one string, found a list with non-strings'),
        ('{"text": "Fine.", "date": "the other day"}', "\"date\" 'the other day' is not a date newsgraph can read"),
        (b'{"text": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_a_bad_line_is_reported_by_line_number_and_the_rest_is_read(write: Write, bad_line: str | bytes, problem: str) -> None:
    bad = bad_line if isinstance(bad_line, bytes) else bad_line.encode()
    path = write("feed.jsonl", line().encode() + b"\n" + bad + b"\n" + line().encode())
    found = read(path)
    assert [type(item).__name__ for item in found] == ["RawArticle", "InputError", "RawArticle"]
    error = found[1]
    assert isinstance(error, InputError)
    assert error.path == f"{path}#L3"
    assert error.problem.startswith(problem)
    assert [item.source for item in found if isinstance(item, RawArticle)] == [f"{path}#L1", f"{path}#L4"]


def test_a_record_over_the_limit_is_reported_and_the_next_one_read(write: Write) -> None:
    huge = line(text="word " * 5000)
    path = write("feed.jsonl", huge + line())
    first, second = read(path, max_article_bytes=10_000)
    assert isinstance(first, InputError) and first.path == f"{path}#L1"
    assert first.problem == f"record is {len(huge) / 1024:.1f} KB, over the 9.8 KB limit for one article"
    assert isinstance(second, RawArticle) and second.source == f"{path}#L2"


def test_crlf_lines_and_a_bom_hash_like_their_plain_form(write: Write) -> None:
    plain = line().rstrip("\n")
    (unix,) = read(write("unix.jsonl", plain + "\n"))
    (windows,) = read(write("windows.jsonl", b"\xef\xbb\xbf" + plain.encode() + b"\r\n"))
    assert isinstance(unix, RawArticle) and isinstance(windows, RawArticle)
    assert unix.raw_sha == windows.raw_sha


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("", "empty file (no JSON Lines records)"),
        ("\n   \n\n", "empty file (no JSON Lines records)"),
        (line().encode("utf-16"), "JSON Lines file is utf-16, not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    ],
)
def test_a_file_that_is_not_json_lines_is_one_error(write: Write, content: str | bytes, problem: str) -> None:
    path = write("feed.jsonl", content)
    (error,) = read(path)
    assert isinstance(error, InputError)
    assert (error.path, error.problem) == (str(path), problem)
