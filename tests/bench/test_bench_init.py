"""The benchmark package's modules: each exports what it names."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("name", ["ingest", "linking", "pages", "memory"])
def test_every_module_exports_what_it_names(name: str) -> None:
    module = importlib.import_module(f"newsgraph.bench.{name}")
    assert module.__all__ and all(hasattr(module, exported) for exported in module.__all__)
