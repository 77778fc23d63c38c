"""Input readers: files and folders in, :class:`RawArticle` records (or reasons why not) out.

Each format has its own module (``plaintext``, ``html``, ``jsonl``, ``reuters``), all with the
signature ``read(path, *, max_article_bytes) -> Iterator[RawArticle | InputError]``. A reader
raises :class:`InputError` for a problem with the whole file and yields one for a bad record;
:func:`read_file` turns both into yielded errors, so nothing a user's input does stops a run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.readers._files import os_problem
from newsgraph.readers.discover import discover
from newsgraph.readers.html import HTML_SUFFIXES, read_html
from newsgraph.readers.jsonl import JSONL_SUFFIXES, read_jsonl
from newsgraph.readers.plaintext import PLAINTEXT_SUFFIXES, read_plaintext
from newsgraph.readers.reuters import REUTERS_SUFFIXES, read_reuters
from newsgraph.records import RawArticle

__all__ = ["discover", "read_file", "read_paths", "SUPPORTED_SUFFIXES"]

_Reader = Callable[..., Iterator[RawArticle | InputError]]
"""A format reader: ``reader(path, *, max_article_bytes=...)``."""

_READERS: Mapping[str, _Reader] = {
    **dict.fromkeys(PLAINTEXT_SUFFIXES, read_plaintext),
    **dict.fromkeys(HTML_SUFFIXES, read_html),
    **dict.fromkeys(JSONL_SUFFIXES, read_jsonl),
    **dict.fromkeys(REUTERS_SUFFIXES, read_reuters),
}

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_READERS)
"""The file name endings newsgraph reads (lower case); a file with no suffix is read as text."""


def read_file(path: Path, *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """The articles in the file ``path``: one for text and HTML, one per record for JSON Lines
    and Reuters SGML. Problems are yielded as :class:`InputError`, never raised.

    The reader is chosen by the suffix, in any case (``.TXT`` is text); a file with no suffix
    is read as plain text.
    """
    suffix = path.suffix.lower()
    reader = read_plaintext if not suffix else _READERS.get(suffix)
    if reader is None:
        yield InputError(
            str(path),
            f"unsupported file type '{path.suffix}'",
            f"newsgraph reads {', '.join(sorted(SUPPORTED_SUFFIXES))} and files with no suffix as text",
        )
        return
    try:
        yield from reader(path, max_article_bytes=max_article_bytes)
    except InputError as error:
        yield error
    except OSError as error:
        yield os_problem(path, error)


def read_paths(paths: Sequence[Path], *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """:func:`discover` the files under ``paths`` and :func:`read_file` each, in order."""
    for found in discover(paths):
        if isinstance(found, InputError):
            yield found
        else:
            yield from read_file(found, max_article_bytes=max_article_bytes)
