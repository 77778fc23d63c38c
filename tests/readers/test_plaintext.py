"""Plain-text articles: the whole decoded file is the article, byte for byte."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import read_file
from newsgraph.records import RawArticle

Write = Callable[[str, str | bytes], Path]
MB = 1024 * 1024
# Artefacts of scraped text: a word broken across lines, a caption, curly and straight quotes,
# a Cyrillic "о" inside an English word.
ARTICLE = (
    "Harbour ferries run again after strike\n"
    "Share this story\n"
    "Ferry crews returned to work on Tuesday after a three-day st\n"
    "rike over rosters, the union said.\n"
    "\u201cWe got most of it,\u201d a steward said. \"Not all.\"\n"
    "Crews at the quay on Tuesday. Photo: Port Auth\u043erity\n"
)


def read_one(path: Path) -> RawArticle:
    (article,) = read_file(path, max_article_bytes=MB)
    assert isinstance(article, RawArticle), article
    return article


def test_the_text_is_kept_exactly_with_its_artefacts(write: Write) -> None:
    path = write("ferry.txt", ARTICLE)
    article = read_one(path)
    assert (article.source, article.format, article.raw_text) == (str(path), "text", ARTICLE)
    assert article.given == {"encoding": "utf-8"}


def test_a_cp1252_file_reads_its_curly_quotes(write: Write) -> None:
    text = ARTICLE.replace("\u043e", "o")
    article = read_one(write("legacy.txt", text.encode("cp1252")))
    assert article.raw_text == text
    assert article.given["encoding"] == "cp1252"


def test_a_utf16_file_with_bom_reads(write: Write) -> None:
    assert read_one(write("wide.txt", ARTICLE.encode("utf-16"))).raw_text == ARTICLE


@pytest.mark.parametrize(("content", "problem"), [("", "empty file"), (" \n\n\t ", "empty file (only whitespace)")])
def test_an_empty_file_is_an_error(write: Write, content: str, problem: str) -> None:
    (error,) = read_file(write("blank.txt", content), max_article_bytes=MB)
    assert isinstance(error, InputError) and error.problem == problem


def test_each_seed_is_one_article_with_its_exact_text(seeds: Path) -> None:
    paths = sorted(seeds.glob("*.txt"))
    assert paths
    for path in paths:
        article = read_one(path)
        data = path.read_bytes()
        assert article.raw_text == data.decode("utf-8")
        assert article.raw_sha == hashlib.sha256(data).hexdigest()
