"""The public names of newsgraph.metadata, pinned."""

from __future__ import annotations

import newsgraph.metadata
import newsgraph.metadata.lines


def test_public_api() -> None:
    assert newsgraph.metadata.__all__ == ["resolve_metadata"]
    assert newsgraph.metadata.lines.__all__ == ["METADATA_LINE_STEPS"]
