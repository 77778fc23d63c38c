"""Quality floors on the page gold set (eval/gold/pages): the page read of real pages annotated by
someone who did not see the code (title, outlet, publication date, non-body and junk lines
removed, body lines kept), on both halves, may only go up. Without the gold folder the tests skip,
saying so.

The floors and the hash of the gold they were measured on are kept in ``page_floors.json``; measure
again with ``newsgraph eval --pages --json FILE`` when the gold changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evaluation.test_news_floors import gold_hash
from newsgraph.evaluation.page_set import evaluate_page_set

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold" / "pages"
FLOORS = Path(__file__).resolve().parent / "page_floors.json"
PATHS = {
    "title": ("title", "value"),
    "outlet": ("outlet", "value"),
    "published": ("published", "value"),
    "non_body_removed": ("junk_removed", "value"),
    "junk_removed": ("junk_removed_by_kind", "junk", "value"),
    "body_kept": ("body_kept", "value"),
}


def floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    if not GOLD.is_dir():
        pytest.skip("eval/gold/pages not found: the page floors need the page gold set of this repository")
    halves: dict[str, Any] = evaluate_page_set(GOLD).to_json()["halves"]
    return halves


def test_the_floors_were_measured_on_this_gold() -> None:
    if not GOLD.is_dir():
        pytest.skip("eval/gold/pages not found: the page floors need the page gold set of this repository")
    assert floors()["gold_sha256"] == gold_hash(GOLD), (
        "eval/gold/pages changed: measure again with newsgraph eval --pages and update page_floors.json"
    )


@pytest.mark.parametrize("half", ["tuning", "held_back"])
def test_the_page_read_stays_over_its_floors(figures: dict[str, Any], half: str) -> None:
    for name, floor in floors()["floors"][half].items():
        value = figures[half]["page"]
        for key in PATHS[name]:
            value = value[key]
        assert value >= floor, f"{half} {name}: {value} is under its floor {floor}"
