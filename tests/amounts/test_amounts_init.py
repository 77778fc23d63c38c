"""The public names of newsgraph.amounts, pinned."""

from __future__ import annotations

import newsgraph.amounts


def test_public_api() -> None:
    assert sorted(newsgraph.amounts.__all__) == ["Amount", "find_amounts", "parse_fraction", "parse_number"]
    assert all(hasattr(newsgraph.amounts, name) for name in newsgraph.amounts.__all__)
