"""Reading the real-news gold set: its gold files, their articles, the halves and the pairs.

The folder layout is documented in ``eval/gold/news/README.md``: ``articles/`` holds the pages,
``NNN_outlet-slug.json`` their gold, ``split.json`` the two halves (``tuning`` and ``held_back``)
and ``sources.jsonl`` where each article came from and which pair it belongs to. Every gold file
must have its article, ``page`` and ``events``, and lie in exactly one half; a pair's articles
must share a half. An article the split names but nobody has annotated yet is left out, and
listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation.gold import GoldDocument, load_gold
from newsgraph.evaluation.gold_news import NEWS_HINT

__all__ = ["HALVES", "NewsArticle", "NewsSet", "load_news_set", "read_split"]

HALVES = ("tuning", "held_back")
"""The halves of the set: code may be changed while reading the first, never the second."""

_SPLIT = "split.json"
_SOURCES = "sources.jsonl"
_SUFFIXES = (".txt", ".json", ".html", ".htm")


@dataclass(frozen=True)
class NewsArticle:
    """One annotated article: its gold, the path of its page, its half and its pair (or None)."""

    gold: GoldDocument
    path: Path
    half: str
    pair: str | None = None

    @property
    def name(self) -> str:
        return self.gold.article


@dataclass(frozen=True)
class NewsSet:
    """The annotated articles of the set, in name order, and the split's articles without gold."""

    folder: Path
    articles: tuple[NewsArticle, ...]
    unannotated: tuple[str, ...] = ()

    def pairs(self) -> dict[str, tuple[NewsArticle, NewsArticle]]:
        """The pairs both of whose articles are annotated, by pair id."""
        members: dict[str, list[NewsArticle]] = {}
        for article in self.articles:
            if article.pair is not None:
                members.setdefault(article.pair, []).append(article)
        return {pair: (found[0], found[1]) for pair, found in sorted(members.items()) if len(found) == 2}


def _stem(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def load_news_set(folder: Path) -> NewsSet:
    """Read and check the real-news gold folder ``folder``."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such gold folder", "give the folder of the real-news gold (eval/gold/news)")
    halves = read_split(folder / _SPLIT)
    pairs = _read_pairs(folder / _SOURCES)
    articles = []
    for path in sorted(folder.glob("*.json")):
        if path.name == _SPLIT:
            continue
        gold = load_gold(path)
        if gold.page is None or gold.events is None:
            missing = "page" if gold.page is None else "events"
            raise InputError(str(path), f"gold: missing field {missing!r}, which the real-news gold needs", NEWS_HINT)
        page = folder / "articles" / gold.article
        if not page.is_file():
            problem = f"its article {gold.article!r} is not in {folder / 'articles'}"
            raise InputError(str(path), problem, "check the 'article' field")
        half = halves.get(_stem(gold.article))
        if half is None:
            raise InputError(
                str(path), f"its article {gold.article!r} is in neither half of {_SPLIT}", "add it to one half"
            )
        articles.append(NewsArticle(gold, page, half, pairs.get(_stem(gold.article))))
    annotated = {_stem(article.name) for article in articles}
    by_pair: dict[str, set[str]] = {}
    for article in articles:
        if article.pair is not None:
            by_pair.setdefault(article.pair, set()).add(article.half)
    for pair, found in sorted(by_pair.items()):
        if len(found) > 1:
            raise InputError(
                str(folder / _SPLIT), f"the articles of pair {pair!r} are in both halves", "keep a pair in one half"
            )
    return NewsSet(folder, tuple(articles), tuple(sorted(name for name in halves if name not in annotated)))


def read_split(path: Path) -> dict[str, str]:
    """Article stem -> half, from a ``split.json`` holding the lists ``tuning`` and ``held_back``."""
    data = _read_json(path)
    if not isinstance(data, dict) or sorted(set(data) - {"about"}) != sorted(HALVES):
        raise InputError(
            str(path), f"must be one object with the lists {' and '.join(HALVES)} (and an optional 'about')", NEWS_HINT
        )
    halves: dict[str, str] = {}
    for half in HALVES:
        names = data[half]
        if not isinstance(names, list) or not all(isinstance(name, str) and name for name in names):
            raise InputError(str(path), f"{half!r} must be a list of article names", NEWS_HINT)
        for name in names:
            if _stem(name) in halves:
                raise InputError(str(path), f"{name!r} is listed twice", "give each article one half")
            halves[_stem(name)] = half
    return halves


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(str(path), f"cannot read it: {error.strerror or error}", NEWS_HINT) from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"not valid JSON: {error}", NEWS_HINT) from error


def _read_pairs(path: Path) -> dict[str, str]:
    """Article stem -> pair id, from ``sources.jsonl`` (no pairs when the file is absent)."""
    if not path.is_file():
        return {}
    pairs: dict[str, str] = {}
    members: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(where, f"not valid JSON: {error}", NEWS_HINT) from error
        if not isinstance(record, dict) or not isinstance(record.get("article"), str):
            raise InputError(where, "each line must be an object with an 'article' name", NEWS_HINT)
        pair = record.get("pair")
        if pair is None:
            continue
        if not isinstance(pair, str) or not pair:
            raise InputError(where, f"'pair' must be a pair id or null, not {pair!r}", NEWS_HINT)
        members[pair] = members.get(pair, 0) + 1
        if members[pair] > 2:
            raise InputError(where, f"pair {pair!r} has more than two articles", "a pair is two articles")
        pairs[_stem(record["article"])] = pair
    return pairs
