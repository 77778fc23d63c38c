"""Cross-document gold in a small folder format, built from ECB+ (see ``eval/README.md``).

A gold folder holds:

- ``docs.jsonl``: one object a line, ``{"id", "topic", "subtopic", "text"}``. ECB+ groups its
  articles by **topic** (for instance 36, a polygamist leader's legal troubles) and splits each topic
  into two **subtopics**, the ECB half (``36ecb``: two Bountiful leaders arrested in 2009) and the
  ECB+ half (``36ecbplus``: Warren Jeffs's trial in 2011): two different stories about the same
  kind of event and often the same people. The subtopic is the gold story.
- ``mentions.jsonl`` (optional): one event mention a line, ``{"doc", "start", "end", "cluster"}``
  with an optional ``"text"``; ``start`` and ``end`` are character offsets into the document's
  text, ``cluster`` the cross-document coreference chain. When ``text`` is given it must equal
  ``text[start:end]``, which catches offsets that drifted.

:func:`load_crossdoc_gold` reads and checks a folder; :meth:`CrossDocGold.stories`,
:meth:`~CrossDocGold.topics` and :meth:`~CrossDocGold.event_chains` give the clusterings that
:func:`newsgraph.evaluation.clustering.score_clusterings` scores. Every problem raises
:class:`~newsgraph.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

__all__ = ["CrossDocGold", "GoldArticle", "GoldEventMention", "MentionKey", "load_crossdoc_gold"]

DOCS_FILE = "docs.jsonl"
MENTIONS_FILE = "mentions.jsonl"
_HINT = "see 'Cross-document gold (ECB+)' in eval/README.md for the format"

MentionKey = tuple[str, int, int]
"""An event mention as a clustering item: (document id, start, end)."""


@dataclass(frozen=True)
class GoldArticle:
    """One document of the gold set, with its topic and subtopic (the gold story)."""

    id: str
    topic: str
    subtopic: str
    text: str


@dataclass(frozen=True)
class GoldEventMention:
    """One event mention: characters ``start:end`` of document ``doc``'s text, in chain ``cluster``."""

    doc: str
    start: int
    end: int
    cluster: str

    @property
    def key(self) -> MentionKey:
        return (self.doc, self.start, self.end)


@dataclass(frozen=True)
class CrossDocGold:
    """The documents and event mentions of a gold folder."""

    folder: Path
    documents: tuple[GoldArticle, ...]
    mentions: tuple[GoldEventMention, ...]

    def stories(self) -> dict[str, str]:
        """Document id -> subtopic: the gold story clustering."""
        return {document.id: document.subtopic for document in self.documents}

    def topics(self) -> dict[str, str]:
        """Document id -> topic: the coarser grouping, for the one-cluster-per-topic baseline."""
        return {document.id: document.topic for document in self.documents}

    def event_chains(self) -> dict[MentionKey, str]:
        """(document, start, end) -> chain: the gold cross-document event clustering."""
        return {mention.key: mention.cluster for mention in self.mentions}

    def texts(self) -> dict[str, str]:
        """Document id -> text."""
        return {document.id: document.text for document in self.documents}


def load_crossdoc_gold(folder: Path) -> CrossDocGold:
    """Read ``docs.jsonl`` (required) and ``mentions.jsonl`` (when present) from ``folder``."""
    docs_path = folder / DOCS_FILE
    if not docs_path.is_file():
        raise InputError(str(docs_path), "no such file", _HINT)
    documents = tuple(_article(path, data) for path, data in _records(docs_path))
    if not documents:
        raise InputError(str(docs_path), "holds no document", _HINT)
    seen: dict[str, GoldArticle] = {}
    for document in documents:
        if document.id in seen:
            raise InputError(str(docs_path), f"document id {document.id!r} is used twice", _HINT)
        seen[document.id] = document
    mentions_path = folder / MENTIONS_FILE
    mentions: tuple[GoldEventMention, ...] = ()
    if mentions_path.is_file():
        mentions = tuple(_mention(path, data, seen) for path, data in _records(mentions_path))
        keys = [mention.key for mention in mentions]
        if len(set(keys)) != len(keys):
            duplicate = next(key for key in keys if keys.count(key) > 1)
            raise InputError(str(mentions_path), f"mention {duplicate!r} is listed twice", _HINT)
    return CrossDocGold(folder=folder, documents=documents, mentions=mentions)


def _records(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each non-blank line of a JSON-lines file, decoded, with its ``file#line`` name."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read as UTF-8 text: {error}", _HINT) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(where, f"not valid JSON: {error.msg}", _HINT) from error
        if not isinstance(data, dict):
            raise InputError(where, "each line must hold one JSON object", _HINT)
        yield where, data


def _fields(where: str, data: dict[str, Any], required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise InputError(where, f"unknown field {unknown[0]!r}", _HINT)
    missing = [name for name in required if name not in data]
    if missing:
        raise InputError(where, f"missing field {missing[0]!r}", _HINT)


def _string(where: str, data: dict[str, Any], name: str) -> str:
    value = data[name]
    if not isinstance(value, str) or not value.strip():
        raise InputError(where, f"{name!r} must be a non-empty string, not {value!r}", _HINT)
    return value


def _article(where: str, data: dict[str, Any]) -> GoldArticle:
    # The article fields the JSON Lines reader takes are allowed too: the same file is ingested.
    _fields(where, data, ("id", "topic", "subtopic", "text"), ("title", "url", "date", "outlet", "authors", "language"))
    return GoldArticle(
        id=_string(where, data, "id"),
        topic=_string(where, data, "topic"),
        subtopic=_string(where, data, "subtopic"),
        text=_string(where, data, "text"),
    )


def _mention(where: str, data: dict[str, Any], documents: dict[str, GoldArticle]) -> GoldEventMention:
    _fields(where, data, ("doc", "start", "end", "cluster"), ("text",))
    doc = _string(where, data, "doc")
    if doc not in documents:
        raise InputError(where, f"document {doc!r} is not in {DOCS_FILE}", _HINT)
    start, end = data["start"], data["end"]
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InputError(where, f"{name!r} must be a whole number from 0, not {value!r}", _HINT)
    text = documents[doc].text
    if not start < end <= len(text):
        raise InputError(where, f"offsets {start}:{end} are not a span of {doc!r} ({len(text)} characters)", _HINT)
    if "text" in data and data["text"] != text[start:end]:
        raise InputError(where, f"'text' is {data['text']!r} but the span {start}:{end} reads {text[start:end]!r}", _HINT)
    return GoldEventMention(doc=doc, start=start, end=end, cluster=_string(where, data, "cluster"))
