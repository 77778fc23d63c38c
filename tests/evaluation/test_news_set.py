"""load_news_set: the gold files with their articles, halves and pairs; a broken set is refused."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation.news_set import load_news_set

FIXTURE = Path(__file__).parent / "news_fixture"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "news"))


def test_the_set_pairs_each_gold_with_its_article_half_and_pair(folder: Path) -> None:
    news = load_news_set(folder)
    assert [(article.name, article.half, article.pair) for article in news.articles] == [
        ("001_harbour-post-border.txt", "tuning", "p1"),
        ("002_river-times-patrols.txt", "tuning", "p1"),
        ("003_daily-ledger-sanctions.txt", "held_back", None),
    ]
    assert news.articles[0].path == folder / "articles" / "001_harbour-post-border.txt"
    assert news.unannotated == ("004_not-annotated-yet",)
    ((pair, (first, second)),) = news.pairs().items()
    assert (pair, first.name, second.name) == ("p1", "001_harbour-post-border.txt", "002_river-times-patrols.txt")


def _split(tuning: list[str], held_back: list[str]) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        (folder / "split.json").write_text(json.dumps({"tuning": tuning, "held_back": held_back}), encoding="utf-8")

    return change


def _edit_gold(name: str, field: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / name
        data = json.loads(path.read_text(encoding="utf-8"))
        del data[field]
        path.write_text(json.dumps(data), encoding="utf-8")

    return change


def _sources(line: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        with (folder / "sources.jsonl").open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    return change


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (_split(["001_harbour-post-border", "002_river-times-patrols"], []), "003_daily-ledger-sanctions.json",
         "is in neither half of split.json"),
        (_split(["001_harbour-post-border.txt", "002_river-times-patrols.txt"], ["001_harbour-post-border.txt"]),
         "split.json", "'001_harbour-post-border.txt' is listed twice"),
        (_split(["001_harbour-post-border.txt"], ["002_river-times-patrols.txt", "003_daily-ledger-sanctions.txt"]),
         "split.json", "the articles of pair 'p1' are in both halves"),
        (lambda folder: (folder / "split.json").write_text("[]", encoding="utf-8"), "split.json",
         "must be one object with the lists tuning and held_back"),
        (lambda folder: (folder / "split.json").unlink(), "split.json", "cannot read it"),
        (_edit_gold("003_daily-ledger-sanctions.json", "events"), "003_daily-ledger-sanctions.json",
         "missing field 'events', which the real-news gold needs"),
        (lambda folder: (folder / "articles" / "002_river-times-patrols.txt").unlink(),
         "002_river-times-patrols.json", "its article '002_river-times-patrols.txt' is not in"),
        (_sources('{"article": "009_x.txt", "pair": "p1"}'), "sources.jsonl#4", "pair 'p1' has more than two articles"),
        (_sources('{"url": "https://example.org"}'), "sources.jsonl#4", "an object with an 'article' name"),
        (_sources("{not json"), "sources.jsonl#4", "not valid JSON"),
    ],
    ids=["not-in-a-half", "in-both-halves", "pair-split", "split-not-an-object", "no-split", "no-events",
         "no-article", "pair-of-three", "source-without-article", "source-not-json"],
)  # fmt: skip
def test_a_broken_set_is_refused_naming_the_file(
    folder: Path, change: Callable[[Path], None], where: str, message: str
) -> None:
    change(folder)
    with pytest.raises(InputError, match=message) as caught:
        load_news_set(folder)
    assert caught.value.path.endswith(where)


def test_without_sources_there_are_no_pairs(folder: Path) -> None:
    (folder / "sources.jsonl").unlink()
    news = load_news_set(folder)
    assert news.pairs() == {} and all(article.pair is None for article in news.articles)
