"""Quality floors on the real-news gold set (eval/gold/news): the page read, event dating, events,
actors and quotation speakers (right on found quotations, quotations found with the right speaker,
speakers resolved), on both halves, may only go up. Without the gold folder the tests skip, saying so.

The floors and the hash of the gold they were measured on are kept in ``news_floors.json``. A test
fails when a figure drops under its floor, or when the gold changed (then measure again with
``newsgraph eval --news --json FILE`` and write the new floors, never lower without a stated reason
in the commit).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluation.news_run import evaluate_news_set

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold" / "news"
FLOORS = Path(__file__).resolve().parent / "news_floors.json"


def gold_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.json"), *folder.glob("articles/*.txt"), folder / "sources.jsonl"]):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    if not GOLD.is_dir():
        pytest.skip("eval/gold/news not found: the real-news floors need the gold set of this repository")
    report = evaluate_news_set(GOLD)
    halves: dict[str, Any] = report.to_json()["halves"]
    return halves


def floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def test_the_floors_were_measured_on_this_gold() -> None:
    if not GOLD.is_dir():
        pytest.skip("eval/gold/news not found: the real-news floors need the gold set of this repository")
    assert floors()["gold_sha256"] == gold_hash(GOLD), (
        "eval/gold/news changed: measure again with newsgraph eval --news and update news_floors.json"
    )


@pytest.mark.parametrize("half", ["tuning", "held_back"])
def test_page_and_event_dating_figures_stay_over_their_floors(figures: dict[str, Any], half: str) -> None:
    measured = figures[half]
    paths = {
        "title": ("page", "title", "value"),
        "outlet": ("page", "outlet", "value"),
        "published": ("page", "published", "value"),
        "junk_removed": ("page", "junk_removed", "value"),
        "body_kept": ("page", "body_kept", "value"),
        "event_date": ("events", "date", "value"),
        "event_precision": ("events", "precision", "value"),
        "event_recall": ("events", "recall", "value"),
        "event_key_recall": ("events", "key_recall", "value"),
        "event_type_precision": ("events", "type_precision", "value"),
        "event_shown_precision": ("events", "shown", "precision", "value"),
        "actors_f1": ("quotes_and_actors", "actors", "f1"),
        "speakers": ("quotes_and_actors", "speakers", "value"),
        "quotes_right_speaker": ("quotes_and_actors", "attributed", "recall"),
        "indirect_right_speaker": ("quotes_and_actors", "indirect_attributed", "recall"),
        "speakers_resolved": ("quotes_and_actors", "unresolved", "value"),
        "indirect_speakers_resolved": ("quotes_and_actors", "indirect_unresolved", "value"),
    }
    for name, floor in floors()["floors"][half].items():
        section, *keys = paths[name]
        value = measured[section]
        for key in keys:
            value = value[key]
        if name.endswith("_resolved"):
            value = 1 - value  # the share unresolved may only go down
        assert value >= floor, f"{half} {name}: {value} is under its floor {floor}"
