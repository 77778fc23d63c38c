"""Fixtures for the quote finder's tests: the clean body of each seed article."""

from __future__ import annotations

import pytest

from factories import SEEDS
from newsgraph.clean import clean_text


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The clean body of each seed article, by file name."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    return {path.name: clean_text(path.read_text(encoding="utf-8")).text for path in paths}
