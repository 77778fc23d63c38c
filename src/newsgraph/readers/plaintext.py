"""Plain-text articles: one file, one article, the whole decoded text as it stands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.readers._files import article_bytes, sha256_hex
from newsgraph.readers.decode import decode_bytes
from newsgraph.records import RawArticle

__all__ = ["read_plaintext", "PLAINTEXT_SUFFIXES"]

PLAINTEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def read_plaintext(path: Path, *, max_article_bytes: int) -> Iterator[RawArticle | InputError]:
    """The one article in the text file ``path``; raises :class:`InputError` when it is unreadable.

    ``raw_text`` is the decoded file, untouched; ``given`` holds only the ``encoding`` used (a
    plain-text file states no metadata outright: cleaning reads the title and byline lines).
    """
    data = article_bytes(path, max_article_bytes)
    decoded = decode_bytes(data, str(path))
    yield RawArticle(
        source=str(path),
        format="text",
        raw_text=decoded.text,
        raw_sha=sha256_hex(data),
        given={"encoding": decoded.encoding},
    )
