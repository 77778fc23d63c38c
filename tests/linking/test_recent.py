from __future__ import annotations

from newsgraph.linking._recent import RecentIndex


def test_keeps_the_newest_entries_per_key_and_refreshes_one_added_again() -> None:
    index = RecentIndex(limit=3)
    for value in ("a", "b", "c"):
        index.add("key", value)
    index.add("key", "a")
    index.add("key", "d")
    assert list(index.get("key")) == ["c", "a", "d"]
    assert list(index.get("other")) == []
