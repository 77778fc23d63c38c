"""The gold shipped in eval/gold: valid, anchored in the cleaned articles, and free of seed sentences."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from factories import REPO

from newsgraph.clean import Cleaned, clean_text
from newsgraph.evaluation import GoldDocument, load_gold, locate_gold
from newsgraph.evaluation.gold import anchor_words

GOLD = REPO / "eval" / "gold"
HELD_OUT = sorted((GOLD / "held_out").glob("*.json"))
SEED_GOLD = sorted((GOLD / "seeds").glob("*.json"))
ARTICLES = GOLD / "held_out" / "articles"
KB_ACTORS = REPO / "src" / "newsgraph" / "data" / "kb_actors.jsonl"
_WORD = re.compile(r"\w+")
# A run of words this long shared with a seed is a copied sentence, not a name or a short anchor;
# gold may hold a long name (an institute's runs to nine words), articles should hold nothing.
_COPIED_BY_GOLD = 10
_COPIED_BY_ARTICLE = 8


@cache
def _cleaned(path: Path) -> Cleaned:
    return clean_text(path.read_text(encoding="utf-8"))


def _title(cleaned: Cleaned) -> str | None:
    return next((found.value for found in cleaned.found if found.field == "title"), None)


@cache
def _kb_ids() -> frozenset[str]:
    with KB_ACTORS.open(encoding="utf-8") as lines:
        return frozenset(json.loads(line)["id"] for line in lines if line.strip())


def _check_anchored(gold: GoldDocument, article: Path) -> None:
    cleaned = _cleaned(article)
    located = locate_gold(gold, cleaned.text, _title(cleaned))
    assert len(located.quotes) == len(gold.quotes)


def _runs(text: str, length: int) -> set[tuple[str, ...]]:
    words = [word.lower() for word in _WORD.findall(text)]
    return {tuple(words[index : index + length]) for index in range(len(words) - length + 1)}


def test_there_are_gold_files_for_every_seed_and_at_least_ten_held_out_articles() -> None:
    assert len(SEED_GOLD) == 5
    assert len(HELD_OUT) >= 10
    assert sorted(path.stem for path in HELD_OUT) == sorted(path.stem for path in ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("path", HELD_OUT + SEED_GOLD, ids=lambda path: path.name)
def test_gold_is_valid_and_names_knowledge_base_ids_that_exist(path: Path) -> None:
    gold = load_gold(path)
    unknown = [actor.kb_id for actor in gold.actors if actor.kb_id and actor.kb_id not in _kb_ids()]
    assert unknown == []


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda path: path.name)
def test_held_out_anchors_occur_in_the_cleaned_article(path: Path) -> None:
    gold = load_gold(path)
    article = ARTICLES / gold.article
    assert 300 <= len(article.read_text(encoding="utf-8").split()) <= 700
    _check_anchored(gold, article)


@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda path: path.name)
def test_seed_anchors_occur_in_the_cleaned_seed(path: Path, seeds: Path) -> None:
    gold = load_gold(path)
    _check_anchored(gold, seeds / gold.article)


@pytest.mark.parametrize("path", SEED_GOLD, ids=lambda path: path.name)
def test_seed_gold_quotes_at_most_four_words_and_copies_no_seed_sentence(path: Path, seeds: Path) -> None:
    gold = load_gold(path)
    assert max(anchor_words(quote.starts) for quote in gold.quotes) <= 4
    seed_runs = _runs((seeds / gold.article).read_text(encoding="utf-8"), _COPIED_BY_GOLD)
    assert _runs(path.read_text(encoding="utf-8"), _COPIED_BY_GOLD) & seed_runs == set()


def test_held_out_articles_copy_no_seed_sentence(seeds: Path) -> None:
    seed_runs = set().union(
        *(_runs(path.read_text(encoding="utf-8"), _COPIED_BY_ARTICLE) for path in seeds.glob("*.txt"))
    )
    copied = {
        path.name: _runs(path.read_text(encoding="utf-8"), _COPIED_BY_ARTICLE) & seed_runs
        for path in ARTICLES.glob("*.txt")
    }
    assert {name: runs for name, runs in copied.items() if runs} == {}
