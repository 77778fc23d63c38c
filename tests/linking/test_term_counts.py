from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.linking.term_counts import COMMON_MIN, TermCounts
from newsgraph.store import Store


@pytest.fixture
def counts(db_path: Path) -> TermCounts:
    with Store(db_path) as store:
        return TermCounts(store)


def test_a_word_most_articles_share_weighs_less_than_a_rare_one(counts: TermCounts) -> None:
    counts.add([{"shr": 0.5, f"company{n}": 0.5} for n in range(10 * COMMON_MIN)])
    damped = counts.damped({"shr": 0.7, "acme": 0.7})
    assert damped["acme"] > 0.99 and damped["shr"] < 0.1


def test_a_small_collection_is_left_alone(counts: TermCounts) -> None:
    counts.add([{"putin": 0.5, "summit": 0.5} for _ in range(5)])
    assert counts.damped({"putin": 0.6, "summit": 0.8}) == {"putin": 0.6, "summit": 0.8}


def test_counts_persist_across_runs(db_path: Path) -> None:
    with Store(db_path) as store:
        first = TermCounts(store)
        first.add([{"cocoa": 1.0}, {"cocoa": 1.0, "price": 1.0}])
        first.write(store)
    with Store(db_path) as store:
        assert TermCounts(store).docs == {"cocoa": 2, "price": 1}
