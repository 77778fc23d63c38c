"""Fixtures for the evaluation tests: a perfect prediction for the small article of ruiz_case."""

from __future__ import annotations

from typing import Any

import pytest
from evaluation.ruiz_case import perfect_records


@pytest.fixture
def records() -> dict[str, list[dict[str, Any]]]:
    return perfect_records()
