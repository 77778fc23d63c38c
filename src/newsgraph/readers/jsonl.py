"""JSON Lines: one article per line, streamed so a file of any size reads in little memory.

Each non-blank line is a JSON object with a required ``text`` and optional ``title``, ``url``,
``date``, ``outlet``, ``authors`` and ``language``; other keys are ignored. A bad line is
reported as an :class:`InputError` naming ``path#L<n>`` and the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import InputError
from newsgraph.readers._dates import DATE_FORMS, published_date
from newsgraph.readers._files import check_regular_file, os_problem, over_limit, sha256_hex
from newsgraph.readers._names import split_authors
from newsgraph.readers.decode import BINARY_SAMPLE_BYTES, encoding_from_bom, looks_binary
from newsgraph.records import RawArticle

__all__ = ["read_jsonl", "read_record", "JSONL_SUFFIXES"]

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

_STRING_FIELDS = ("title", "url", "outlet", "language")
_CHUNK = 1024 * 1024
_FIX_LINE = "fix or remove that line; the other lines are read"


def read_jsonl(path: Path, *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """One article per good line of ``path``, and one :class:`InputError` per bad line.

    A line longer than ``max_article_bytes`` is reported without being held in memory. The
    file must be UTF-8 (as JSON Lines requires); a binary or UTF-16/32 file, or one with no
    record at all, raises :class:`InputError` for the whole file.
    """
    check_regular_file(path)
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise os_problem(path, error) from error
    with handle:
        _check_start(handle, source)
        records = 0
        for number, line, size in _lines(handle, max_article_bytes):
            where = f"{source}#L{number}"
            if line is None:
                records += 1
                yield over_limit(where, size, max_article_bytes, "record")
            elif line.strip():
                records += 1
                yield _record(where, line)
    if records == 0:
        raise InputError(source, "empty file (no JSON Lines records)", "put one JSON object per line in it")


def _check_start(handle: BinaryIO, source: str) -> None:
    start = handle.read(BINARY_SAMPLE_BYTES)
    handle.seek(0)
    encoding = encoding_from_bom(start)
    if encoding is not None and encoding != "utf-8-sig":
        raise InputError(source, f"JSON Lines file is {encoding}, not UTF-8", "save the file as UTF-8")
    if looks_binary(start):
        raise InputError(source, "binary file, not text", "newsgraph reads JSON Lines as UTF-8 text, one JSON object per line")


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line bytes without its newline, size)``; the bytes are ``None`` for a
    line over ``max_bytes``, which is skipped in chunks rather than read into memory."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while not line.endswith(b"\n"):
                line = handle.readline(_CHUNK)
                if not line:
                    break
                size += len(line)
            yield number, None, size
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        yield number, line.rstrip(b"\r\n"), len(line)


def read_record(where: str, line: bytes) -> RawArticle | InputError:
    """One JSON object (as UTF-8 bytes) as an article from ``where``, or the problem with it;
    the fields and checks are those of a JSON Lines line."""
    return _record(where, line)


def _record(where: str, line: bytes) -> RawArticle | InputError:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return InputError(where, f"not UTF-8 (byte 0x{line[error.start]:02x} at column {error.start + 1})", "save the file as UTF-8")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        return InputError(where, f"invalid JSON: {error.msg} at column {error.colno}", _FIX_LINE)
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, found {_kind(record)}", _FIX_LINE)
    body = record.get("text")
    if body is None:
        return InputError(where, "no \"text\" field", "every record needs the article's text in \"text\"")
    if not isinstance(body, str):
        return InputError(where, f"\"text\" must be a string, found {_kind(body)}", _FIX_LINE)
    if not body.strip():
        return InputError(where, "\"text\" is empty", "every record needs the article's text in \"text\"")
    try:
        given = _given(record)
    except ValueError as error:
        return InputError(where, str(error), _FIX_LINE)
    return RawArticle(source=where, format="jsonl", raw_text=body, raw_sha=sha256_hex(line), given=given)


def _given(record: dict[str, Any]) -> dict[str, Any]:
    """The stated metadata of ``record``; raises ValueError naming a field with a bad value."""
    given: dict[str, Any] = {"encoding": "utf-8"}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"\"{name}\" must be a string, found {_kind(value)}")
        if value.strip():
            given[name] = " ".join(value.split())
    date = record.get("date")
    if date is not None:
        if not isinstance(date, str):
            raise ValueError(f"\"date\" must be a string, found {_kind(date)}")
        if date.strip():
            published = published_date(date)
            if published is None:
                raise ValueError(f"\"date\" {date!r} is not a date newsgraph can read (use {DATE_FORMS})")
            given["published"] = published
    authors = _authors(record.get("authors"))
    if authors:
        given["authors"] = authors
    return given


def _authors(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return split_authors(value)
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return [" ".join(name.split()) for name in value if name.strip()]
    raise ValueError(f"\"authors\" must be a list of strings or one string, found {_kind(value)}")


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list" if all(isinstance(item, str) for item in value) else "a list with non-strings"
    return "an object"
