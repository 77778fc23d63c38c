"""The public names of newsgraph.dates, pinned."""

from __future__ import annotations

import newsgraph.dates


def test_public_api() -> None:
    assert sorted(newsgraph.dates.__all__) == ["DateMention", "PartialDate", "find_explicit_dates", "parse_date"]
    assert all(hasattr(newsgraph.dates, name) for name in newsgraph.dates.__all__)
