"""Shared fixtures: a temporary database and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from spacy.language import Language

from factories import SEEDS
from newsgraph.nlp import load_nlp


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    return SEEDS


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The spaCy pipeline, loaded once per test session."""
    return load_nlp()
