"""Fixtures for the reader tests: a writer of small input files in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

Write = Callable[[str, str | bytes], Path]
"""The type of the :func:`write` fixture."""


@pytest.fixture
def write(tmp_path: Path) -> Write:
    """``write(name, content)``: create ``tmp_path/name`` (folders too) holding ``content``
    (text is written as UTF-8) and return its path."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    return write_file
